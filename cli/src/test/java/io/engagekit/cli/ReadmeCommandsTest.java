package io.engagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ./engagekit} command in the README's code blocks (issue 25, item 7), run as written
 * from the repository's root: the paths in it are read against the root (the tests run in
 * {@code cli/}), files it writes go to a temporary directory, and where the README shows JSON
 * output on the next line, the output must equal it.
 */
final class ReadmeCommandsTest {
  @TempDir Path dir;

  /** The README's commands, continuation lines joined, with the line shown after each, if any. */
  static List<String[]> commands(String readme) {
    List<String[]> out = new ArrayList<>();
    List<String> lines = readme.lines().toList();
    boolean code = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        code = !code;
        continue;
      }
      if (!code || !line.startsWith("./engagekit ")) {
        continue;
      }
      StringBuilder command = new StringBuilder();
      while (line.endsWith("\\")) {
        command.append(line, 0, line.length() - 1).append(' ');
        line = lines.get(++i).strip();
      }
      command.append(line);
      String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
      out.add(new String[] {command.toString(), next.startsWith("{") ? next : null});
    }
    return out;
  }

  @Test
  void everyReadmeCommand_runsAsWritten() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    List<String[]> commands = commands(readme);
    assertTrue(commands.size() >= 4, "the README's commands: " + commands.size());
    for (String[] c : commands) {
      List<String> args = new ArrayList<>();
      for (String word : c[0].substring("./engagekit ".length()).trim().split("\\s+")) {
        Path asFile = root.resolve(word);
        args.add(word.contains("/") && Files.exists(asFile) ? asFile.toString()
            : word.endsWith(".csv") || word.endsWith(".html") ? dir.resolve(word).toString() : word);
      }
      if (args.get(0).equals("demo")) {
        args.add("--report");
        args.add(dir.resolve("engagekit-report.html").toString()); // its default, in the working directory
      }
      CliTestSupport.Result r = CliTestSupport.run(args.toArray(String[]::new));
      assertEquals(0, r.status(), c[0] + "\n" + r.err());
      if (c[1] != null) {
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(c[1]), json.readTree(r.out()), c[0]);
      }
    }
  }
}

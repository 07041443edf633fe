package io.engagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example lines in README.md's "Input formats" section validate as written. */
final class ReadmeFormatsTest {
  private static final Pattern ROW = Pattern.compile("^\\| (touchpoints|surveys|journeys|customers|paths) \\| (.+?) \\| `(.+)` \\|$",
      Pattern.MULTILINE);

  @TempDir Path dir;

  @Test
  void formatTableExamples_validate() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    Matcher m = ROW.matcher(readme);
    int checked = 0;
    while (m.find()) {
      String kind = m.group(1);
      String header = m.group(2).replace("*", "").replace(" ", "");
      Path file = dir.resolve(kind + ".csv");
      Files.writeString(file, header + "\n" + m.group(3) + "\n");
      CliTestSupport.Result r = CliTestSupport.run("validate", "--input", file.toString(), "--kind", kind, "--json");
      assertEquals(0, r.status(), kind + ": " + r.err());
      checked++;
    }
    assertEquals(5, checked, "README.md should have one example row for each canonical schema");
    Matcher json = Pattern.compile("^`(\\{\"customer\".+\\})`\\.$", Pattern.MULTILINE).matcher(readme);
    assertTrue(json.find(), "README.md's JSON Lines example");
    Path jsonl = dir.resolve("touchpoints.jsonl");
    Files.writeString(jsonl, json.group(1) + "\n");
    assertEquals(0, CliTestSupport.run("validate", "--input", jsonl.toString()).status());
  }
}

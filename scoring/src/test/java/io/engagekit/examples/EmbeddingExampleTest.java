package io.engagekit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding example (issue 25, item 7) is this package's {@link EmbeddingExample},
 * whole, imports included: it compiles, prints what its comments say, and the README shows it
 * verbatim.
 */
final class EmbeddingExampleTest {
  @Test
  void runs_andPrintsWhatItsCommentsSay() throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      EmbeddingExample.main(new String[0]);
    } finally {
      System.setOut(saved);
    }
    assertEquals(String.join("\n", "alice 100.0 555 champions", "  recency 33.3", "  frequency 33.3",
        "  monetary 33.3", "false no NPS answer", "alice 100.0", "carol 73.3", "bob 46.7", "true", ""),
        out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }

  @Test
  void readme_showsTheWholeFile() throws Exception {
    String source = Files.readString(Path.of("src/test/java/io/engagekit/examples/EmbeddingExample.java"),
        StandardCharsets.UTF_8);
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    assertTrue(readme.contains("```java\n" + source + "```\n"),
        "README.md's embedding example differs from EmbeddingExample.java; copy the file over");
  }
}

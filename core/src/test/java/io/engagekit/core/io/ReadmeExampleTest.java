package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Touchpoint;
import io.engagekit.core.testing.ReadmeSnippets;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Java example, compiled and run here; the test fails if the README's copy drifts. */
final class ReadmeExampleTest {
  @Test
  void example_runs() throws IOException {
    // README:begin
    String csv = """
        customer,timestamp,channel,kind,value
        c-1,2026-03-01T10:15:30Z,web,purchase,59.90
        c-2,2026-03-01,email,campaign_response,
        c-3,yesterday,web,visit,
        """;
    List<Touchpoint> touchpoints = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    try (RowReader<Touchpoint> rows = Schema.TOUCHPOINTS.reader(
        new StringReader(csv), Format.CSV, ReadOptions.lenient(), rejects::add)) {
      rows.forEachRemaining(touchpoints::add);
      System.out.println(rows.stats()); // ReadStats[rows=3, accepted=2, rejected=1]
    }
    System.out.println(rejects.get(0)); // line 4: timestamp must be an ISO-8601 instant, ... but was 'yesterday'
    // README:end
    assertEquals(2, touchpoints.size());
    assertEquals(59.90, touchpoints.get(0).value().getAsDouble());
    assertEquals(4, rejects.get(0).line());
    assertTrue(rejects.get(0).toString().endsWith("but was 'yesterday'"));
  }

  @Test
  void readme_showsThisExampleVerbatim() throws IOException {
    String source = Files.readString(Path.of("src/test/java/io/engagekit/core/io/ReadmeExampleTest.java"),
        StandardCharsets.UTF_8);
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    for (String marker : List.of("README")) {
      String block = ReadmeSnippets.javaBlock(source, marker);
      assertTrue(readme.contains(block),
          "README.md's Java example differs from ReadmeExampleTest; copy it over:\n" + block);
    }
  }
}

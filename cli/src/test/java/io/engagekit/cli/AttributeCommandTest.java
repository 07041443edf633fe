package io.engagekit.cli;

import static io.engagekit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AttributeCommandTest {
  @TempDir Path dir;

  /** Issue 5's worked example, with a value of 10 a conversion. */
  private Path example() throws IOException {
    Path file = dir.resolve("paths.csv");
    Files.writeString(file, "path,total_conversions,total_conversion_value,total_null\n"
        + "Google Ads,2,20,1\n"
        + "Mailing,1,10,0\n"
        + "Google Ads > Mailing,1,10,0\n");
    return file;
  }

  /** Markov order 1: 2.4 and 1.6 conversions, removal effects 0.75 and 0.5 (the acceptance). */
  @Test
  void markov_json_workedExample() throws IOException {
    CliTestSupport.Result r = run("attribute", "--input", example().toString(), "--model", "markov", "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("markov", j.get("model").asText());
    assertEquals(1, j.get("order").asInt());
    assertEquals(4.0, j.get("totalConversions").asDouble());
    assertEquals(40.0, j.get("totalValue").asDouble());
    assertEquals(2.4, j.get("channels").get("Google Ads").get("conversions").asDouble(), 1e-12);
    assertEquals(1.6, j.get("channels").get("Mailing").get("conversions").asDouble(), 1e-12);
    assertEquals(24, j.get("channels").get("Google Ads").get("value").asDouble(), 1e-12);
    assertEquals(0.75, j.get("removalEffects").get("Google Ads").asDouble(), 1e-12);
    assertEquals(0.5, j.get("removalEffects").get("Mailing").asDouble(), 1e-12);
  }

  @Test
  void heuristics_json_andText() throws IOException {
    Path file = example();
    String[][] expected = {{"first", "3", "1"}, {"last", "2", "2"}, {"linear", "2.5", "1.5"}, {"position", "2.5", "1.5"}};
    for (String[] e : expected) {
      CliTestSupport.Result r = run("attribute", "--input", file.toString(), "--model", e[0], "--json");
      assertEquals(0, r.status(), r.err());
      JsonNode j = new ObjectMapper().readTree(r.out());
      assertEquals(e[0], j.get("model").asText());
      assertTrue(j.get("order").isNull());
      assertEquals(Double.parseDouble(e[1]), j.get("channels").get("Google Ads").get("conversions").asDouble(), 1e-12);
      assertEquals(Double.parseDouble(e[2]), j.get("channels").get("Mailing").get("conversions").asDouble(), 1e-12);
      assertTrue(!j.has("removalEffects"));
    }
    CliTestSupport.Result text = run("attribute", "--input", file.toString(), "--model", "markov");
    assertEquals(0, text.status(), text.err());
    assertEquals("# markov (order 1) over 3 paths: 4 conversions, value 40\n"
        + "channel\tconversions\tvalue\tremoval_effect\tvalue_removal_effect\n"
        + "Google Ads\t2.4\t24\t0.75\t0.75\n"
        + "Mailing\t1.6\t16\t0.5\t0.5\n", text.out());
  }

  @Test
  void rejectedRows_exitOne_andTheRestIsAttributed() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "path,total_conversions,total_conversion_value,total_null\n"
        + "A,1,5,0\n"
        + "A >  > B,1,1,1\n");
    CliTestSupport.Result r = run("attribute", "--input", file.toString(), "--model", "first");
    assertEquals(1, r.status());
    assertTrue(r.err().contains("line 3") && r.err().contains("path"), r.err());
    assertTrue(r.out().contains("A\t1\t5"), r.out());
    assertEquals(1, run("attribute", "--input", file.toString(), "--model", "first", "--strict").status());
  }

  @Test
  void usageErrors_exitTwo() throws IOException {
    String file = example().toString();
    assertEquals(2, run("attribute", "--input", file, "--model", "nope").status());
    assertEquals(2, run("attribute", "--input", file, "--model", "markov", "--order", "5").status());
    assertEquals(2, run("attribute", "--input", file, "--model", "linear", "--order", "2").status());
    assertEquals(2, run("attribute", "--input", file, "--model", "position", "--first-share", "0.8").status());
    assertEquals(2, run("attribute", "--input", dir.resolve("missing.csv").toString(), "--model", "first").status());
    assertEquals(2, run("score", "--input", file, "--kind", "paths", "--as-of", "2026-01-01").status());
  }

  @Test
  void validate_readsPaths() throws IOException {
    CliTestSupport.Result r = run("validate", "--input", example().toString(), "--kind", "paths", "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("{\"rows\":3,\"accepted\":3,\"rejected\":0,\"customers\":0"), r.out());
  }
}

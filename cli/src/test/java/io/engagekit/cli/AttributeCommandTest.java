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
        + "channel conversions value removal_effect value_removal_effect\n"
        + "Google Ads 2.4 24 0.75 0.75\n"
        + "Mailing 1.6 16 0.5 0.5\n", CliTestSupport.cells(text.out()));
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
    assertTrue(CliTestSupport.cells(r.out()).contains("A 1 5"), r.out());
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
    assertEquals(2, run("attribute", "--input", file, "--model", "time-decay").status());
    assertEquals(2, run("attribute", "--input", file, "--model", "linear", "--half-life", "2d").status());
    assertEquals(2, run("attribute", "--input", file, "--model", "markov", "--samples", "100").status());
    assertEquals(2, run("attribute", "--input", file, "--model", "shapley", "--samples", "1").status());
    CliTestSupport.Result many = run("attribute", "--input", file, "--model", "shapley", "--samples", "2000000000");
    assertEquals(2, many.status());
    assertTrue(many.err().contains("--samples must be in [2, 10000000] but was 2000000000"), many.err());
    assertEquals(2, run("attribute", "--input", file, "--model", "markov", "--gap", "1d").status());
    assertEquals(2, run("attribute", "--input", file, "--model", "markov", "--kind", "surveys").status());
    CliTestSupport.Result r = run("attribute", "--input", file, "--model", "time-decay");
    assertTrue(r.err().contains("--kind touchpoints"), r.err());
  }

  /**
   * Shapley on the worked example (values derived by hand in ShapleyTest): 7/6 and 17/6
   * conversions, exact (no error bounds); with --samples, bounds are printed and contain the exact
   * values.
   */
  @Test
  void shapley_json() throws IOException {
    String file = example().toString();
    CliTestSupport.Result r = run("attribute", "--input", file, "--model", "shapley", "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("shapley", j.get("model").asText());
    assertEquals(7.0 / 6, j.get("channels").get("Google Ads").get("conversions").asDouble(), 1e-12);
    assertEquals(17.0 / 6, j.get("channels").get("Mailing").get("conversions").asDouble(), 1e-12);
    assertTrue(!j.has("errorBounds"));
    r = run("attribute", "--input", file, "--model", "shapley-ordered", "--samples", "500", "--seed", "3", "--json");
    assertEquals(0, r.status(), r.err());
    j = new ObjectMapper().readTree(r.out());
    assertEquals("shapley-ordered", j.get("model").asText());
    double bound = j.get("errorBounds").get("Google Ads").get("conversions").asDouble();
    assertTrue(Math.abs(j.get("channels").get("Google Ads").get("conversions").asDouble() - 37.0 / 15) <= bound);
    CliTestSupport.Result text = run("attribute", "--input", file, "--model", "shapley", "--samples", "100");
    assertTrue(text.out().contains("conversions_bound") && text.out().contains("95%"), text.out());
  }

  /** Order 2 reports sequence removal effects: the only sequence here is Google Ads &gt; Mailing. */
  @Test
  void markov_sequences_json() throws IOException {
    CliTestSupport.Result r = run("attribute", "--input", example().toString(), "--model", "markov", "--order", "2",
        "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    // Without the sequence the 1 journey through (Google Ads, Mailing) is lost: P = 0.6 of 0.8.
    assertEquals(0.25, j.get("sequenceRemovalEffects").get("Google Ads > Mailing").asDouble(), 1e-12);
    r = run("attribute", "--input", example().toString(), "--model", "markov", "--order", "2", "--sequences", "0");
    assertTrue(!r.out().contains("sequence"), r.out());
  }

  /**
   * Touchpoints in, journeys assembled with an 8-day gap: an email then a purchase worth 30 seven
   * days later converts (time-decay with a 7-day half-life: email 1/3, web 2/3); a customer's lone
   * web visit ten days before the last touchpoint is an abandoned journey, a null. With a 5-day gap
   * the email is a journey of its own, abandoned, and first-touch credits web alone.
   */
  @Test
  void touchpoints_timeDecay_andPaths() throws IOException {
    Path file = dir.resolve("touchpoints.csv");
    Files.writeString(file, "customer,timestamp,channel,kind,value\n"
        + "c1,2026-01-01T00:00:00Z,email,campaign_response,\n"
        + "c1,2026-01-08T00:00:00Z,web,purchase,30\n"
        + "c2,2025-12-29T00:00:00Z,web,visit,\n");
    CliTestSupport.Result r = run("attribute", "--input", file.toString(), "--kind", "touchpoints", "--model",
        "time-decay", "--gap", "8d", "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(1.0, j.get("totalConversions").asDouble());
    assertEquals(1.0 / 3, j.get("channels").get("email").get("conversions").asDouble(), 1e-12);
    assertEquals(20, j.get("channels").get("web").get("value").asDouble(), 1e-12);
    r = run("attribute", "--input", file.toString(), "--kind", "touchpoints", "--model", "first", "--gap", "8d",
        "--json");
    j = new ObjectMapper().readTree(r.out());
    assertEquals(1.0, j.get("channels").get("email").get("conversions").asDouble());
    assertEquals(0.0, j.get("channels").get("web").get("conversions").asDouble());
    r = run("attribute", "--input", file.toString(), "--kind", "touchpoints", "--model", "first", "--gap", "5d",
        "--json");
    j = new ObjectMapper().readTree(r.out());
    assertEquals(0.0, j.get("channels").get("email").get("conversions").asDouble());
    assertEquals(1.0, j.get("channels").get("web").get("conversions").asDouble());
  }

  @Test
  void validate_readsPaths() throws IOException {
    CliTestSupport.Result r = run("validate", "--input", example().toString(), "--kind", "paths", "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("{\"rows\":3,\"accepted\":3,\"rejected\":0,\"customers\":0"), r.out());
  }
}

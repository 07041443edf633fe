package io.engagekit.cli;

import static io.engagekit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate --model} (issue 24, item 5): customers drawn with planted parameters round-trip
 * through {@code fit}, which recovers them within three standard errors. Planted: the published
 * estimates (BG/BB, Fader, Hardie &amp; Shang 2010, donations; sBG, Fader &amp; Hardie 2007, regular).
 */
final class PlantedSimulationTest {
  @TempDir Path dir;

  private static void recovered(JsonNode fit, Map<String, Double> planted) {
    planted.forEach((name, value) -> {
      double estimate = fit.get("params").get(name).asDouble();
      double se = fit.get("standardErrors").get(name).asDouble();
      assertTrue(Math.abs(estimate - value) <= 3 * se, name + ": planted " + value + ", fitted " + estimate + " ± " + se);
    });
  }

  @Test
  void bgbb_andSbg_roundTripThroughFit() throws IOException {
    CliTestSupport.Result drawn = run("simulate", "--model", "bgbb", "--params",
        "alpha=1.204,beta=0.750,gamma=0.657,delta=2.783", "--customers", "11104", "--seed", "3", "--output",
        dir.toString());
    assertEquals(0, drawn.status(), drawn.err());
    Path patterns = dir.resolve("patterns.csv");
    assertTrue(drawn.out().contains("fit with: ./engagekit fit bgbb --input " + patterns), drawn.out());
    CliTestSupport.Result fit = run("fit", "bgbb", "--input", patterns.toString(), "--json");
    assertEquals(0, fit.status(), fit.err());
    JsonNode j = new ObjectMapper().readTree(fit.out());
    assertEquals(11_104, j.get("customers").asLong());
    recovered(j, Map.of("alpha", 1.204, "beta", 0.750, "gamma", 0.657, "delta", 2.783));

    CliTestSupport.Result cohort = run("simulate", "--model", "sbg", "--params", "alpha=0.704,beta=1.182",
        "--customers", "10000", "--seed", "3", "--output", dir.toString(), "--json");
    assertEquals(0, cohort.status(), cohort.err());
    JsonNode c = new ObjectMapper().readTree(cohort.out());
    assertEquals(7, c.get("periods").asInt());
    assertEquals(0.704, c.get("params").get("alpha").asDouble());
    CliTestSupport.Result sbg = run("fit", "sbg", "--input", dir.resolve("survivors.csv").toString(), "--json");
    assertEquals(0, sbg.status(), sbg.err());
    recovered(new ObjectMapper().readTree(sbg.out()), Map.of("alpha", 0.704, "beta", 1.182));
  }

  /**
   * BG/NBD with CDNOW's estimates planted (Fader, Hardie &amp; Lee 2005, weeks): 5,000 customers
   * written as touchpoints, fitted back from them.
   */
  @Test
  void bgnbd_roundTripsThroughTouchpointsAndFit() throws IOException {
    CliTestSupport.Result drawn = run("simulate", "--model", "bgnbd", "--params", "r=0.243,alpha=4.414,a=0.793,b=2.426",
        "--customers", "5000", "--seed", "4", "--output", dir.toString(), "--json");
    assertEquals(0, drawn.status(), drawn.err());
    JsonNode d = new ObjectMapper().readTree(drawn.out());
    assertEquals(39, d.get("periods").asInt());
    assertEquals("2025-10-06", d.get("calibrationEnd").asText()); // 2025-01-06 + 39 weeks
    CliTestSupport.Result fit = run("fit", "bgnbd", "--input", d.get("output").asText(), "--calibration-end",
        d.get("calibrationEnd").asText(), "--json");
    assertEquals(0, fit.status(), fit.err());
    JsonNode j = new ObjectMapper().readTree(fit.out());
    assertEquals(5000, j.get("customers").asLong());
    recovered(j, Map.of("r", 0.243, "alpha", 4.414, "a", 0.793, "b", 2.426));
  }

  @Test
  void badPlantedModels_areUsageErrors() {
    String out = dir.toString();
    assertUsage("--params: a sbg model takes alpha, beta but was given alpha",
        "--model", "sbg", "--params", "alpha=1", "--customers", "10", "--seed", "1", "--output", out);
    assertUsage("--params: beta must be a number but was 'x'",
        "--model", "sbg", "--params", "alpha=1,beta=x", "--customers", "10", "--seed", "1", "--output", out);
    assertUsage("--params: alpha must be finite and > 0 but was -1.0",
        "--model", "sbg", "--params", "alpha=-1,beta=1", "--customers", "10", "--seed", "1", "--output", out);
    assertUsage("--model must be bgnbd, paretonbd, bgbb or sbg but was 'ggomnbd'",
        "--model", "ggomnbd", "--params", "r=1", "--customers", "10", "--seed", "1", "--output", out);
    assertUsage("--params: a bgnbd model takes r, alpha, a, b but was given r",
        "--model", "bgnbd", "--params", "r=1", "--customers", "10", "--seed", "1", "--output", out);
    assertUsage("--model and --params go together", "--model", "sbg", "--customers", "10", "--seed", "1",
        "--output", out);
    assertUsage("--periods applies to --model only", "--periods", "3", "--customers", "10", "--seed", "1",
        "--output", out);
  }

  private static void assertUsage(String message, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "simulate";
    System.arraycopy(args, 0, all, 1, args.length);
    CliTestSupport.Result r = run(all);
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains(message), r.err());
  }
}

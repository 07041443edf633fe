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

  /**
   * GGompertz/NBD with ageing that matters, (r, α, b, s, β) = (0.85, 10, 0.12, 0.75, 9.55) in weeks:
   * 5,000 customers observed 39 weeks, fitted back. (A purchase rate near CDNOW's, so that two
   * purchases on one day, which count once, are rare: at α = 4.45 that merging biased α up by four
   * standard errors. GGompertzNbdTest checks recovery over several seeds without the rounding to
   * days.)
   */
  @Test
  void ggomnbd_roundTripsThroughTouchpointsAndFit() throws IOException {
    CliTestSupport.Result drawn = run("simulate", "--model", "ggomnbd", "--params",
        "r=0.85,alpha=10,b=0.12,s=0.75,beta=9.55", "--customers", "5000", "--seed", "3", "--output",
        dir.toString(), "--json");
    assertEquals(0, drawn.status(), drawn.err());
    JsonNode d = new ObjectMapper().readTree(drawn.out());
    CliTestSupport.Result fit = run("fit", "ggomnbd", "--input", d.get("output").asText(), "--calibration-end",
        d.get("calibrationEnd").asText(), "--json");
    assertEquals(0, fit.status(), fit.err());
    JsonNode j = new ObjectMapper().readTree(fit.out());
    assertEquals("ggomnbd", j.get("model").asText());
    recovered(j, Map.of("r", 0.85, "alpha", 10.0, "b", 0.12, "s", 0.75, "beta", 9.55));
  }

  /**
   * Covariates end to end: two acquisition channels drawn from Pareto/NBD at their own parameters
   * (the reference level "email" at (r, α, s, β) = (0.6, 10, 0.8, 12); "store" at α·e^{−0.5},
   * β·e^{0.7}, i.e. trans.channel=store = 0.5 and life.channel=store = −0.7), merged into one file
   * with a customers file; {@code fit paretonbd --customers --covariates channel} recovers them.
   */
  @Test
  void paretonbd_withCovariates_recoversPlantedEffects() throws IOException {
    java.util.List<String> touchpoints = new java.util.ArrayList<>();
    java.util.List<String> customers = new java.util.ArrayList<>(java.util.List.of("customer,channel"));
    String calibrationEnd = null;
    for (String level : new String[] {"email", "store"}) {
      double alpha = level.equals("email") ? 10 : 10 * Math.exp(-0.5);
      double beta = level.equals("email") ? 12 : 12 * Math.exp(0.7);
      Path out = dir.resolve(level);
      CliTestSupport.Result drawn = run("simulate", "--model", "paretonbd", "--params", "r=0.6,alpha=" + alpha
          + ",s=0.8,beta=" + beta, "--customers", "3000", "--seed", level.length() + 10 + "", "--output",
          out.toString(), "--json");
      assertEquals(0, drawn.status(), drawn.err());
      calibrationEnd = new ObjectMapper().readTree(drawn.out()).get("calibrationEnd").asText();
      java.util.List<String> lines = java.nio.file.Files.readAllLines(out.resolve("touchpoints.csv"));
      java.util.Set<String> ids = new java.util.LinkedHashSet<>();
      for (String line : lines.subList(1, lines.size())) {
        touchpoints.add(level + "-" + line);
        ids.add(level + "-" + line.substring(0, line.indexOf(',')));
      }
      ids.forEach(id -> customers.add(id + "," + level));
    }
    touchpoints.add(0, "customer,timestamp,channel,kind");
    Path file = dir.resolve("touchpoints.csv");
    java.nio.file.Files.write(file, touchpoints);
    Path customersFile = dir.resolve("customers.csv");
    java.nio.file.Files.write(customersFile, customers);
    CliTestSupport.Result fit = run("fit", "paretonbd", "--input", file.toString(), "--calibration-end",
        calibrationEnd, "--customers", customersFile.toString(), "--covariates", "channel", "--json");
    assertEquals(0, fit.status(), fit.err());
    JsonNode j = new ObjectMapper().readTree(fit.out());
    assertEquals("email", j.get("referenceLevels").get("channel").asText());
    recovered(j, Map.of("r", 0.6, "alpha", 10.0, "s", 0.8, "beta", 12.0, "trans.channel=store", 0.5,
        "life.channel=store", -0.7));
  }

  /**
   * Covariate effects planted by {@code simulate} itself (issue 24, item 5): the coefficients in
   * --params, each covariate a dummy written to customers.csv; the fit command it prints, run as
   * printed, recovers them.
   */
  @Test
  void simulate_withCovariateEffects_roundTripsThroughThePrintedFit() throws IOException {
    CliTestSupport.Result drawn = run("simulate", "--model", "paretonbd", "--params",
        "r=0.6,alpha=10,s=0.8,beta=12,trans.vip=0.5,life.vip=-0.7,life.email=0.4", "--customers", "5000", "--seed", "8",
        "--output", dir.toString());
    assertEquals(0, drawn.status(), drawn.err());
    String command = drawn.out().lines().filter(l -> l.startsWith("fit with: ./engagekit ")).findFirst().orElseThrow();
    assertTrue(command.endsWith(" --customers " + dir.resolve("customers.csv") + " --covariates vip --covariates-life "
        + "email"), command);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command.substring(
        "fit with: ./engagekit ".length()).split(" ")));
    args.add("--json");
    CliTestSupport.Result fit = run(args.toArray(String[]::new));
    assertEquals(0, fit.status(), fit.err());
    recovered(new ObjectMapper().readTree(fit.out()), Map.of("r", 0.6, "alpha", 10.0, "s", 0.8, "beta", 12.0,
        "trans.vip", 0.5, "life.vip", -0.7, "life.email", 0.4));
    assertEquals("customer,vip,email", java.nio.file.Files.readAllLines(dir.resolve("customers.csv")).get(0));
    assertUsage("--params: a sbg model takes alpha, beta but was given alpha, beta, trans.x", "--model", "sbg",
        "--params", "alpha=1,beta=1,trans.x=1", "--customers", "10", "--seed", "1", "--output", dir.toString());
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
    assertUsage("--model must be bgnbd, paretonbd, ggomnbd, bgbb or sbg but was 'gompertz'",
        "--model", "gompertz", "--params", "r=1", "--customers", "10", "--seed", "1", "--output", out);
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

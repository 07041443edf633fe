package io.engagekit.cli;

import static io.engagekit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FitCommandTest {
  @TempDir Path dir;

  private List<String> cdnow(String model, String... more) throws IOException {
    // The bundled CDNOW 1/10 sample (cli main resources; provenance in cdnow/README.md).
    Path file = dir.resolve("CDNOW_sample.txt");
    if (!Files.exists(file)) {
      try (var in = Objects.requireNonNull(DemoCommand.class.getResourceAsStream(DemoCommand.RESOURCE))) {
        Files.copy(in, file);
      }
    }
    List<String> args = new ArrayList<>(List.of("fit", model, "--input", file.toString(), "--format", "transactions",
        "--delimiter", "whitespace", "--no-header", "--columns", "customer=2,date=3,quantity=4,amount=5",
        "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30"));
    args.addAll(List.of(more));
    return args;
  }

  private static JsonNode json(CliTestSupport.Result r) throws IOException {
    assertEquals(0, r.status(), r.err());
    return new ObjectMapper().readTree(r.out());
  }

  /**
   * Issue 4's acceptance on the CDNOW sample in weeks: BG/NBD r, α, a, b within 0.1% of 0.24259,
   * 4.41360, 0.79292, 2.42589 and log-likelihood −9582.43 (Fader, Hardie &amp; Lee 2005).
   */
  @Test
  void bgnbd_json_andPredictions() throws IOException {
    Path predictions = dir.resolve("p.csv");
    JsonNode j = json(run(cdnow("bgnbd", "--holdout-end", "1998-06-30", "--json", "--predictions",
        predictions.toString()).toArray(String[]::new)));
    assertEquals("bgnbd", j.get("model").asText());
    assertEquals(2357, j.get("customers").asLong());
    assertEquals(0.24259, j.get("params").get("r").asDouble(), 0.001 * 0.24259);
    assertEquals(4.41360, j.get("params").get("alpha").asDouble(), 0.001 * 4.41360);
    assertEquals(0.79292, j.get("params").get("a").asDouble(), 0.001 * 0.79292);
    assertEquals(2.42589, j.get("params").get("b").asDouble(), 0.001 * 2.42589);
    assertEquals(-9582.43, j.get("logLikelihood").asDouble(), 0.01);
    assertTrue(j.get("standardErrors").get("r").asDouble() > 0);
    assertTrue(j.get("converged").asBoolean());
    assertTrue(j.get("iterations").asInt() > 0);
    assertTrue(j.get("fitMillis").asLong() >= 0);
    List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
    assertEquals(FitCommand.PREDICTIONS_HEADER, lines.get(0));
    assertEquals(1 + 2357, lines.size());
    long actual = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      assertEquals(8, c.length, line);
      double alive = Double.parseDouble(c[4]);
      assertTrue(alive >= 0 && alive <= 1, line);
      assertTrue(Double.parseDouble(c[5]) >= 0, line);
      actual += Long.parseLong(c[6]);
      assertEquals("", c[7], line);
    }
    // 1,882 repeat transactions (customer-days) in the 39-week holdout (Fader, Hardie & Lee 2005).
    assertEquals(1882, actual);
    // The first sample customer: x = 2, t_x = 30.43, T = 38.86 weeks in the published summary.
    String[] first = lines.get(1).split(",");
    assertEquals("0001", first[0]);
    assertEquals("2", first[1]);
    assertEquals(30.43, Double.parseDouble(first[2]), 0.005);
  }

  /** Pareto/NBD −9594.98 and MBG/NBD −9582.14 (issue 4's acceptance figures), and the text report. */
  @Test
  void paretonbd_mbgnbd_logLikelihoods() throws IOException {
    assertEquals(-9594.98, json(run(cdnow("paretonbd", "--json").toArray(String[]::new))).get("logLikelihood")
        .asDouble(), 0.01);
    JsonNode mbg = json(run(cdnow("mbgnbd", "--json").toArray(String[]::new)));
    assertEquals(-9582.14, mbg.get("logLikelihood").asDouble(), 0.01);
    assertEquals(List.of("r", "alpha", "a", "b"), fieldNames(mbg.get("params")));
    CliTestSupport.Result text = run(cdnow("paretonbd").toArray(String[]::new));
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().startsWith("paretonbd fitted on 2,357 customers"), text.out());
    assertTrue(text.out().contains("log-likelihood -9594.97"), text.out());
  }

  /** Gamma-Gamma on the 946 repeat buyers: p, q, γ = 6.25, 3.74, 15.44 (Fader, Hardie &amp; Lee 2005, JMR). */
  @Test
  void gammagamma_onRepeatBuyers() throws IOException {
    Path predictions = dir.resolve("spend.csv");
    JsonNode j = json(run(cdnow("gammagamma", "--json", "--predictions", predictions.toString())
        .toArray(String[]::new)));
    assertEquals(946, j.get("customers").asLong());
    assertEquals(List.of("p", "q", "gamma"), fieldNames(j.get("params")));
    assertEquals(6.25, j.get("params").get("p").asDouble(), 0.002 * 6.25);
    assertEquals(3.74, j.get("params").get("q").asDouble(), 0.002 * 3.74);
    assertEquals(15.44, j.get("params").get("gamma").asDouble(), 0.002 * 15.44);
    List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
    assertEquals(1 + 2357, lines.size());
    for (String line : lines.subList(1, lines.size())) {
      assertTrue(Double.parseDouble(line.split(",", -1)[7]) > 0, line);
    }
  }

  /** BG/BB on the donations: α, β, γ, δ = 1.204, 0.750, 0.657, 2.783 (Fader, Hardie &amp; Shang 2010). */
  @Test
  void bgbb_onPatterns() throws IOException {
    Path file = dir.resolve("donations.csv");
    try (var in = Objects.requireNonNull(FitCommandTest.class.getResourceAsStream("donations.csv"))) {
      Files.copy(in, file);
    }
    JsonNode j = json(run("fit", "bgbb", "--input", file.toString(), "--json"));
    assertEquals(11_104, j.get("customers").asLong());
    assertEquals(List.of("alpha", "beta", "gamma", "delta"), fieldNames(j.get("params")));
    assertEquals(1.204, j.get("params").get("alpha").asDouble(), 0.002 * 1.204);
    assertEquals(2.783, j.get("params").get("delta").asDouble(), 0.002 * 2.783);
    // Two bad rows after the 22 patterns (lines 2-23): both rejected with line and reason, the rest fitted, exit 1.
    Files.writeString(file, Files.readString(file) + "3,2,6,5\n2,4,6,x\n");
    CliTestSupport.Result bad = run("fit", "bgbb", "--input", file.toString());
    assertEquals(1, bad.status(), bad.err());
    assertTrue(bad.err().contains("line 24: recency must be in [frequency = 3, periods = 6] but was 2"), bad.err());
    assertTrue(bad.err().contains("line 25: weights must be an integer but was 'x'"), bad.err());
    assertTrue(bad.out().startsWith("bgbb fitted on 11,104 customers"), bad.out());
    // Too few patterns to identify four parameters: a clear failure, exit 3.
    Files.writeString(file, "frequency,recency,periods,weights\n0,0,6,10\n1,1,6,7\n");
    CliTestSupport.Result unidentified = run("fit", "bgbb", "--input", file.toString());
    assertEquals(FitCommand.NOT_FITTED, unidentified.status(), unidentified.err());
    assertTrue(unidentified.err().contains("BG/BB"), unidentified.err());
  }

  /**
   * sBG (issue 24) on the "regular" cohort of Fader &amp; Hardie (2007), "How to Project Customer
   * Retention", Table 1, years 0–7: α = 0.704, β = 1.182, log-likelihood −1680.3; AIC and BIC in
   * the JSON; the retention curve, survival and DERL by period in --predictions.
   */
  @Test
  void sbg_onACohortsSurvivors() throws IOException {
    Path file = dir.resolve("regular.csv");
    Files.writeString(file, "period,survivors\n0,1000\n1,631\n2,468\n3,382\n4,326\n5,289\n6,262\n7,241\n");
    Path predictions = dir.resolve("retention.csv");
    JsonNode j = json(run("fit", "sbg", "--input", file.toString(), "--json", "--predictions", predictions.toString()));
    assertEquals("sbg", j.get("model").asText());
    assertEquals(1000, j.get("customers").asLong());
    assertEquals(List.of("alpha", "beta"), fieldNames(j.get("params")));
    assertEquals(0.704, j.get("params").get("alpha").asDouble(), 0.0005);
    assertEquals(1.182, j.get("params").get("beta").asDouble(), 0.0005);
    double ll = j.get("logLikelihood").asDouble();
    assertEquals(-1680.3, ll, 0.05);
    assertEquals(4 - 2 * ll, j.get("aic").asDouble(), 1e-9);
    assertEquals(2 * Math.log(1000) - 2 * ll, j.get("bic").asDouble(), 1e-9);
    assertEquals("periods", j.get("timeUnit").asText());
    List<String> rows = Files.readAllLines(predictions);
    assertEquals(SbgFit.PREDICTIONS_HEADER, rows.get(0));
    assertEquals(1 + 8 + 5, rows.size()); // periods 0-7 observed, 5 projected
    assertTrue(rows.get(1).startsWith("0,1000,1000.0,1.0,,"), rows.get(1));
    String[] year12 = rows.get(13).split(",", -1);
    assertEquals("12", year12[0]);
    assertEquals("", year12[1]); // not observed
    assertEquals(173, Double.parseDouble(year12[2]), 0.05 * 173); // Table 1: 173 regular customers in year 12
    // The model written can be read back by score --model (its aic and bic are derived, not read).
    Path model = dir.resolve("sbg.json");
    Files.writeString(model, run("fit", "sbg", "--input", file.toString(), "--json").out());
    assertEquals(0.704, io.engagekit.scoring.models.ModelJson.read(Files.newBufferedReader(model))
        .model(io.engagekit.scoring.models.ModelType.SBG).alpha(), 0.0005);

    CliTestSupport.Result text = run("fit", "sbg", "--input", file.toString());
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().startsWith("sbg fitted on 1,000 customers"), text.out());
    assertTrue(text.out().contains("  AIC "), text.out());
    assertTrue(text.out().contains("discounted expected lifetime of a new customer at 0.1 a period: "), text.out());

    Files.writeString(file, "period,survivors\n0,1000\n1,631\n3,468\n");
    CliTestSupport.Result gap = run("fit", "sbg", "--input", file.toString());
    assertEquals(2, gap.status());
    assertTrue(gap.err().contains(file + " line 4: period must be 2 (the periods run 0, 1, 2, ... in order"), gap.err());
    Files.writeString(file, "period,survivors\n0,1000\n1,631\n2,700\n");
    CliTestSupport.Result rising = run("fit", "sbg", "--input", file.toString());
    assertEquals(2, rising.status());
    assertTrue(rising.err().contains("survivors at period 2 must be in [0, 631] (those of period 1) but was 700"),
        rising.err());
    Files.writeString(file, "period,survivors\n0,1000\n1,-3\n");
    CliTestSupport.Result negative = run("fit", "sbg", "--input", file.toString());
    assertEquals(2, negative.status());
    assertTrue(negative.err().contains("line 3: survivors must be >= 0 but was -3"), negative.err());
  }

  /**
   * {@code compare} (issue 24, item 4) on the CDNOW sample: the three models in one table, with the
   * published log-likelihoods (Fader, Hardie &amp; Lee 2005: BG/NBD −9582.43, Pareto/NBD −9594.98).
   */
  @Test
  void compare_fitsTheModelsOnOneCohort() throws IOException {
    List<String> args = cdnow("bgnbd", "--holdout-end", "1998-06-30", "--json", "--bootstrap", "100");
    args.set(0, "compare");
    args.remove(1); // compare takes --models, not a model
    JsonNode j = json(run(args.toArray(String[]::new)));
    assertEquals(2357, j.get("customers").asLong());
    assertEquals(39, j.get("holdoutLength").asDouble(), 1e-9);
    assertEquals(List.of("bgnbd", "mbgnbd", "paretonbd"),
        java.util.stream.StreamSupport.stream(j.get("models").spliterator(), false).map(m -> m.get("model").asText())
            .toList());
    JsonNode bg = j.get("models").get(0);
    assertEquals(-9582.43, bg.get("logLikelihood").asDouble(), 0.01);
    assertEquals(-9594.98, j.get("models").get(2).get("logLikelihood").asDouble(), 0.01);
    assertTrue(bg.get("maeLow").asDouble() <= bg.get("mae").asDouble()
        && bg.get("mae").asDouble() <= bg.get("maeHigh").asDouble(), bg.toString());
    assertEquals(List.of("r", "alpha", "a", "b"), fieldNames(bg.get("params")));
    assertEquals(-0.041, bg.get("trackingError").asDouble(), 0.005); // Fader, Hardie & Lee 2005: 4.1% under

    List<String> text = cdnow("bgnbd", "--holdout-end", "1998-06-30", "--bootstrap", "50", "--models",
        "paretonbd,bgnbd");
    text.set(0, "compare");
    text.remove(1);
    CliTestSupport.Result table = run(text.toArray(String[]::new));
    assertEquals(0, table.status(), table.err());
    assertTrue(table.out().startsWith("2,357 customers; holdout of 39 weeks with "), table.out());
    assertTrue(table.out().lines().anyMatch(l -> l.startsWith("  paretonbd ") && l.contains(" -9594.98 ")), table.out());

    List<String> bad = cdnow("bgnbd", "--holdout-end", "1998-06-30", "--models", "bgbb");
    bad.set(0, "compare");
    bad.remove(1);
    CliTestSupport.Result refused = run(bad.toArray(String[]::new));
    assertEquals(2, refused.status());
    assertTrue(refused.err().contains("--models: 'bgbb' is not one of bgnbd, mbgnbd, paretonbd"), refused.err());
  }

  /** --intervals (issue 24, item 3): bootstrap bounds of p_alive and expected_holdout beside each prediction. */
  @Test
  void intervals_addBootstrapBoundsToThePredictions() throws IOException {
    Path predictions = dir.resolve("bands.csv");
    CliTestSupport.Result r = run(cdnow("bgnbd", "--holdout-end", "1998-06-30", "--predictions", predictions.toString(),
        "--intervals", "30", "--seed", "5").toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    List<String> rows = Files.readAllLines(predictions);
    assertEquals(FitCommand.PREDICTIONS_HEADER + "," + FitCommand.INTERVALS_HEADER, rows.get(0));
    assertEquals(2358, rows.size());
    int inside = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      double expected = Double.parseDouble(f[5]);
      double low = Double.parseDouble(f[10]);
      double high = Double.parseDouble(f[11]);
      assertTrue(low <= high && Double.parseDouble(f[8]) <= Double.parseDouble(f[9]), row);
      inside += low <= expected && expected <= high ? 1 : 0;
    }
    assertTrue(inside > 2357 * 0.9, inside + " of 2,357 points inside their interval");
    CliTestSupport.Result without = run(cdnow("bgnbd", "--intervals", "30").toArray(String[]::new));
    assertEquals(2, without.status());
    assertTrue(without.err().contains("--intervals adds columns to --predictions"), without.err());
    CliTestSupport.Result bgbb = run("fit", "bgbb", "--input", "x.csv", "--intervals", "30", "--predictions",
        predictions.toString());
    assertEquals(2, bgbb.status());
    assertTrue(bgbb.err().contains("--intervals applies to bgnbd, mbgnbd, paretonbd, ggomnbd and gammagamma, not "
        + "bgbb"), bgbb.err());
    CliTestSupport.Result both = run(cdnow("bgnbd", "--intervals", "30", "--asymptotic-intervals", "--predictions",
        predictions.toString()).toArray(String[]::new));
    assertEquals(2, both.status());
    assertTrue(both.err().contains("give one"), both.err());
  }

  /**
   * Intervals of expected spend (issue 24, item 3): {@code fit gammagamma --intervals N} and {@code
   * --asymptotic-intervals} append expected_spend_low and expected_spend_high; the two ways agree
   * roughly on CDNOW's 946 repeat buyers, and the delta method's P(alive) and E[Y] bands of BG/NBD
   * hold their point predictions.
   */
  @Test
  void intervals_ofSpend_andByTheDeltaMethod() throws IOException {
    Path boot = dir.resolve("boot.csv");
    Path delta = dir.resolve("delta.csv");
    CliTestSupport.Result b = run(cdnow("gammagamma", "--predictions", boot.toString(), "--intervals", "100")
        .toArray(String[]::new));
    assertEquals(0, b.status(), b.err());
    CliTestSupport.Result d = run(cdnow("gammagamma", "--predictions", delta.toString(), "--asymptotic-intervals")
        .toArray(String[]::new));
    assertEquals(0, d.status(), d.err());
    List<String> bootRows = Files.readAllLines(boot);
    List<String> deltaRows = Files.readAllLines(delta);
    assertEquals(FitCommand.PREDICTIONS_HEADER + "," + FitPredictions.SPEND_INTERVALS_HEADER, bootRows.get(0));
    assertEquals(bootRows.get(0), deltaRows.get(0));
    double widthRatio = 0;
    for (int i = 1; i < bootRows.size(); i++) {
      String[] x = bootRows.get(i).split(",", -1);
      String[] y = deltaRows.get(i).split(",", -1);
      double spend = Double.parseDouble(x[7]);
      assertTrue(Double.parseDouble(x[8]) <= spend * 1.05 && spend <= Double.parseDouble(x[9]) * 1.05, bootRows.get(i));
      assertTrue(Double.parseDouble(y[8]) <= spend && spend <= Double.parseDouble(y[9]), deltaRows.get(i));
      widthRatio += (Double.parseDouble(x[9]) - Double.parseDouble(x[8]))
          / (Double.parseDouble(y[9]) - Double.parseDouble(y[8])) / (bootRows.size() - 1);
    }
    assertTrue(widthRatio > 0.5 && widthRatio < 2, "bootstrap / delta width " + widthRatio);
    Path bands = dir.resolve("bands.csv");
    CliTestSupport.Result a = run(cdnow("bgnbd", "--holdout-end", "1998-06-30", "--predictions", bands.toString(),
        "--asymptotic-intervals").toArray(String[]::new));
    assertEquals(0, a.status(), a.err());
    for (String row : Files.readAllLines(bands).subList(1, 2358)) {
      String[] f = row.split(",", -1);
      assertTrue(Double.parseDouble(f[8]) <= Double.parseDouble(f[4]) && Double.parseDouble(f[4])
          <= Double.parseDouble(f[9]) && Double.parseDouble(f[10]) <= Double.parseDouble(f[5])
          && Double.parseDouble(f[5]) <= Double.parseDouble(f[11]), row);
    }
  }

  @Test
  void usageErrors() throws IOException {
    CliTestSupport.Result unknown = run(cdnow("bgnbb").toArray(String[]::new));
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("MODEL must be one of bgnbd, mbgnbd, paretonbd, ggomnbd, gammagamma, bgbb, sbg"),
        unknown.err());
    List<String> noEnd = cdnow("bgnbd");
    int at = noEnd.indexOf("--calibration-end");
    noEnd.remove(at + 1);
    noEnd.remove(at);
    CliTestSupport.Result missing = run(noEnd.toArray(String[]::new));
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("needs --calibration-end"), missing.err());
    CliTestSupport.Result unit = run(cdnow("bgnbd", "--time-unit", "months").toArray(String[]::new));
    assertEquals(2, unit.status());
    assertTrue(unit.err().contains("--time-unit must be days or weeks"), unit.err());
    CliTestSupport.Result order = run(cdnow("bgnbd", "--holdout-end", "1997-01-01").toArray(String[]::new));
    assertEquals(2, order.status());
    // Everyone first bought after this calibration end: nothing to fit, exit 3.
    List<String> early = cdnow("bgnbd");
    early.set(early.indexOf("1997-09-30"), "1996-12-31");
    CliTestSupport.Result none = run(early.toArray(String[]::new));
    assertEquals(FitCommand.NOT_FITTED, none.status(), none.err());
    assertTrue(none.err().contains("2,357 customers first bought after --calibration-end 1996-12-31"), none.err());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * Each CDNOW customer's first purchase day (the sample's own records): ln(1 + its dollars) as the
   * numeric covariate first_spend, and whether it held more than one CD as the categorical multi.
   */
  private Path cdnowCustomers() throws IOException {
    java.util.Map<String, double[]> first = new java.util.TreeMap<>();
    java.util.Map<String, String> day = new java.util.HashMap<>();
    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(Objects.requireNonNull(
        DemoCommand.class.getResourceAsStream(DemoCommand.RESOURCE)), StandardCharsets.US_ASCII))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] c = line.trim().split("\\s+");
        String d = day.putIfAbsent(c[1], c[2]);
        if (d == null || d.equals(c[2])) {
          double[] v = first.computeIfAbsent(c[1], k -> new double[2]);
          v[0] += Double.parseDouble(c[4]);
          v[1] += Double.parseDouble(c[3]);
        }
      }
    }
    List<String> rows = new ArrayList<>(List.of("customer,first_spend,multi"));
    first.forEach((id, v) -> rows.add(id + "," + String.format(java.util.Locale.ROOT, "%.6f", Math.log1p(v[0])) + ","
        + (v[1] > 1 ? "yes" : "no")));
    Path file = dir.resolve("customers.csv");
    Files.write(file, rows);
    return file;
  }

  /**
   * Covariates on CDNOW (issue 24, item 1): the first purchase's spend on both processes and
   * whether it held several CDs on the transaction process only. The coefficients are named as the
   * CLI contract says, with standard errors; the reference level and the likelihood-ratio test
   * against Pareto/NBD without covariates (−9594.98, Fader, Hardie &amp; Lee 2005) are printed.
   */
  @Test
  void paretonbd_withCovariates() throws IOException {
    Path customers = cdnowCustomers();
    Path predictions = dir.resolve("p.csv");
    JsonNode j = json(run(cdnow("paretonbd", "--customers", customers.toString(), "--covariates", "first_spend",
        "--covariates-trans", "multi", "--json", "--holdout-end", "1998-06-30", "--predictions",
        predictions.toString()).toArray(String[]::new)));
    List<String> names = new ArrayList<>();
    j.get("params").fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("r", "alpha", "s", "beta", "life.first_spend", "trans.first_spend", "trans.multi=yes"),
        names);
    for (String n : names) {
      assertTrue(j.get("standardErrors").get(n).asDouble() > 0, n);
    }
    assertEquals("no", j.get("referenceLevels").get("multi").asText());
    assertTrue(j.get("logLikelihood").asDouble() > -9594.98, j.toString());
    assertEquals(2 * 7 - 2 * j.get("logLikelihood").asDouble(), j.get("aic").asDouble(), 1e-6);
    List<String> rows = Files.readAllLines(predictions);
    assertEquals(2358, rows.size());
    // Customers with the same (x, t_x, T) but different covariates get different predictions.
    java.util.Map<String, java.util.Set<String>> byPattern = new java.util.HashMap<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",", -1);
      byPattern.computeIfAbsent(c[1] + "," + c[2] + "," + c[3], k -> new java.util.HashSet<>()).add(c[5]);
    }
    assertTrue(byPattern.values().stream().anyMatch(v -> v.size() > 1));

    CliTestSupport.Result text = run(cdnow("paretonbd", "--customers", customers.toString(), "--covariates",
        "first_spend,multi").toArray(String[]::new));
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("reference level of multi: no"), text.out());
    assertTrue(text.out().contains("likelihood-ratio test against paretonbd without covariates: chi-square"),
        text.out());
    assertTrue(text.out().contains("life.multi=yes"), text.out());

    CliTestSupport.Result constrained = run(cdnow("bgnbd", "--customers", customers.toString(), "--covariates",
        "first_spend", "--covariates-constrained", "first_spend", "--json").toArray(String[]::new));
    assertTrue(json(constrained).get("params").has("constr.first_spend"), constrained.out());
  }

  @Test
  void covariates_errorsNameTheFileLineAndColumn() throws IOException {
    Path customers = cdnowCustomers();
    List<String> rows = Files.readAllLines(customers);
    CliTestSupport.Result noFile = run(cdnow("paretonbd", "--covariates", "multi").toArray(String[]::new));
    assertEquals(2, noFile.status());
    assertTrue(noFile.err().contains("give --customers"), noFile.err());
    CliTestSupport.Result wrongModel = run(cdnow("mbgnbd", "--customers", customers.toString(), "--covariates",
        "multi").toArray(String[]::new));
    assertEquals(2, wrongModel.status());
    assertTrue(wrongModel.err().contains("covariates apply to bgnbd, paretonbd and ggomnbd, not mbgnbd"),
        wrongModel.err());
    CliTestSupport.Result noColumn = run(cdnow("paretonbd", "--customers", customers.toString(), "--covariates",
        "gender").toArray(String[]::new));
    assertEquals(2, noColumn.status());
    assertTrue(noColumn.err().contains("has no column gender; its columns are [customer, first_spend, multi]"),
        noColumn.err());
    Files.write(customers, rows.subList(0, rows.size() - 1));
    CliTestSupport.Result missing = run(cdnow("paretonbd", "--customers", customers.toString(), "--covariates",
        "multi").toArray(String[]::new));
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("has no row for 1 customer of the calibration cohort, such as 2357"),
        missing.err());
    List<String> empty = new ArrayList<>(rows);
    empty.set(5, empty.get(5).replaceAll(",(yes|no)$", ","));
    Files.write(customers, empty);
    CliTestSupport.Result blank = run(cdnow("paretonbd", "--customers", customers.toString(), "--covariates",
        "multi").toArray(String[]::new));
    assertEquals(2, blank.status());
    assertTrue(blank.err().contains("line 6, column multi: empty"), blank.err());
  }

  /**
   * {@code compare} with covariates (issue 24, item 4): each model that takes them gets a row
   * MODEL+covariates with the likelihood-ratio test against itself; its statistic is twice the
   * difference of the two rows' log-likelihoods, on as many degrees of freedom as coefficients.
   */
  @Test
  void compare_withCovariates_testsEachModelAgainstItself() throws IOException {
    Path customers = cdnowCustomers();
    List<String> args = cdnow("bgnbd", "--holdout-end", "1998-06-30", "--json", "--bootstrap", "50", "--models",
        "bgnbd,mbgnbd", "--customers", customers.toString(), "--covariates", "first_spend");
    args.set(0, "compare");
    args.remove(1);
    JsonNode j = json(run(args.toArray(String[]::new)));
    List<String> models = new ArrayList<>();
    j.get("models").forEach(m -> models.add(m.get("model").asText()));
    assertEquals(List.of("bgnbd", "bgnbd+covariates", "mbgnbd"), models);
    JsonNode base = j.get("models").get(0);
    JsonNode full = j.get("models").get(1);
    JsonNode lr = full.get("likelihoodRatio");
    assertEquals("bgnbd", lr.get("versus").asText());
    assertEquals(2, lr.get("degreesOfFreedom").asInt());
    assertEquals(2 * (full.get("logLikelihood").asDouble() - base.get("logLikelihood").asDouble()),
        lr.get("statistic").asDouble(), 1e-6);
    assertTrue(lr.get("pValue").asDouble() < 1e-3, lr.toString()); // first spend matters on CDNOW
    assertTrue(full.has("trans.first_spend") || full.get("params").has("trans.first_spend"), full.toString());
    assertTrue(!full.has("trackingError"));
    assertTrue(!base.has("likelihoodRatio"));
  }

  /**
   * {@code fit --report} (issue 24, item 6): the fit's record and its diagnostic plots in one
   * self-contained file: parameters with standard errors and the log-likelihood, two heat maps over
   * frequency and recency, cumulative and weekly tracking with the end of calibration marked and
   * whole-week ticks, and the conditional expectations by calibration frequency.
   */
  @Test
  void report_recordsTheFitAndDrawsTheDiagnostics() throws IOException {
    Path report = dir.resolve("fit.html");
    CliTestSupport.Result r = run(cdnow("paretonbd", "--holdout-end", "1998-06-30", "--report", report.toString())
        .toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("wrote " + report.toAbsolutePath()), r.out());
    String html = Files.readString(report);
    assertTrue(html.contains("<td>beta</td><td>11.66"), html);
    assertTrue(html.contains("<td>log-likelihood</td><td>-9,594.976"), html);
    assertEquals(5, html.split("<figure>", -1).length - 1);
    assertTrue(html.contains("Expected purchases in the next 39.0000 weeks"), html);
    assertTrue(html.contains("<title>P(alive)</title>"), html);
    assertEquals(2, html.split("end of calibration</text>", -1).length - 1);
    assertTrue(!html.contains("<script"), "no scripts");
    // Whole-week ticks (10, 20, …, 70) on the tracking charts, never a fractional week.
    String tracking = html.substring(html.indexOf("Tracking cumulative"), html.indexOf("Conditional expectations"));
    assertTrue(tracking.contains(">10</text>") && tracking.contains(">70</text>"), tracking);
    assertTrue(!java.util.regex.Pattern.compile(">\\d+\\.\\d+</text>").matcher(tracking).find(), tracking);

    CliTestSupport.Result refused = run("fit", "gammagamma", "--input", "x.csv", "--calibration-end", "1997-09-30",
        "--report", report.toString());
    assertEquals(2, refused.status());
    assertTrue(refused.err().contains("--report applies to bgnbd, mbgnbd, paretonbd and ggomnbd, not gammagamma"),
        refused.err());
  }

  /** GGompertz/NBD on CDNOW runs to its Pareto/NBD limit (b → 0): exit 3 with the reason. */
  @Test
  void ggomnbd_onCdnow_saysTheDataFitTheLimit() throws IOException {
    CliTestSupport.Result r = run(cdnow("ggomnbd").toArray(String[]::new));
    assertEquals(FitCommand.NOT_FITTED, r.status(), r.out());
    assertTrue(r.err().contains("leaves b unidentified"), r.err());
  }
}

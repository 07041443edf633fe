package io.engagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EvaluateCommandTest {
  @TempDir Path dir;

  private String[] cdnow(String... more) throws IOException {
    // The bundled CDNOW 1/10 sample (cli main resources; provenance in cdnow/README.md).
    Path file = dir.resolve("CDNOW_sample.txt");
    if (!Files.exists(file)) {
      try (var in = Objects.requireNonNull(DemoCommand.class.getResourceAsStream(DemoCommand.RESOURCE))) {
        Files.copy(in, file);
      }
    }
    List<String> args = new ArrayList<>(List.of("evaluate", "--input", file.toString(), "--format", "transactions",
        "--delimiter", "whitespace", "--no-header", "--columns", "customer=2,date=3,quantity=4,amount=5",
        "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /**
   * Issue 6's acceptance through the CLI: BG/NBD's expected holdout purchases correlate 0.626 with
   * the actual (Fader, Hardie &amp; Lee 2005, section 4), and its week-78 cumulative forecast is 4.1%
   * under the actual 4,339 repeat transactions (the paper: about 4%).
   */
  @Test
  void cdnow_repeat_json_matchesThePaper() throws IOException {
    Path report = dir.resolve("report.html");
    CliTestSupport.Result r = CliTestSupport.run(cdnow("--strategy", "loyalty.bgnbd,loyalty.rfm", "--outcome",
        "repeat", "--bootstrap", "200", "--json", "--report", report.toString()));
    assertEquals(0, r.status(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("repeat", j.get("outcome").asText());
    assertEquals(2357, j.get("customers").asInt());
    JsonNode bgnbd = null;
    for (JsonNode s : j.get("strategies")) {
      for (String field : List.of("name", "auc", "aucLow", "aucHigh", "spearman", "pearson", "topDecileLift")) {
        assertTrue(s.has(field), field + " in " + s);
      }
      assertFalse(s.has("brier"), "no probabilities for repeat: " + s);
      if (s.get("name").asText().equals("loyalty.bgnbd")) {
        bgnbd = s;
      }
    }
    assertEquals(0.626, bgnbd.get("pearson").asDouble(), 0.002);
    assertEquals("expected_transactions", bgnbd.get("predictor").asText());
    JsonNode model = j.get("models").get(0);
    assertEquals(4339, model.get("cumulativeActual").asDouble(), 0);
    assertEquals(-0.041, model.get("trackingError").asDouble(), 0.005);
    String html = Files.readString(report);
    assertTrue(html.contains("<svg") && html.contains("Tracking cumulative repeat transactions"), "report");
    assertFalse(html.contains("<script"), "no scripts");
  }

  /** CDNOW has no survey answers: satisfaction.nps has evidence for no one, and evaluate says so (issue 23). */
  @Test
  void aStrategyWithoutEvidence_isCountedAndWarnedAbout() throws IOException {
    CliTestSupport.Result r = CliTestSupport.run(cdnow("--strategy", "loyalty.rfm,satisfaction.nps", "--bootstrap",
        "50", "--json"));
    assertEquals(0, r.status(), r.err());
    for (JsonNode s : new ObjectMapper().readTree(r.out()).get("strategies")) {
      // loyalty.rfm: every CDNOW customer bought in the calibration period (the cohort's first purchases).
      assertEquals(s.get("name").asText().equals("loyalty.rfm") ? 2357 : 0, s.get("evidence").asInt(), s.toString());
    }
    assertTrue(r.err().contains("engagekit: warning: satisfaction.nps had no evidence for any of the 2,357 customers"),
        r.err());
    assertFalse(r.err().contains("loyalty.rfm had no evidence"), r.err());
  }

  @Test
  void retained_text_hasBrierForTheProbabilisticModel() throws IOException {
    CliTestSupport.Result r = CliTestSupport.run(cdnow("--strategy", "loyalty.paretonbd", "--bootstrap", "50"));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("loyalty.paretonbd   p_purchase"), r.out());
    assertTrue(r.out().contains("outcome retained"), r.out());
  }

  @Test
  void usageErrors() throws IOException {
    CliTestSupport.Result bad = CliTestSupport.run(cdnow("--strategy", "loyalty.rfm", "--outcome", "churn"));
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("--outcome must be one of retained, repeat, spend, advocacy"), bad.err());
    CliTestSupport.Result order = CliTestSupport.run("evaluate", "--input", "x.csv", "--calibration-end", "1998-01-01",
        "--holdout-end", "1997-01-01", "--strategy", "loyalty.rfm");
    assertEquals(2, order.status());
    assertTrue(order.err().contains("must be after --calibration-end"), order.err());
    CliTestSupport.Result unknown = CliTestSupport.run(cdnow("--strategy", "loyalty.nope"));
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("no strategy is named 'loyalty.nope'"), unknown.err());
    // CDNOW has no referrals or reviews: advocacy is not supported by these data.
    CliTestSupport.Result advocacy = CliTestSupport.run(cdnow("--strategy", "loyalty.rfm", "--outcome", "advocacy"));
    assertEquals(2, advocacy.status());
    assertTrue(advocacy.err().contains("do not support the outcome advocacy"), advocacy.err());
    // Issue 22: every user-sized number is bounded, with the bound in the message.
    CliTestSupport.Result resamples = CliTestSupport.run(cdnow("--strategy", "loyalty.rfm", "--bootstrap", "2000000000"));
    assertEquals(2, resamples.status());
    assertTrue(resamples.err().contains("--bootstrap must be in [1, 100000] but was 2000000000"), resamples.err());
    CliTestSupport.Result weeks = CliTestSupport.run("simulate", "--customers", "10", "--seed", "1", "--output",
        dir.resolve("w").toString(), "--holdout-weeks", "2000000000");
    assertEquals(2, weeks.status());
    assertTrue(weeks.err().contains("at most 5200 (100 years)"), weeks.err());
  }

  /** simulate writes canonical files that evaluate reads back; the same seed gives the same bytes. */
  @Test
  void simulate_thenEvaluate() throws IOException {
    Path out = dir.resolve("sim");
    CliTestSupport.Result sim = CliTestSupport.run("simulate", "--customers", "1500", "--seed", "7", "--output",
        out.toString(), "--json");
    assertEquals(0, sim.status(), sim.err());
    JsonNode s = new ObjectMapper().readTree(sim.out());
    for (String f : SimulateCommand.FILES) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    Path again = dir.resolve("again");
    assertEquals(0, CliTestSupport.run("simulate", "--customers", "1500", "--seed", "7", "--output",
        again.toString()).status());
    for (String f : SimulateCommand.FILES) {
      assertEquals(-1L, Files.mismatch(out.resolve(f), again.resolve(f)), f);
    }
    assertTrue(Files.readAllLines(out.resolve("ground-truth.csv")).get(0).startsWith("customer,relationship,loyalty"));
    CliTestSupport.Result e = CliTestSupport.run("evaluate", "--input", out.resolve("touchpoints.csv").toString(),
        "--surveys", out.resolve("surveys.csv").toString(), "--journeys", out.resolve("journeys.csv").toString(),
        "--customers", out.resolve("customers.csv").toString(),
        "--calibration-end", s.get("calibrationEnd").asText(), "--holdout-end", s.get("holdoutEnd").asText(),
        "--strategy", "satisfaction.csat,loyalty.decayed,journey.weighted", "--bootstrap", "100", "--json");
    assertEquals(0, e.status(), e.err());
    JsonNode j = new ObjectMapper().readTree(e.out());
    assertEquals(1500, j.get("customers").asInt());
    assertEquals(s.get("retained").asInt(), j.get("withOutcome").asInt());
    assertEquals("loyalty.decayed", j.get("strategies").get(0).get("name").asText());
    assertEquals("satisfaction.csat", j.get("strategies").get(2).get("name").asText());
    assertEquals(0.5, j.get("strategies").get(2).get("auc").asDouble(), 0.05);
    CliTestSupport.Result bad = CliTestSupport.run("simulate", "--customers", "10", "--seed", "1", "--output",
        out.toString(), "--satisfaction-loyalty-correlation", "2");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("must be in [-1, 1]"), bad.err());
  }
}

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

/** {@code engagekit sweep} (issue 25, item 6): the journey-weight study on a simulated population. */
final class SweepCommandTest {
  @TempDir Path dir;

  @Test
  void sweep_onASimulatedPopulation() throws IOException {
    CliTestSupport.Result sim = run("simulate", "--customers", "800", "--seed", "7", "--output", dir.toString(),
        "--json");
    assertEquals(0, sim.status(), sim.err());
    JsonNode s = new ObjectMapper().readTree(sim.out());
    Path report = dir.resolve("sweep.html");
    CliTestSupport.Result r = run("sweep", "--input", dir.resolve("touchpoints.csv").toString(), "--journeys",
        dir.resolve("journeys.csv").toString(), "--calibration-end", s.get("calibrationEnd").asText(),
        "--holdout-end", s.get("holdoutEnd").asText(), "--steps", "4", "--json", "--report", report.toString());
    assertEquals(0, r.status(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("retained", j.get("outcome").asText());
    assertTrue(j.get("customers").asInt() > 700, j.toString());
    assertEquals(5, j.get("points").size());
    double bestAuc = 0;
    for (int i = 0; i < 5; i++) {
      assertEquals(i / 4.0, j.get("points").get(i).get("lambda").asDouble(), 1e-12);
      bestAuc = Math.max(bestAuc, j.get("points").get(i).get("auc").asDouble());
    }
    assertEquals(bestAuc, j.get("best").get("auc").asDouble(), 0);
    // The simulator drives retention by journey experience: journeys predict better than touchpoints alone.
    assertTrue(j.get("points").get(4).get("auc").asDouble() > j.get("points").get(0).get("auc").asDouble(), r.out());
    String html = Files.readString(report);
    assertTrue(html.contains("Predictive power by journey weight") && !html.contains("<script"), html);

    CliTestSupport.Result text = run("sweep", "--input", dir.resolve("touchpoints.csv").toString(),
        "--calibration-end", s.get("calibrationEnd").asText(), "--holdout-end", s.get("holdoutEnd").asText());
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("  lambda     AUC  Spearman") && text.out().contains("best: λ = "), text.out());

    CliTestSupport.Result steps = run("sweep", "--input", dir.resolve("touchpoints.csv").toString(),
        "--calibration-end", s.get("calibrationEnd").asText(), "--holdout-end", s.get("holdoutEnd").asText(),
        "--steps", "0");
    assertEquals(2, steps.status());
    assertTrue(steps.err().contains("--steps must be in [1, 1000] but was 0"), steps.err());
  }
}

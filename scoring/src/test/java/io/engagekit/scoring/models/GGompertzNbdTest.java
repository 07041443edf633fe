package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.scoring.simulation.PlantedModels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GGompertzNbdTest {
  /**
   * CLVTools' correctness suite (tests/testthat/test_correctness_ggomnbd.R, CLVTools 0.11) reports
   * its GGompertz/NBD estimate on CDNOW (the same 1/10 sample, 39 calibration weeks) as r =
   * 0.55313, α = 10.5758, b = 0.0000011, s = 0.60682, β = 0.000013 with log-likelihood −9594.9762;
   * Bemmaor &amp; Glady (2012), Table 2 p. 1018, report −9594.98. At that point the model is the
   * Pareto/NBD limit, whose published optimum is −9594.98 (Fader, Hardie &amp; Lee 2005).
   */
  @Test
  void cdnow_logLikelihoodAtThePublishedEstimate() {
    GGompertzNbd m = new GGompertzNbd(0.55313, 10.5758, 0.0000011, 0.60682, 0.000013);
    assertEquals(-9594.976, m.logLikelihood(Cdnow.patterns()), 0.01);
  }

  /**
   * Those data have no ageing of the dropout rate: the fit runs toward b → 0, β → 0 (β/b near the
   * Pareto/NBD's 11.67), where b is not identified, and says so.
   */
  @Test
  void cdnow_fitReportsTheParetoNbdBoundary() {
    ModelFitException e = assertThrows(ModelFitException.class, () -> GGompertzNbd.fit(Cdnow.patterns()));
    assertTrue(e.getMessage().contains("leaves b unidentified"), e.getMessage());
    assertTrue(e.boundary().stream().anyMatch(s -> s.startsWith("beta → 0")), e.getMessage());
  }

  /** As b → 0 with β/b fixed, GGompertz/NBD is Pareto/NBD with scale β/b: likelihood and predictions agree. */
  @Test
  void smallB_isParetoNbd() {
    ParetoNbd p = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
    double b = 1e-9;
    GGompertzNbd g = new GGompertzNbd(0.553, 10.578, b, 0.606, 11.669 * b);
    List<RepeatPattern> patterns = Cdnow.patterns();
    assertEquals(p.logLikelihood(patterns), g.logLikelihood(patterns), 1e-4);
    for (RepeatPattern q : patterns.subList(0, 300)) {
      assertEquals(p.probabilityAlive(q), g.probabilityAlive(q), 1e-6, q.toString());
      assertEquals(p.expectedTransactions(q, 39), g.expectedTransactions(q, 39), 1e-6, q.toString());
      assertEquals(p.probabilityOfRepeat(q, 39), g.probabilityOfRepeat(q, 39), 1e-6, q.toString());
    }
    assertEquals(p.expectedTransactions(39), g.expectedTransactions(39), 1e-6);
  }

  /** The analytic gradient against central differences of the log-likelihood, at ageing that matters. */
  @Test
  void gradient_matchesDifferences() {
    double[] v = {0.8, 4.0, 0.1, 0.7, 3.0};
    for (RepeatPattern p : List.of(RepeatPattern.of(0, 0, 30), RepeatPattern.of(3, 12.5, 30),
        RepeatPattern.of(25, 29.9, 32), RepeatPattern.of(1, 0.5, 52))) {
      double[] g = new double[5];
      GGompertzNbd.evaluate(p, v[0], v[1], v[2], v[3], v[4], g);
      for (int i = 0; i < 5; i++) {
        double h = 1e-5 * v[i];
        double[] up = v.clone();
        double[] down = v.clone();
        up[i] += h;
        down[i] -= h;
        double d = (GGompertzNbd.evaluate(p, up[0], up[1], up[2], up[3], up[4], null)
            - GGompertzNbd.evaluate(p, down[0], down[1], down[2], down[3], down[4], null)) / (2 * h);
        assertEquals(d, g[i], 1e-6 * Math.max(1, Math.abs(d)), p + " parameter " + GGompertzNbd.NAMES[i]);
      }
    }
  }

  /**
   * The likelihood's integral against a plain composite Simpson rule on 200,001 points, an
   * independent evaluation of the paper's equation (5).
   */
  @Test
  void logLikelihood_equalsEquationFiveBySimpson() {
    double r = 0.8;
    double alpha = 4.0;
    double b = 0.1;
    double s = 0.7;
    double beta = 3.0;
    RepeatPattern p = RepeatPattern.of(4, 10, 30);
    int n = 200_000;
    double h = (p.T() - p.tx()) / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double y = p.tx() + i * h;
      double f = Math.pow(alpha + y, -(r + 4)) * Math.exp(b * y) * Math.pow(beta + Math.exp(b * y) - 1, -(s + 1));
      sum += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
    }
    double integral = sum * h / 3;
    double k = org.apache.commons.numbers.gamma.LogGamma.value(r + 4) - org.apache.commons.numbers.gamma.LogGamma.value(r)
        + r * Math.log(alpha);
    double first = Math.pow(alpha + p.T(), -(r + 4)) * Math.pow(beta / (beta + Math.exp(b * p.T()) - 1), s);
    double expected = k + Math.log(first + b * s * Math.pow(beta, s) * integral);
    GGompertzNbd m = new GGompertzNbd(r, alpha, b, s, beta);
    assertEquals(expected, m.logLikelihood(List.of(p)), 1e-9 * Math.abs(expected));
  }

  /**
   * Planted parameters (r, α, b, s, β) = (0.85, 4.45, 0.12, 0.75, 9.55): 5,000 customers observed
   * 32 weeks each, three seeds; every estimate within three standard errors of what was planted.
   */
  @Test
  void fit_recoversPlantedParameters() {
    GGompertzNbd planted = new GGompertzNbd(0.85, 4.45, 0.12, 0.75, 9.55);
    for (long seed : new long[] {1, 2, 3}) {
      ModelFit<GGompertzNbd> fit = GGompertzNbd.fit(PlantedModels.ggomNbd(planted, 5000, 32, seed));
      for (Map.Entry<String, Double> e : planted.parameters().entrySet()) {
        double est = fit.parameters().get(e.getKey());
        double se = fit.standardErrors().get(e.getKey());
        assertTrue(Math.abs(est - e.getValue()) <= 3 * se, "seed " + seed + ": " + e.getKey() + " = " + est + " ± "
            + se + ", planted " + e.getValue());
      }
    }
  }

  @Test
  void survival_andExpectations() {
    GGompertzNbd m = new GGompertzNbd(0.85, 4.45, 0.12, 0.75, 9.55);
    assertEquals(1, m.survival(0), 0);
    assertEquals(Math.pow(9.55 / (9.55 + Math.exp(0.12 * 10) - 1), 0.75), m.survival(10), 1e-14);
    // E[X(t)] = r/α ∫ S: by Simpson.
    int n = 20_000;
    double h = 52.0 / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      sum += m.survival(i * h) * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
    }
    assertEquals(0.85 / 4.45 * sum * h / 3, m.expectedTransactions(52), 1e-9);
    assertEquals(0, m.expectedTransactions(0), 0);
    assertThrows(IllegalArgumentException.class, () -> new GGompertzNbd(1, 1, 0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new GGompertzNbd(1, 1, Double.NaN, 1, 1));
  }
}

package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GammaGammaTest {
  static List<SpendPattern> cdnowSpends() {
    List<SpendPattern> out = new ArrayList<>();
    for (PurchaseHistory.Calibration c : Cdnow.calibration()) {
      if (c.pattern().x() > 0) {
        out.add(SpendPattern.of(c.pattern().x(), c.meanRepeatSpend().getAsDouble()));
      }
    }
    return out;
  }

  /**
   * Fader, Hardie &amp; Lee (2005), "RFM and CLV", JMR 42(4), and Fader &amp; Hardie (2013), "The
   * Gamma-Gamma Model of Monetary Value": on the 946 CDNOW sample customers with repeat purchases in
   * the 39-week calibration, p = 6.25, q = 3.74, γ = 15.44; the model's mean spend per transaction
   * is then pγ/(q−1) = 6.25 · 15.44 / 2.74 = $35.2.
   */
  @Test
  void cdnow_reproducesThePublishedEstimates() {
    List<SpendPattern> spends = cdnowSpends();
    assertEquals(946, spends.size());
    ModelFit<GammaGamma> fit = GammaGamma.fit(spends);
    assertEquals(6.25, fit.model().p(), 0.002 * 6.25, fit.toString());
    assertEquals(3.74, fit.model().q(), 0.002 * 3.74, fit.toString());
    assertEquals(15.44, fit.model().gamma(), 0.002 * 15.44, fit.toString());
    assertEquals(List.of("p", "q", "gamma"), List.copyOf(fit.parameters().keySet()));
    assertEquals(35.2, fit.model().meanSpend(), 0.1);
    assertTrue(fit.gradientNorm() < 1e-3);
  }

  /**
   * The one-pass log-likelihood, gradient and exact Hessian the fit's Newton steps use agree with
   * the log-likelihood, the analytic gradient and central differences of it, at the published
   * estimates and away from them.
   */
  @Test
  void derivatives_matchTheGradient_andItsDifferences() {
    SpendPattern[] data = cdnowSpends().toArray(new SpendPattern[0]);
    double[][] points = {{6.25, 3.74, 15.44}, {0.8, 12, 2}, {30, 1.5, 200}};
    for (double[] v : points) {
      String at = java.util.Arrays.toString(v);
      double[] g = new double[3];
      double[][] h = new double[3][3];
      double ll = GammaGamma.derivatives(data, v[0], v[1], v[2], g, h);
      assertEquals(GammaGamma.logLikelihood(data, v[0], v[1], v[2]), ll, 1e-9 * Math.abs(ll), at);
      double[] expected = GammaGamma.gradient(data, v[0], v[1], v[2]);
      for (int i = 0; i < 3; i++) {
        assertEquals(expected[i], g[i], 1e-9 * (1 + Math.abs(expected[i])), "gradient " + i + " at " + at);
        double step = 1e-5 * v[i];
        double[] up = v.clone();
        double[] down = v.clone();
        up[i] += step;
        down[i] -= step;
        double[] gu = GammaGamma.gradient(data, up[0], up[1], up[2]);
        double[] gd = GammaGamma.gradient(data, down[0], down[1], down[2]);
        for (int j = 0; j < 3; j++) {
          double numeric = (gu[j] - gd[j]) / (2 * step);
          assertEquals(numeric, h[j][i], 1e-5 * (1 + Math.abs(numeric)), "hessian " + j + "," + i + " at " + at);
        }
      }
    }
  }

  /** One pattern per customer (946) fits as the distinct patterns with counts do: equal patterns are merged. */
  @Test
  void fit_mergesEqualPatterns() {
    List<SpendPattern> perCustomer = cdnowSpends();
    RepeatPatterns grouped = new RepeatPatterns();
    perCustomer.forEach(s -> grouped.add(s.x(), s.meanSpend()));
    assertTrue(grouped.spendPatterns().size() < perCustomer.size());
    ModelFit<GammaGamma> a = GammaGamma.fit(perCustomer);
    ModelFit<GammaGamma> b = GammaGamma.fit(grouped.spendPatterns());
    assertEquals(b.model(), a.model());
    assertEquals(946, a.customers());
  }

  /** E[M | x, m̄] is a weighted mean of the population mean and the customer's mean (equation 3). */
  @Test
  void expectedSpend_shrinksTowardsThePopulationMean() {
    GammaGamma g = new GammaGamma(6.25, 3.74, 15.44);
    double population = 6.25 * 15.44 / 2.74;
    assertEquals(population, g.expectedSpend(0, 0), 1e-12);
    assertEquals(population, g.expectedSpend(0, 1000), 1e-12);
    double w = 6.25 * 2 / (6.25 * 2 + 2.74);
    assertEquals((1 - w) * population + w * 50, g.expectedSpend(2, 50), 1e-12);
    // A zero-spend repeat customer is shrunk towards the mean, not predicted at 0.
    assertEquals((1 - w) * population, g.expectedSpend(2, 0), 1e-12);
    assertThrows(ArithmeticException.class, () -> new GammaGamma(1, 0.5, 1).meanSpend());
    assertThrows(IllegalArgumentException.class, () -> g.expectedSpend(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> g.expectedSpend(1, Double.NaN));
  }

  @Test
  void zeroSpend_isRefusedWithAnExplanation() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpendPattern.of(2, 0));
    assertTrue(e.getMessage().contains("zero-spend"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SpendPattern.of(0, 5));
    assertThrows(IllegalArgumentException.class, () -> GammaGamma.fit(List.of()));
  }
}

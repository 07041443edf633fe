package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

final class ParetoNbdTest {
  /**
   * Issue 4's acceptance figure: on the CDNOW sample (exact weeks) the Pareto/NBD log-likelihood is
   * −9594.98 at r = 0.553, α = 10.578, s = 0.606, β = 11.669 (Fader, Hardie &amp; Lee 2005, section
   * 4, report these estimates for the Pareto/NBD on the same data).
   */
  @Test
  void cdnow_reproducesThePublishedFit() {
    ModelFit<ParetoNbd> fit = ParetoNbd.fit(BgNbdTest.grouped(Cdnow.patterns()));
    assertEquals(-9594.98, fit.logLikelihood(), 0.01, fit.toString());
    assertEquals(0.553, fit.model().r(), 0.0005, fit.toString());
    assertEquals(10.578, fit.model().alpha(), 0.0005 * 10.578 * 2, fit.toString());
    assertEquals(0.606, fit.model().s(), 0.0005, fit.toString());
    assertEquals(11.669, fit.model().beta(), 0.0005 * 11.669 * 2, fit.toString());
    assertEquals(List.of("r", "alpha", "s", "beta"), List.copyOf(fit.parameters().keySet()));
    fit.standardErrors().values().forEach(se -> assertTrue(se > 0 && Double.isFinite(se), fit.toString()));
  }

  /**
   * α and β are time scales: the same CDNOW data in days instead of weeks give the same r and s, α
   * and β seven times as large, and a log-likelihood lower by ln 7 for each repeat purchase, whose
   * time is a density in the unit (2,457 repeat purchases in the calibration period).
   */
  @Test
  void fit_isEquivariantInTheUnitOfTime() {
    List<RepeatPattern> weeks = BgNbdTest.grouped(Cdnow.patterns());
    List<RepeatPattern> days = weeks.stream()
        .map(p -> new RepeatPattern(p.x(), p.tx() * 7, p.T() * 7, p.customers())).toList();
    ModelFit<ParetoNbd> w = ParetoNbd.fit(weeks);
    ModelFit<ParetoNbd> d = ParetoNbd.fit(days);
    assertEquals(w.model().r(), d.model().r(), 1e-6 * w.model().r());
    assertEquals(w.model().s(), d.model().s(), 1e-6 * w.model().s());
    assertEquals(7 * w.model().alpha(), d.model().alpha(), 1e-6 * 7 * w.model().alpha());
    assertEquals(7 * w.model().beta(), d.model().beta(), 1e-6 * 7 * w.model().beta());
    long repeats = weeks.stream().mapToLong(p -> p.x() * p.customers()).sum();
    assertEquals(2457, repeats);
    assertEquals(w.logLikelihood() - repeats * Math.log(7), d.logLikelihood(), 1e-6);
  }

  /**
   * The likelihood against the papers' hypergeometric form (Fader &amp; Hardie's Pareto/NBD note,
   * equations 20–22) in 50-digit arithmetic, for α above and below β, near-equal α and β, integer s
   * (where the 1 − z transformation is degenerate), t_x close to T, and z near 1.
   */
  @Test
  void logLikelihood_equalsTheHypergeometricForm() {
    double[][] params = {{0.553, 10.578, 0.606, 11.669}, {2, 50, 1, 0.01}, {0.3, 0.001, 3, 40}, {1.5, 7, 2, 7.0001}};
    double[][] patterns = {{0, 0, 38.86}, {2, 30.43, 38.86}, {7, 38.8, 38.86}, {40, 12.5, 70}};
    for (double[] q : params) {
      ParetoNbd m = new ParetoNbd(q[0], q[1], q[2], q[3]);
      for (double[] p : patterns) {
        RepeatPattern pattern = RepeatPattern.of((long) p[0], p[1], p[2]);
        double expected = oracle(q[0], q[1], q[2], q[3], (long) p[0], p[1], p[2]);
        double actual = m.logLikelihood(List.of(pattern));
        assertEquals(expected, actual, 1e-10 * Math.abs(expected), java.util.Arrays.toString(q) + " "
            + java.util.Arrays.toString(p));
      }
    }
  }

  private static double oracle(double r, double alpha, double s, double beta, long xl, double tx, double T) {
    Apfloat one = new Apfloat(1, 50);
    Apfloat x = new Apfloat(xl, 50);
    Apfloat rx = Oracle.of(r).add(x);
    Apfloat rsx = rx.add(Oracle.of(s));
    Apfloat al = Oracle.of(alpha);
    Apfloat be = Oracle.of(beta);
    boolean alphaLarger = alpha >= beta;
    Apfloat big = alphaLarger ? al : be;
    Apfloat diff = alphaLarger ? al.subtract(be) : be.subtract(al);
    Apfloat b2 = alphaLarger ? Oracle.of(s).add(one) : rx;
    Apfloat atTx = ApfloatMath.hypergeometric2F1(rsx, b2, rsx.add(one), diff.divide(big.add(Oracle.of(tx))))
        .divide(ApfloatMath.pow(big.add(Oracle.of(tx)), rsx));
    Apfloat atT = ApfloatMath.hypergeometric2F1(rsx, b2, rsx.add(one), diff.divide(big.add(Oracle.of(T))))
        .divide(ApfloatMath.pow(big.add(Oracle.of(T)), rsx));
    Apfloat a0 = atTx.subtract(atT);
    Apfloat first = one.divide(ApfloatMath.pow(al.add(Oracle.of(T)), rx).multiply(
        ApfloatMath.pow(be.add(Oracle.of(T)), Oracle.of(s))));
    Apfloat bracket = first.add(Oracle.of(s).divide(rsx).multiply(a0));
    Apfloat lead = ApfloatMath.logGamma(rx).subtract(ApfloatMath.logGamma(Oracle.of(r)))
        .add(Oracle.of(r).multiply(ApfloatMath.log(al))).add(Oracle.of(s).multiply(ApfloatMath.log(be)));
    return lead.add(ApfloatMath.log(bracket)).doubleValue();
  }

  /**
   * The series form of the integral I and its four moments agrees with the adaptive quadrature
   * wherever it claims to apply, over 20,000 seeded cases spread over the region where it does: α
   * and β within a factor of about two of each other, s from 1e-8 to 100, r + x from 1e-8 to 10^6, t_x from 0 to
   * just below T, T up to 10^5. A failure prints its case number.
   */
  @Test
  void integralSeries_agreesWithQuadrature() {
    SplittableRandom random = new SplittableRandom(20261122L);
    int bySeries = 0;
    for (int i = 0; i < 20_000; i++) {
      double m = NumericsPropertyTest.logUniform(random, 1e-8, 1e6);
      double alpha = NumericsPropertyTest.logUniform(random, 1e-3, 1e5);
      double beta = alpha * NumericsPropertyTest.logUniform(random, 0.5, 2.5);
      double s = NumericsPropertyTest.logUniform(random, 1e-8, 100);
      double T = NumericsPropertyTest.logUniform(random, 1e-3, 1e5);
      double tx = switch (random.nextInt(3)) {
        case 0 -> 0;
        case 1 -> T * (1 - NumericsPropertyTest.logUniform(random, 1e-9, 1e-2));
        default -> random.nextDouble() * T;
      };
      double[] series = new double[ParetoNbdIntegral.COVARIANCES];
      double value = ParetoNbdIntegral.logIntegralBySeries(m, alpha, s, beta, tx, T, series);
      if (Double.isNaN(value)) {
        continue;
      }
      bySeries++;
      double[] quadrature = new double[ParetoNbdIntegral.COVARIANCES];
      double expected = ParetoNbdIntegral.logIntegralByQuadrature(m, alpha, s, beta, tx, T, quadrature);
      String at = "case " + i + ": m=" + m + " alpha=" + alpha + " s=" + s + " beta=" + beta + " tx=" + tx
          + " T=" + T;
      assertEquals(expected, value, 1e-12 * Math.max(1, Math.abs(expected)), at);
      assertEquals(ParetoNbdIntegral.logIntegral(m, alpha, s, beta, tx, T, null), value, 0.0, at);
      assertEquals(quadrature[0], series[0], 1e-12 * Math.max(1, Math.abs(quadrature[0])), "ln(α+τ) " + at);
      assertEquals(quadrature[1], series[1], 1e-12 * quadrature[1], "1/(α+τ) " + at);
      assertEquals(quadrature[2], series[2], 1e-12 * Math.max(1, Math.abs(quadrature[2])), "ln(β+τ) " + at);
      assertEquals(quadrature[3], series[3], 1e-12 * quadrature[3], "1/(β+τ) " + at);
      // Covariances of (ln(α+τ), 1/(α+τ), ln(β+τ), 1/(β+τ)): each to 1e-9 of the product of the
      // two standard deviations-to-be, bounded by the squared means' scale where a spread is 0.
      int c = ParetoNbdIntegral.MEANS;
      for (int a = 0; a < 4; a++) {
        for (int b = a; b < 4; b++) {
          double scale = Math.sqrt(Math.abs(quadrature[ParetoNbdIntegral.covariance(a, a)]
              * quadrature[ParetoNbdIntegral.covariance(b, b)]));
          double floor = 1e-13 * (a % 2 == 1 ? quadrature[a] : 1) * (b % 2 == 1 ? quadrature[b] : 1);
          assertEquals(quadrature[c], series[c], 1e-9 * scale + floor, "covariance " + a + "," + b + " " + at);
          c++;
        }
      }
      // Without the covariances (the series may then stop a term or two sooner) the same numbers.
      double[] means = new double[ParetoNbdIntegral.MEANS];
      assertEquals(value, ParetoNbdIntegral.logIntegralBySeries(m, alpha, s, beta, tx, T, means),
          1e-14 * Math.max(1, Math.abs(value)), at);
      for (int k = 0; k < ParetoNbdIntegral.MEANS; k++) {
        assertEquals(series[k], means[k], 1e-14 * Math.max(1, Math.abs(series[k])), at);
      }
    }
    assertTrue(bySeries > 10_000, "the series applied in only " + bySeries + " cases");
  }

  /**
   * The log-likelihood, its gradient and its exact Hessian from one pass agree with the value,
   * central differences of the value, and central differences of the gradient, on the CDNOW
   * patterns: at the published fit (the series form of I), at the optimiser's first step from (1, 1,
   * 1, 1) where α is 8 times β (quadrature for most patterns), and where β is far above α.
   */
  @Test
  void derivatives_matchDifferences() {
    RepeatPattern[] data = Cdnow.patterns().toArray(new RepeatPattern[0]);
    java.util.Arrays.sort(data, java.util.Comparator.comparingLong(RepeatPattern::x));
    double[][] points = {{0.553, 10.578, 0.606, 11.669}, {1.177, 11.206, 0.639, 1.470}, {0.3, 2, 1.5, 60}};
    for (double[] q : points) {
      double[] g = new double[4];
      double[][] h = new double[4][4];
      double ll = ParetoNbd.evaluate(data, q[0], q[1], q[2], q[3], g, h);
      assertEquals(new ParetoNbd(q[0], q[1], q[2], q[3]).logLikelihood(java.util.Arrays.asList(data)), ll,
          1e-12 * Math.abs(ll));
      double[] onlyGradient = new double[4];
      assertEquals(ll, ParetoNbd.evaluate(data, q[0], q[1], q[2], q[3], onlyGradient, null), 0.0);
      for (int i = 0; i < 4; i++) {
        assertEquals(g[i], onlyGradient[i], 1e-12 * (1 + Math.abs(g[i])), "gradient " + i);
        double step = 1e-5 * q[i];
        double[] up = q.clone();
        double[] down = q.clone();
        up[i] += step;
        down[i] -= step;
        double[] gu = new double[4];
        double[] gd = new double[4];
        double lu = ParetoNbd.evaluate(data, up[0], up[1], up[2], up[3], gu, null);
        double ld = ParetoNbd.evaluate(data, down[0], down[1], down[2], down[3], gd, null);
        double slope = (lu - ld) / (2 * step);
        String at = " at " + java.util.Arrays.toString(q);
        assertEquals(slope, g[i], 1e-5 * (1 + Math.abs(slope)), "gradient " + i + at);
        for (int j = 0; j < 4; j++) {
          double numeric = (gu[j] - gd[j]) / (2 * step);
          assertEquals(numeric, h[j][i], 1e-5 * (1 + Math.abs(numeric)), "hessian " + j + "," + i + at);
        }
      }
    }
  }

  /** E[Y(t)] and E[X(t)] across s = 1, where the closed form's 1/(s−1) has a removable singularity. */
  @Test
  void expectations_continuousAcrossSEqualsOne() {
    RepeatPattern p = RepeatPattern.of(3, 20, 39);
    double below = new ParetoNbd(0.5, 10, 1 - 1e-9, 12).expectedTransactions(p, 39);
    double at = new ParetoNbd(0.5, 10, 1, 12).expectedTransactions(p, 39);
    double above = new ParetoNbd(0.5, 10, 1 + 1e-9, 12).expectedTransactions(p, 39);
    assertEquals(at, below, 1e-8 * at);
    assertEquals(at, above, 1e-8 * at);
    // s = 1: E[X(t)] = rβ/α · ln(1 + t/β).
    assertEquals(0.5 * 12 / 10 * Math.log1p(39 / 12.0), new ParetoNbd(0.5, 10, 1, 12).expectedTransactions(39),
        1e-14);
    // E[X(t)] with s = 2: rβ/α · (1 − β/(β+t)).
    assertEquals(0.5 * 12 / 10 * (1 - 12 / 51.0), new ParetoNbd(0.5, 10, 2, 12).expectedTransactions(39), 1e-14);
    assertThrows(IllegalArgumentException.class, () -> new ParetoNbd(0.5, 10, 2, 12).expectedTransactions(p, -1));
  }

  @Test
  void probabilityAlive_boundsAndExtremes() {
    ParetoNbd m = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
    double recent = m.probabilityAlive(RepeatPattern.of(5, 38.8, 38.86));
    double lapsed = m.probabilityAlive(RepeatPattern.of(5, 2, 38.86));
    assertTrue(recent > lapsed && recent <= 1 && lapsed >= 0);
    assertEquals(1.0, m.probabilityAlive(RepeatPattern.of(5, 38.86, 38.86)));
    assertEquals(0.0, m.probabilityAlive(RepeatPattern.of(1_000_000, 1, 100_000)), 1e-300);
  }
}

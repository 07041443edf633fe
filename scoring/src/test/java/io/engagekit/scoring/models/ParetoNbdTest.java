package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

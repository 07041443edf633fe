package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/** {@link LifetimeValue}: its definition, its limits, and its agreement with the continuous DET. */
final class LifetimeValueTest {
  /** Fader, Hardie &amp; Lee (2005), CDNOW sample in weeks. */
  private static final BgNbd BGNBD = new BgNbd(0.242594, 4.413603, 0.792923, 2.425898);
  /** Fader, Hardie &amp; Lee's Pareto/NBD estimates for the same data (JMR 2005, "RFM and CLV"). */
  private static final ParetoNbd PARETO = new ParetoNbd(0.5533, 10.5776, 0.6061, 11.6650);
  /** Fader, Hardie &amp; Lee (2005, JMR), the 946 repeat buyers of the sample. */
  private static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44);
  /** CDNOW customer 0001 in weeks. */
  private static final RepeatPattern FIRST = RepeatPattern.of(2, 213 / 7.0, 272 / 7.0);

  @Test
  void onePeriodWithoutDiscount_isExpectedSpendTimesExpectedPurchases() {
    LifetimeValue lv = new LifetimeValue(BGNBD, SPEND, 39, 1, 0);
    double expected = SPEND.expectedSpend(2, 11.40) * BGNBD.expectedTransactions(FIRST, 39);
    assertEquals(expected, lv.value(FIRST, 11.40), 1e-12 * expected);
  }

  @Test
  void withoutDiscount_periodsTelescopeToTheHorizon() {
    for (TransactionModel m : List.of(BGNBD, PARETO)) {
      for (RepeatPattern p : List.of(FIRST, RepeatPattern.of(0, 0, 30), RepeatPattern.of(20, 38, 38.5))) {
        double det = new LifetimeValue(m, SPEND, 52, 12, 0).discountedTransactions(p);
        assertEquals(m.expectedTransactions(p, 52), det, 1e-12 * det, m + " " + p);
      }
    }
  }

  @Test
  void discount_isAppliedAtEachPeriodsEnd() {
    LifetimeValue lv = new LifetimeValue(BGNBD, SPEND, 52, 2, 0.1);
    double half = BGNBD.expectedTransactions(FIRST, 26);
    double whole = BGNBD.expectedTransactions(FIRST, 52);
    assertEquals(half / 1.1 + (whole - half) / 1.21, lv.discountedTransactions(FIRST), 1e-14);
    assertTrue(lv.discountedTransactions(FIRST) < whole);
  }

  /**
   * Fine periods with (1 + d)^K = e^(δh) converge to the continuously discounted DET of Fader,
   * Hardie &amp; Lee (2005, JMR 42(4), equation 2) for Pareto/NBD:
   * α^r β^s δ^(s−1) Γ(r+x+1) Ψ(s, s; δ(β+T)) / (Γ(r) (α+T)^(r+x+1) L), with Tricomi's Ψ evaluated
   * by apfloat to 50 digits, at the paper's weekly rate δ = 0.0027 (15% a year). The horizon of
   * 8,000 weeks leaves e^(−21.6) of the discounted stream; Richardson extrapolation of periods of 1
   * and ½ week removes the first-order error of paying at each period's end.
   */
  @Test
  void paretoNbd_finePeriods_convergeToTheContinuousDet() {
    double delta = 0.0027;
    double horizon = 8000;
    for (RepeatPattern p : List.of(FIRST, RepeatPattern.of(0, 0, 38.86), RepeatPattern.of(7, 35.0, 38.0))) {
      double coarse = new LifetimeValue(PARETO, SPEND, horizon, 8000, Math.expm1(delta)).discountedTransactions(p);
      double fine = new LifetimeValue(PARETO, SPEND, horizon, 16000, Math.expm1(delta / 2)).discountedTransactions(p);
      double extrapolated = 2 * fine - coarse;
      double det = continuousDet(PARETO, p, delta);
      assertEquals(det, extrapolated, 1e-6 * det, p.toString());
    }
  }

  private static double continuousDet(ParetoNbd m, RepeatPattern p, double delta) {
    Apfloat r = Oracle.of(m.r());
    Apfloat s = Oracle.of(m.s());
    Apfloat x = new Apfloat(p.x(), 50);
    Apfloat one = new Apfloat(1, 50);
    Apfloat z = Oracle.of(delta).multiply(Oracle.of(m.beta()).add(Oracle.of(p.T())));
    Apfloat logNumerator = r.multiply(ApfloatMath.log(Oracle.of(m.alpha())))
        .add(s.multiply(ApfloatMath.log(Oracle.of(m.beta()))))
        .add(s.subtract(one).multiply(ApfloatMath.log(Oracle.of(delta))))
        .add(ApfloatMath.logGamma(r.add(x).add(one)))
        .add(ApfloatMath.log(ApfloatMath.hypergeometricU(s, s, z)))
        .subtract(ApfloatMath.logGamma(r))
        .subtract(r.add(x).add(one).multiply(ApfloatMath.log(Oracle.of(m.alpha()).add(Oracle.of(p.T())))));
    return Math.exp(logNumerator.doubleValue() - m.logLikelihood(List.of(p)));
  }

  @Test
  void monthly_isAYearInTwelveMonthsAtOnePercent() {
    LifetimeValue weeks = LifetimeValue.monthly(BGNBD, SPEND, PeriodUnit.WEEKS);
    assertEquals(new LifetimeValue(BGNBD, SPEND, 365.25 / 7, 12, 0.01), weeks);
    assertEquals(365.25, LifetimeValue.monthly(BGNBD, SPEND, PeriodUnit.DAYS).horizon());
  }

  @Test
  void value_usesThePopulationMeanForCustomersWithoutRepeats() {
    LifetimeValue lv = new LifetimeValue(BGNBD, SPEND, 52, 12, 0.01);
    RepeatPattern none = RepeatPattern.of(0, 0, 30);
    assertEquals(SPEND.meanSpend() * lv.discountedTransactions(none), lv.value(none, 0), 1e-12);
    assertEquals(lv.value(none, 0), lv.value(none, 1234), 0);
  }

  @Test
  void invalidSettingsAndOverflow_areRefusedByName() {
    assertEquals("horizon must be finite and > 0 but was 0.0",
        assertThrows(IllegalArgumentException.class, () -> new LifetimeValue(BGNBD, SPEND, 0, 12, 0.01)).getMessage());
    assertEquals("periods must be in [1, 100000] but was 0",
        assertThrows(IllegalArgumentException.class, () -> new LifetimeValue(BGNBD, SPEND, 52, 0, 0.01)).getMessage());
    assertEquals("discount rate must be finite and >= 0 but was NaN",
        assertThrows(IllegalArgumentException.class, () -> new LifetimeValue(BGNBD, SPEND, 52, 12, Double.NaN))
            .getMessage());
    LifetimeValue lv = new LifetimeValue(BGNBD, SPEND, 52, 12, 0.01);
    RepeatPattern heavy = RepeatPattern.of(30, 38, 38.5);
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> lv.value(heavy, Double.MAX_VALUE));
    assertTrue(e.getMessage().startsWith("lifetime value overflows a double"), e.getMessage());
  }
}

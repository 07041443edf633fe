package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.numbers.gamma.LogBeta;
import org.junit.jupiter.api.Test;

/**
 * The shifted-beta-geometric model against Fader &amp; Hardie (2007), "How to Project Customer
 * Retention", <i>Journal of Interactive Marketing</i> 21(1): the two cohorts of 1,000 customers of
 * their Table 1 (survivors at the start of each of 13 years), fitted on years 0–7 as in the paper.
 */
final class SbgTest {
  /** Table 1, "regular" customers: survivors after 0..12 years. */
  static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173};
  /** Table 1, "high end" customers. */
  static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394};

  private static long[] firstSeven(long[] cohort) {
    return Arrays.copyOf(cohort, 8);
  }

  /**
   * The paper's estimates: regular α = 0.704, β = 1.182, LL = −1680.3; high end α = 0.668,
   * β = 3.806, LL = −1611.2.
   */
  @Test
  void fit_reproducesThePublishedEstimates() {
    ModelFit<Sbg> regular = Sbg.fit(firstSeven(REGULAR));
    assertEquals(0.704, regular.model().alpha(), 0.0005, regular.toString());
    assertEquals(1.182, regular.model().beta(), 0.0005, regular.toString());
    assertEquals(-1680.3, regular.logLikelihood(), 0.05, regular.toString());
    ModelFit<Sbg> highEnd = Sbg.fit(firstSeven(HIGH_END));
    assertEquals(0.668, highEnd.model().alpha(), 0.0005, highEnd.toString());
    assertEquals(3.806, highEnd.model().beta(), 0.0005, highEnd.toString());
    assertEquals(-1611.2, highEnd.logLikelihood(), 0.05, highEnd.toString());
    assertEquals(1000, highEnd.customers());
    assertEquals(List.of("alpha", "beta"), List.copyOf(highEnd.parameters().keySet()));
    assertTrue(highEnd.standardErrors().get("alpha") > 0 && highEnd.standardErrors().get("beta") > 0);
    // AIC and BIC from the log-likelihood, 2 parameters and the cohort of 1,000.
    assertEquals(4 - 2 * highEnd.logLikelihood(), highEnd.aic(), 1e-9);
    assertEquals(2 * Math.log(1000) - 2 * highEnd.logLikelihood(), highEnd.bic(), 1e-9);
  }

  /** The projection the paper makes: years 8–12 from the fit on 0–7, within a few customers of Table 1. */
  @Test
  void projection_tracksTheHoldoutYears() {
    Sbg highEnd = Sbg.fit(firstSeven(HIGH_END)).model();
    Sbg regular = Sbg.fit(firstSeven(REGULAR)).model();
    for (int t = 8; t <= 12; t++) {
      assertEquals(HIGH_END[t], 1000 * highEnd.survival(t), 0.05 * HIGH_END[t], "high end, year " + t);
      assertEquals(REGULAR[t], 1000 * regular.survival(t), 0.05 * REGULAR[t], "regular, year " + t);
    }
  }

  /** S, P(T = t) and the retention rate are one distribution: the closed forms agree with each other. */
  @Test
  void survival_churn_andRetention_areConsistent() {
    Sbg m = new Sbg(0.704, 1.182);
    double s = 1;
    for (int t = 1; t <= 200; t++) {
      double next = s - m.churnProbability(t);
      assertEquals(next, m.survival(t), 1e-13, "t=" + t);
      assertEquals(m.survival(t) / m.survival(t - 1), m.retention(t), 1e-12, "t=" + t);
      s = next;
    }
    assertEquals(1.0, m.survival(0));
    assertEquals(0.704 / (0.704 + 1.182), m.churnProbability(1), 1e-15);
    assertEquals(Math.exp(LogBeta.value(0.704, 1.182 + 7) - LogBeta.value(0.704, 1.182)), m.survival(7), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> m.survival(-1));
    assertThrows(IllegalArgumentException.class, () -> m.retention(0));
    assertThrows(IllegalArgumentException.class, () -> m.churnProbability(0));
  }

  /**
   * DERL against its definition summed naively in long double-free steps (S(t) from the log-beta
   * closed form, discounted), and its d = 0 limit β+n−1 over α−1 (for α &gt; 1); DEL = 1 + DERL(1)/(1+d).
   */
  @Test
  void discountedLifetimes_agreeWithTheirDefinitions() {
    for (Sbg m : List.of(new Sbg(0.704, 1.182), new Sbg(0.668, 3.806), new Sbg(3.2, 5.0))) {
      for (double d : new double[] {0.1, 0.02, 0.5}) {
        for (long n : new long[] {1, 2, 5, 12}) {
          double direct = 0;
          for (long t = n; t < n + 20_000; t++) {
            direct += m.survival(t) / m.survival(n - 1) * Math.pow(1 + d, -(t - n));
          }
          assertEquals(direct, m.discountedResidualLifetime(d, n), 1e-10 * direct, m + " d=" + d + " n=" + n);
        }
        double del = 0;
        for (long t = 0; t < 20_000; t++) {
          del += m.survival(t) * Math.pow(1 + d, -t);
        }
        assertEquals(del, m.discountedLifetime(d), 1e-10 * del, m + " d=" + d);
      }
    }
    Sbg steady = new Sbg(3.2, 5.0);
    // Undiscounted: E[T] = (α+β−1)/(α−1) for a new customer; residual (β+n−1)/(α−1).
    assertEquals((3.2 + 5.0 - 1) / (3.2 - 1), steady.discountedLifetime(0), 1e-12);
    assertEquals((5.0 + 4 - 1) / (3.2 - 1), steady.discountedResidualLifetime(0, 4), 1e-12);
    assertEquals(steady.discountedResidualLifetime(0, 4), steady.discountedResidualLifetime(1e-9, 4), 1e-5);
    IllegalArgumentException heavy = assertThrows(IllegalArgumentException.class,
        () -> new Sbg(0.7, 1.2).discountedResidualLifetime(0, 1));
    assertTrue(heavy.getMessage().contains("alpha > 1"), heavy.getMessage());
    assertThrows(IllegalArgumentException.class, () -> steady.discountedResidualLifetime(-0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> steady.discountedResidualLifetime(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> steady.discountedResidualLifetime(0.1, 0));
  }

  @Test
  void badCohorts_areRefusedNamingThePeriod() {
    assertEquals("survivors at period 2 must be in [0, 80] (those of period 1) but was 90",
        assertThrows(IllegalArgumentException.class, () -> Sbg.fit(new long[] {100, 80, 90})).getMessage());
    assertEquals("survivors at period 0 (the cohort's size) must be > 0 but was 0",
        assertThrows(IllegalArgumentException.class, () -> Sbg.fit(new long[] {0, 0})).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Sbg.fit(new long[] {100})).getMessage()
        .startsWith("sBG needs the cohort's size and at least one period's survivors"));
    assertThrows(IllegalArgumentException.class, () -> new Sbg(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Sbg(1, Double.POSITIVE_INFINITY));
  }

  /** Nobody leaves: the likelihood rises toward β → ∞, and the fit says so rather than returning a point. */
  @Test
  void noChurn_isNotIdentified() {
    ModelFitException e = assertThrows(ModelFitException.class, () -> Sbg.fit(new long[] {500, 500, 500, 500}));
    assertTrue(e.getMessage().startsWith("sBG"), e.getMessage());
  }
}

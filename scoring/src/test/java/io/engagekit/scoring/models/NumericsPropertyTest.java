package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's hardening property: over seeded random inputs with x up to 10^6, t_x ≤ T up to 10^5
 * and every parameter log-uniform in [1e-8, 1e8], no model quantity is NaN or infinite, and
 * probabilities stay in [0, 1]. A failing case prints its seed and index so it can become a
 * named example.
 */
final class NumericsPropertyTest {
  /** The seeds of the generators; each case is reproducible from (seed, index). */
  private static final long SEED = 20261122L;

  static double logUniform(SplittableRandom r, double lo, double hi) {
    return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }

  static RepeatPattern pattern(SplittableRandom r) {
    // Half the cases at the extremes of x and T, half spread out.
    long x = r.nextBoolean() ? (long) logUniform(r, 1, 1e6) : r.nextInt(4);
    if (r.nextInt(10) == 0) {
      x = 1_000_000;
    }
    double T = r.nextInt(10) == 0 ? 1e5 : logUniform(r, 1e-3, 1e5);
    double tx = x == 0 ? 0 : switch (r.nextInt(4)) {
      case 0 -> T;
      case 1 -> 0;
      default -> r.nextDouble() * T;
    };
    return RepeatPattern.of(x, tx, T);
  }

  static double parameter(SplittableRandom r) {
    return switch (r.nextInt(12)) {
      case 0 -> 1e-8;
      case 1 -> 1e8;
      case 2 -> 1.0;
      default -> logUniform(r, 1e-8, 1e8);
    };
  }

  private static void check(String what, double v, boolean probability, long index, Object model, Object p) {
    if (!Double.isFinite(v) || (probability && !(v >= 0 && v <= 1)) || v < 0 && probability) {
      fail(what + " = " + v + " at case " + index + " of seed " + SEED + ": " + model + " " + p);
    }
  }

  /** 700,000 closed-form evaluations: the BG/NBD and MBG/NBD likelihoods and P(alive). */
  @Test
  void closedForms_neverNaNOrInfinite() {
    SplittableRandom r = new SplittableRandom(SEED);
    long evaluations = 0;
    for (long i = 0; i < 175_000; i++) {
      RepeatPattern p = pattern(r);
      BgNbd bg = new BgNbd(parameter(r), parameter(r), parameter(r), parameter(r));
      MbgNbd mbg = new MbgNbd(parameter(r), parameter(r), parameter(r), parameter(r));
      check("BG/NBD ln L", bg.logLikelihood(List.of(p)), false, i, bg, p);
      check("BG/NBD P(alive)", bg.probabilityAlive(p), true, i, bg, p);
      check("MBG/NBD ln L", mbg.logLikelihood(List.of(p)), false, i, mbg, p);
      check("MBG/NBD P(alive)", mbg.probabilityAlive(p), true, i, mbg, p);
      evaluations += 4;
    }
    assertTrue(evaluations >= 700_000);
  }

  /** 300,000 quadrature evaluations: Pareto/NBD likelihood and P(alive), and expected purchases of all three. */
  @Test
  void quadratures_neverNaNOrInfinite() {
    SplittableRandom r = new SplittableRandom(SEED + 1);
    long evaluations = 0;
    for (long i = 0; i < 60_000; i++) {
      RepeatPattern p = pattern(r);
      double t = logUniform(r, 1e-3, 1e5);
      ParetoNbd pn = new ParetoNbd(parameter(r), parameter(r), parameter(r), parameter(r));
      BgNbd bg = new BgNbd(parameter(r), parameter(r), parameter(r), parameter(r));
      check("Pareto/NBD ln L", pn.logLikelihood(List.of(p)), false, i, pn, p);
      check("Pareto/NBD P(alive)", pn.probabilityAlive(p), true, i, pn, p);
      check("Pareto/NBD E[Y]", expected(pn, p, t), false, i, pn, p);
      check("BG/NBD E[Y]", bg.expectedTransactions(p, t), false, i, bg, p);
      check("BG/NBD E[X]", bg.expectedTransactions(t), false, i, bg, p);
      evaluations += 5;
    }
    assertTrue(evaluations >= 300_000);
  }

  /**
   * Issue 22: BG/BB over seeded extreme inputs (parameters log-uniform in [1e-8, 1e8], periods up
   * to 1,000 and now and then at the bound): the per-pattern log-likelihood is at most 0 (it is a
   * probability; the log-beta differences it was computed from gave up to +2.8e-6), P(alive) in [0,
   * 1] and expected transactions in [0, n*], all finite. The computed value exceeds 0 by at most
   * 1e-15 before that rounding is dropped.
   */
  @Test
  void bgBb_likelihoodIsAProbability_andPredictionsStayInRange() {
    SplittableRandom r = new SplittableRandom(SEED + 2);
    for (long i = 0; i < 60_000; i++) {
      long n = i % 2_000 == 0 ? DiscretePattern.MAX_PERIODS : r.nextInt(4) == 0 ? r.nextInt(1_001) : r.nextInt(12);
      long x = n == 0 ? 0 : r.nextInt(3) == 0 ? n : r.nextLong(n + 1);
      long tx = x == 0 ? 0 : x + r.nextLong(n - x + 1);
      DiscretePattern p = new DiscretePattern(x, tx, n, 1);
      BgBb m = new BgBb(parameter(r), parameter(r), parameter(r), parameter(r));
      double ll = m.logLikelihood(p);
      // Before the rounding above 0 is dropped: within a few ulps of 0 (the old log-beta form: +2.8e-6).
      double raw = BgBb.rawLogLikelihood(m.alpha(), m.beta(), m.gamma(), m.delta(), x, tx, n);
      if (!(ll <= 0) || !Double.isFinite(ll) || !(raw <= 1e-15) || ll != Math.min(0, raw)) {
        fail("BG/BB ln L = " + ll + " (" + raw + ") at case " + i + " of seed " + (SEED + 2) + ": " + m + " " + p);
      }
      check("BG/BB P(alive)", m.probabilityAlive(p), true, i, m, null);
      long future = r.nextInt(5) == 0 ? 5_000 : r.nextInt(20);
      double e = m.expectedTransactions(p, future);
      if (!(e >= 0 && e <= future)) {
        fail("BG/BB E[X] = " + e + " over " + future + " at case " + i + ": " + m + " " + p);
      }
    }
  }

  /** Pareto/NBD expectations may overflow a double for rates of 1e8 over 1e5 weeks; that is an exception, not ∞. */
  private static double expected(ParetoNbd m, RepeatPattern p, double t) {
    try {
      return m.expectedTransactions(p, t);
    } catch (ArithmeticException e) {
      return 0;
    }
  }
}

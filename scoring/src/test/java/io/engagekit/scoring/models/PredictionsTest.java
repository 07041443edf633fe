package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The transaction models' predictions against the papers' closed forms (apfloat) and published figures. */
final class PredictionsTest {
  private static final BgNbd CDNOW = new BgNbd(0.24259, 4.41360, 0.79292, 2.42589);

  private static void close(double expected, double actual, double relative, String what) {
    assertEquals(expected, actual, relative * Math.abs(expected), what);
  }

  /**
   * {@code predict} writes exactly the numbers of the one-customer methods, for every model: on the
   * CDNOW patterns, and on 5,000 seeded random patterns with x up to 10,000 (past the BG/NBD's
   * per-x cache) and over 3,000 distinct (x, T) pairs (its table grows past its first 1,024 slots).
   */
  @Test
  void predict_isBitIdenticalToTheOneCustomerMethods() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    RepeatPattern[] randomPatterns = new RepeatPattern[5000];
    for (int i = 0; i < randomPatterns.length; i++) {
      long x = random.nextInt(4) == 0 ? random.nextInt(10_000) : random.nextInt(30);
      double T = 1 + random.nextInt(200) / 7.0;
      randomPatterns[i] = RepeatPattern.of(x, x == 0 ? 0 : random.nextDouble() * T, T);
    }
    RepeatPattern[] cdnow = Cdnow.patterns().toArray(new RepeatPattern[0]);
    TransactionModel[] models = {CDNOW, new MbgNbd(0.2, 4, 0.8, 2.4), new ParetoNbd(0.553, 10.578, 0.606, 11.669)};
    for (TransactionModel m : models) {
      for (RepeatPattern[] patterns : List.of(cdnow, randomPatterns)) {
        for (double t : new double[] {0, 39}) {
          double[] alive = new double[patterns.length + 1];
          double[] expected = new double[patterns.length];
          m.predict(patterns, t, alive, expected);
          for (int i = 0; i < patterns.length; i++) {
            String at = m + " " + patterns[i] + " t=" + t;
            assertEquals(m.probabilityAlive(patterns[i]), alive[i], 0.0, at);
            assertEquals(m.expectedTransactions(patterns[i], t), expected[i], 0.0, at);
          }
        }
      }
    }
  }

  @Test
  void predict_badArguments() {
    RepeatPattern[] one = {RepeatPattern.of(1, 2, 3)};
    IllegalArgumentException shortArray = assertThrows(IllegalArgumentException.class,
        () -> CDNOW.predict(one, 1, new double[0], new double[1]));
    assertTrue(shortArray.getMessage().contains("at least as long as the patterns (1)"), shortArray.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CDNOW.predict(one, -1, new double[1], new double[1]));
    assertThrows(IllegalArgumentException.class, () -> CDNOW.predict(one, Double.NaN, new double[1], new double[1]));
    assertThrows(NullPointerException.class, () -> CDNOW.predict(new RepeatPattern[] {null}, 1, new double[1],
        new double[1]));
    assertThrows(NullPointerException.class, () -> new ParetoNbd(1, 1, 1, 1).predict(null, 1, new double[1],
        new double[1]));
  }

  /** Equation 10 of Fader, Hardie &amp; Lee (2005), including a near 1 and horizons where z nears 1. */
  @Test
  void bgnbdConditional_equalsTheClosedForm() {
    double[][] params = {{0.24259, 4.41360, 0.79292, 2.42589}, {2.5, 0.3, 1.000001, 7}, {0.05, 30, 3.2, 0.4},
        {8, 2, 0.999, 1.5}};
    long[] xs = {0, 1, 2, 7, 40};
    double[] ts = {0.5, 39, 1000};
    for (double[] p : params) {
      BgNbd m = new BgNbd(p[0], p[1], p[2], p[3]);
      for (long x : xs) {
        double tx = x == 0 ? 0 : 20.5;
        for (double t : ts) {
          double expected = Oracle.bgnbdConditional(p[0], p[1], p[2], p[3], x, tx, 38.86, t);
          close(expected, m.expectedTransactions(new RepeatPattern(x, tx, 38.86, 1), t), 1e-9,
              java.util.Arrays.toString(p) + " x=" + x + " t=" + t);
        }
      }
      for (double t : ts) {
        close(Oracle.bgnbdUnconditional(p[0], p[1], p[2], p[3], t), m.expectedTransactions(t), 1e-9,
            java.util.Arrays.toString(p) + " t=" + t);
      }
    }
  }

  @Test
  void mbgnbdConditional_equalsTheClosedForm() {
    MbgNbd m = new MbgNbd(0.5255, 6.1829, 0.8936, 1.9802);
    for (long x : new long[] {0, 1, 3, 12}) {
      double tx = x == 0 ? 0 : 30;
      for (double t : new double[] {1, 39, 500}) {
        close(Oracle.mbgnbdConditional(m.r(), m.alpha(), m.a(), m.b(), x, tx, 38.86, t),
            m.expectedTransactions(new RepeatPattern(x, tx, 38.86, 1), t), 1e-9, "x=" + x + " t=" + t);
      }
    }
  }

  /** P(X(t) = n) (equation 8) is a distribution whose mean is E[X(t)] (equation 9). */
  @Test
  void bgnbdCountDistribution_sumsToOne_meanIsExpectation() {
    for (double t : new double[] {1, 39, 78}) {
      double total = 0;
      double mean = 0;
      for (int n = 0; n < 5000; n++) {
        double pn = CDNOW.probabilityOfPurchases(n, t);
        assertTrue(pn >= 0 && pn <= 1);
        total += pn;
        mean += n * pn;
      }
      assertEquals(1.0, total, 1e-9, "t=" + t);
      assertEquals(CDNOW.expectedTransactions(t), mean, 1e-6, "t=" + t);
    }
    assertEquals(1.0, CDNOW.probabilityOfPurchases(0, 0));
    assertEquals(0.0, CDNOW.probabilityOfPurchases(3, 0));
    assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityOfPurchases(-1, 1));
  }

  /**
   * Issue 4's acceptance figure, as published (Fader, Hardie &amp; Lee 2005, section 4): across the
   * 2,357 CDNOW sample customers, the correlation between BG/NBD's expected purchases in the 39-week
   * holdout and the actual holdout purchases is 0.626.
   */
  @Test
  void cdnowHoldout_correlationIsThePublished0626() {
    List<PurchaseHistory.Calibration> customers = Cdnow.calibration();
    ModelFit<BgNbd> fit = BgNbd.fit(BgNbdTest.grouped(Cdnow.patterns()));
    double[] expected = new double[customers.size()];
    double[] actual = new double[customers.size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = fit.model().expectedTransactions(customers.get(i).pattern(), Cdnow.HOLDOUT_WEEKS);
      actual[i] = customers.get(i).holdoutDays();
    }
    assertEquals(0.626, pearson(expected, actual), 0.002);
  }

  static double pearson(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  @Test
  void horizons_validated() {
    RepeatPattern p = RepeatPattern.of(1, 1, 2);
    assertThrows(IllegalArgumentException.class, () -> CDNOW.expectedTransactions(p, -1));
    assertThrows(IllegalArgumentException.class, () -> CDNOW.expectedTransactions(Double.NaN));
    assertEquals(0.0, CDNOW.expectedTransactions(p, 0));
    assertEquals(0.0, CDNOW.expectedTransactions(0));
  }

  /**
   * P(Y(t) &gt; 0): a brand-new customer (x = 0, T = 0) is alive with the prior as posterior, so
   * for the BG/NBD it is 1 − P(X(t) = 0) of equation 8 of Fader, Hardie &amp; Lee (2005); for the
   * Pareto/NBD it equals a brute-force midpoint sum of the integral before the change of variable.
   */
  @Test
  void probabilityOfRepeat_againstIndependentForms() {
    RepeatPattern fresh = RepeatPattern.of(0, 0, 0);
    for (double t : new double[] {0.5, 39, 500}) {
      assertEquals(1 - CDNOW.probabilityOfPurchases(0, t), CDNOW.probabilityOfRepeat(fresh, t), 1e-9, "t=" + t);
    }
    ParetoNbd m = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
    for (RepeatPattern p : List.of(RepeatPattern.of(0, 0, 38), RepeatPattern.of(3, 20, 38), RepeatPattern.of(12, 37, 38))) {
      for (double t : new double[] {1, 39}) {
        double c = m.alpha() + p.T();
        double d = m.beta() + p.T();
        double shape = m.r() + p.x();
        int steps = 200_000;
        double h = t / steps;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
          double u = (i + 0.5) * h;
          sum += shape / c * Math.pow(c / (c + u), shape + 1) * Math.pow(d / (d + u), m.s()) * h;
        }
        assertEquals(m.probabilityAlive(p) * sum, m.probabilityOfRepeat(p, t), 1e-8, p + " t=" + t);
        assertTrue(m.probabilityOfRepeat(p, t) <= m.expectedTransactions(p, t) + 1e-12);
      }
    }
    MbgNbd mbg = new MbgNbd(0.5255, 6.1829, 0.8936, 1.9802);
    RepeatPattern p = RepeatPattern.of(2, 30, 38);
    assertEquals(mbg.probabilityAlive(p) * (1 - Math.pow((mbg.alpha() + 38) / (mbg.alpha() + 38 + 39), mbg.r() + 2)),
        mbg.probabilityOfRepeat(p, 39), 1e-12);
    assertEquals(0, CDNOW.probabilityOfRepeat(p, 0));
    assertThrows(IllegalArgumentException.class, () -> m.probabilityOfRepeat(p, -1));
  }
}

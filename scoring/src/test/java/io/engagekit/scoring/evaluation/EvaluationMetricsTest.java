package io.engagekit.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Gains, lift, Brier, calibration, count errors, the bootstrap, and the resampled measures. */
final class EvaluationMetricsTest {
  /** By hand: scores 4, 3, 3, 1 with outcomes 2, 1, 0, 1 (total 4). */
  @Test
  void gains_tiesAreOneStraightStep() {
    Metrics.Gains g = Metrics.gains(new double[] {4, 3, 3, 1}, new double[] {2, 1, 0, 1});
    assertArrayEquals(new double[] {0, 0.25, 0.75, 1}, g.customers());
    assertArrayEquals(new double[] {0, 0.5, 0.75, 1}, g.captured());
    assertEquals(0.625, g.at(0.5), 1e-15);
    // Top tenth: 0.1 of the first customer's 0.5 share -> 0.2, over 0.1 -> lift 2.
    assertEquals(2, Metrics.topDecileLift(new double[] {4, 3, 3, 1}, new double[] {2, 1, 0, 1}), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Metrics.gains(new double[] {1}, new double[] {0}));
    assertThrows(IllegalArgumentException.class, () -> Metrics.gains(new double[] {1}, new double[] {-1}));
    assertThrows(IllegalArgumentException.class, () -> g.lift(0));
  }

  @Test
  void brier_calibration_countErrors_byHand() {
    double[] p = {0.1, 0.15, 0.9, 1.0};
    boolean[] y = {false, true, true, true};
    assertEquals((0.01 + 0.7225 + 0.01 + 0) / 4, Metrics.brier(p, y), 1e-15);
    List<Metrics.ReliabilityBin> bins = Metrics.reliability(p, y, 10);
    assertEquals(2, bins.size());
    assertEquals(new Metrics.ReliabilityBin(0.1, 0.2, 2, 0.125, 0.5), bins.get(0));
    assertEquals(2, bins.get(1).customers());
    assertEquals(0.95, bins.get(1).predicted(), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> Metrics.brier(new double[] {1.5}, new boolean[] {true}));
    double[] predicted = {1, 2, 3};
    double[] actual = {2, 2, 5};
    assertEquals(1, Metrics.mae(predicted, actual), 1e-15);
    assertEquals(Math.sqrt(5 / 3.0), Metrics.rmse(predicted, actual), 1e-15);
    assertEquals(-1 / 3.0, Metrics.trackingError(predicted, actual), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> Metrics.trackingError(predicted, new double[3]));
  }

  /**
   * Property: with every weight 1 the resampled measures equal the plain ones, and with weights
   * they equal the plain ones on the expanded sample; 300 seeded random inputs with many ties.
   */
  @Test
  void resampled_equalsMetricsOnTheExpandedSample() {
    SplittableRandom random = new SplittableRandom(42);
    for (int trial = 0; trial < 300; trial++) {
      int n = 2 + random.nextInt(40);
      double[] x = new double[n];
      double[] y = new double[n];
      int[] w = new int[n];
      for (int i = 0; i < n; i++) {
        x[i] = random.nextInt(6);
        y[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(4);
        w[i] = random.nextInt(3);
      }
      y[0] = 0;
      y[1] = 2;
      w[0] = 1;
      w[1] = 1;
      int m = Arrays.stream(w).sum();
      double[] ex = new double[m];
      double[] ey = new double[m];
      boolean[] eb = new boolean[m];
      for (int i = 0, k = 0; i < n; i++) {
        for (int c = 0; c < w[i]; c++, k++) {
          ex[k] = x[i];
          ey[k] = y[i];
          eb[k] = y[i] > 0;
        }
      }
      Resampled r = new Resampled(x, y);
      String seed = "trial " + trial;
      assertEquals(Metrics.auc(ex, eb), r.auc(w), 1e-12, seed);
      assertEquals(Metrics.spearman(ex, ey), r.spearman(w), 1e-12, seed);
      assertEquals(Metrics.pearson(ex, ey), r.pearson(w), 1e-12, seed);
      assertEquals(Metrics.topDecileLift(ex, ey), r.topDecileLift(w), 1e-12, seed);
      double[] px = Arrays.stream(x).map(v -> v / 5).toArray();
      double[] epx = Arrays.stream(ex).map(v -> v / 5).toArray();
      assertEquals(Metrics.brier(epx, eb), new Resampled(px, y).brier(w), 1e-12, seed);
    }
  }

  @Test
  void bootstrap_isSeeded_andCoversTheMean() {
    double[] v = new SplittableRandom(3).doubles(500).toArray();
    Estimate a = Bootstrap.interval(v.length, 400, 9, w -> mean(v, w));
    assertEquals(a, Bootstrap.interval(v.length, 400, 9, w -> mean(v, w)));
    assertTrue(a.low() < a.value() && a.value() < a.high(), a.toString());
    // The standard error of a mean of 500 uniforms is 0.0129: the interval is about +-1.96 of it.
    assertEquals(2 * 1.96 * Math.sqrt(1 / 12.0 / 500), a.high() - a.low(), 0.01);
    assertThrows(IllegalArgumentException.class, () -> Bootstrap.interval(3, 100, 1, w -> {
      throw new IllegalArgumentException("never defined");
    }));
    assertThrows(IllegalArgumentException.class, () -> Bootstrap.interval(0, 1, 1, w -> 0));
  }

  private static double mean(double[] v, int[] w) {
    double s = 0;
    double n = 0;
    for (int i = 0; i < v.length; i++) {
      s += w[i] * v[i];
      n += w[i];
    }
    return s / n;
  }

  @Test
  void outcome_codes() {
    assertEquals(Outcome.REPEAT, Outcome.fromCode("repeat"));
    assertEquals("expected_transactions", Outcome.REPEAT.measure().orElseThrow());
    assertTrue(Outcome.SPEND.measure().isEmpty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Outcome.fromCode("churn"));
    assertTrue(e.getMessage().contains("retained, repeat, spend, advocacy"), e.getMessage());
  }
}

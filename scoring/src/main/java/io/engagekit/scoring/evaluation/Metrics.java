package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Measures of how well a score predicts an outcome. Each is a pure function of its arguments,
 * which it does not modify; thread-safe.
 *
 * @since 0.1
 */
public final class Metrics {
  private Metrics() {}

  /**
   * The area under the ROC curve: the probability that a random customer with the outcome scores
   * higher than a random one without, ties counting one half (the Mann–Whitney U statistic over
   * the product of the group sizes, from mid-ranks). O(n log n).
   *
   * @param scores the scores, finite
   * @param outcomes whether each customer had the outcome
   * @return the AUC, in [0, 1]
   * @throws IllegalArgumentException if the arrays differ in length, a score is not finite, or
   *     either group is empty
   * @throws NullPointerException if an array is null
   */
  public static double auc(double[] scores, boolean[] outcomes) {
    requireNonNull(scores, "scores");
    requireNonNull(outcomes, "outcomes");
    if (scores.length != outcomes.length) {
      throw new IllegalArgumentException(scores.length + " scores but " + outcomes.length + " outcomes");
    }
    finite(scores, "score");
    double[] ranks = ranks(scores);
    long positives = 0;
    double rankSum = 0;
    for (int i = 0; i < scores.length; i++) {
      if (outcomes[i]) {
        positives++;
        rankSum += ranks[i];
      }
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("the AUC needs customers with and without the outcome but there are "
          + positives + " with and " + negatives + " without");
    }
    double u = rankSum - positives * (positives + 1) / 2.0;
    return u / ((double) positives * negatives);
  }

  /**
   * Spearman's rank correlation: Pearson's correlation of the mid-ranks.
   *
   * @param x the first variable, finite
   * @param y the second variable, finite, as long as {@code x}
   * @return the correlation in [−1, 1]; 0 when either variable is constant
   * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 values, or a
   *     value is not finite
   * @throws NullPointerException if an array is null
   */
  public static double spearman(double[] x, double[] y) {
    check(x, y);
    return pearson(ranks(x), ranks(y));
  }

  /**
   * Pearson's correlation, computed about the means (two passes).
   *
   * @param x the first variable, finite
   * @param y the second variable, finite, as long as {@code x}
   * @return the correlation in [−1, 1]; 0 when either variable is constant
   * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 values, or a
   *     value is not finite
   * @throws NullPointerException if an array is null
   */
  public static double pearson(double[] x, double[] y) {
    check(x, y);
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
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) {
      return 0;
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }

  private static void check(double[] x, double[] y) {
    requireNonNull(x, "x");
    requireNonNull(y, "y");
    if (x.length != y.length) {
      throw new IllegalArgumentException("the variables differ in length: " + x.length + " and " + y.length);
    }
    if (x.length < 2) {
      throw new IllegalArgumentException("a correlation needs at least 2 values but got " + x.length);
    }
    finite(x, "x");
    finite(y, "y");
  }

  private static void finite(double[] values, String what) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(what + "[" + i + "] must be finite but was " + values[i]);
      }
    }
  }

  /** 1-based mid-ranks: tied values share the mean of their ranks. */
  static double[] ranks(double[] values) {
    Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[values.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double mid = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = mid;
      }
      i = j + 1;
    }
    return ranks;
  }
}

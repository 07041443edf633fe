package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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

  /**
   * The cumulative gains curve: customers ranked by score, highest first, against the share of the
   * outcome they hold. Customers with equal scores form one step that the curve crosses in a
   * straight line, which is the expected curve under a random order of the ties.
   *
   * @param scores the scores, finite
   * @param outcomes each customer's outcome, finite and non-negative (1 or 0 for a yes/no outcome),
   *     with a positive total
   * @return the curve
   * @throws IllegalArgumentException if the lengths differ, the arrays are empty, a value is not
   *     finite, an outcome is negative, or the outcomes sum to 0
   * @throws NullPointerException if an array is null
   */
  public static Gains gains(double[] scores, double[] outcomes) {
    requireNonNull(scores, "scores");
    requireNonNull(outcomes, "outcomes");
    if (scores.length != outcomes.length) {
      throw new IllegalArgumentException(scores.length + " scores but " + outcomes.length + " outcomes");
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("gains need at least one customer");
    }
    finite(scores, "score");
    finite(outcomes, "outcome");
    double total = 0;
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] < 0) {
        throw new IllegalArgumentException("outcome[" + i + "] must not be negative but was " + outcomes[i]);
      }
      total += outcomes[i];
    }
    if (total <= 0) {
      throw new IllegalArgumentException("gains need a positive total outcome but every outcome is 0");
    }
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    double[] xs = new double[scores.length + 1];
    double[] ys = new double[scores.length + 1];
    int points = 1;
    double captured = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j < order.length && scores[order[j]] == scores[order[i]]) {
        captured += outcomes[order[j]];
        j++;
      }
      xs[points] = (double) j / scores.length;
      ys[points] = Math.min(1, captured / total);
      points++;
      i = j;
    }
    xs[points - 1] = 1;
    ys[points - 1] = 1;
    return new Gains(Arrays.copyOf(xs, points), Arrays.copyOf(ys, points));
  }

  /**
   * The lift of the top tenth of customers by score: the share of the outcome they hold divided by
   * 0.1 (1 is no better than random, 10 the most possible). Ties at the cut count in proportion
   * (see {@link #gains}).
   *
   * @param scores the scores, finite
   * @param outcomes each customer's outcome, finite and non-negative with a positive total
   * @return the lift, in [0, 10]
   * @throws IllegalArgumentException as {@link #gains} does
   * @throws NullPointerException if an array is null
   */
  public static double topDecileLift(double[] scores, double[] outcomes) {
    return gains(scores, outcomes).lift(0.1);
  }

  /**
   * The Brier score: the mean squared difference between a predicted probability and what
   * happened (0 is perfect; always predicting the base rate b scores b(1 − b)).
   *
   * @param probabilities the predicted probabilities, in [0, 1]
   * @param outcomes whether each customer had the outcome
   * @return the score, in [0, 1]
   * @throws IllegalArgumentException if the lengths differ, the arrays are empty, or a probability
   *     is outside [0, 1] or not a number
   * @throws NullPointerException if an array is null
   */
  public static double brier(double[] probabilities, boolean[] outcomes) {
    probabilities(probabilities, outcomes);
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      double d = probabilities[i] - (outcomes[i] ? 1 : 0);
      sum += d * d;
    }
    return sum / probabilities.length;
  }

  /**
   * Binned calibration: customers grouped by predicted probability into {@code bins} equal-width
   * bins over [0, 1] (a probability of exactly 1 joins the last), each with its mean prediction
   * and the share that had the outcome. Empty bins are left out.
   *
   * @param probabilities the predicted probabilities, in [0, 1]
   * @param outcomes whether each customer had the outcome
   * @param bins the number of bins, at least 1
   * @return the non-empty bins, lowest first
   * @throws IllegalArgumentException if {@code bins < 1}, the lengths differ, the arrays are empty,
   *     or a probability is outside [0, 1] or not a number
   * @throws NullPointerException if an array is null
   */
  public static List<ReliabilityBin> reliability(double[] probabilities, boolean[] outcomes, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be at least 1 but was " + bins);
    }
    probabilities(probabilities, outcomes);
    long[] count = new long[bins];
    double[] predicted = new double[bins];
    long[] positive = new long[bins];
    for (int i = 0; i < probabilities.length; i++) {
      int b = Math.min(bins - 1, (int) (probabilities[i] * bins));
      count[b]++;
      predicted[b] += probabilities[i];
      positive[b] += outcomes[i] ? 1 : 0;
    }
    List<ReliabilityBin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        out.add(new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b],
            Math.min(1, predicted[b] / count[b]), (double) positive[b] / count[b]));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The mean absolute error of predictions.
   *
   * @param predicted the predictions, finite
   * @param actual what happened, finite, as long as {@code predicted}
   * @return the error, at least 0
   * @throws IllegalArgumentException if the lengths differ, the arrays are empty, or a value is not
   *     finite
   * @throws NullPointerException if an array is null
   */
  public static double mae(double[] predicted, double[] actual) {
    paired(predicted, actual);
    double sum = 0;
    for (int i = 0; i < predicted.length; i++) {
      sum += Math.abs(predicted[i] - actual[i]);
    }
    return sum / predicted.length;
  }

  /**
   * The root mean squared error of predictions.
   *
   * @param predicted the predictions, finite
   * @param actual what happened, finite, as long as {@code predicted}
   * @return the error, at least 0
   * @throws IllegalArgumentException if the lengths differ, the arrays are empty, or a value is not
   *     finite
   * @throws NullPointerException if an array is null
   */
  public static double rmse(double[] predicted, double[] actual) {
    paired(predicted, actual);
    double sum = 0;
    for (int i = 0; i < predicted.length; i++) {
      double d = predicted[i] - actual[i];
      sum += d * d;
    }
    return Math.sqrt(sum / predicted.length);
  }

  /**
   * The aggregate tracking error: (Σ predicted − Σ actual) / Σ actual. Negative when the
   * predictions under-forecast the total, as in Fader, Hardie &amp; Lee (2005), who report the
   * BG/NBD forecast of CDNOW's cumulative repeat purchases 4% under the actual.
   *
   * @param predicted the predictions, finite
   * @param actual what happened, finite, with a positive total
   * @return the relative error of the total
   * @throws IllegalArgumentException if the lengths differ, the arrays are empty, a value is not
   *     finite, or the actual total is not positive
   * @throws NullPointerException if an array is null
   */
  public static double trackingError(double[] predicted, double[] actual) {
    paired(predicted, actual);
    double p = 0;
    double a = 0;
    for (int i = 0; i < predicted.length; i++) {
      p += predicted[i];
      a += actual[i];
    }
    if (!(a > 0)) {
      throw new IllegalArgumentException("the tracking error needs a positive actual total but it was " + a);
    }
    return (p - a) / a;
  }

  private static void paired(double[] x, double[] y) {
    requireNonNull(x, "predicted");
    requireNonNull(y, "actual");
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " predictions but " + y.length + " actual values");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("at least one prediction is needed");
    }
    finite(x, "predicted");
    finite(y, "actual");
  }

  private static void probabilities(double[] p, boolean[] outcomes) {
    requireNonNull(p, "probabilities");
    requireNonNull(outcomes, "outcomes");
    if (p.length != outcomes.length) {
      throw new IllegalArgumentException(p.length + " probabilities but " + outcomes.length + " outcomes");
    }
    if (p.length == 0) {
      throw new IllegalArgumentException("at least one probability is needed");
    }
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException("probability[" + i + "] must be in [0, 1] but was " + p[i]);
      }
    }
  }

  /**
   * A cumulative gains curve: the points (share of customers, share of the outcome), starting at
   * (0, 0) and ending at (1, 1), between which the curve is straight. Immutable.
   */
  public static final class Gains {
    private final double[] customers;
    private final double[] captured;

    Gains(double[] customers, double[] captured) {
      this.customers = customers;
      this.captured = captured;
    }

    /**
     * Returns the shares of customers at the curve's corners, increasing from 0 to 1.
     *
     * @return a copy
     */
    public double[] customers() {
      return customers.clone();
    }

    /**
     * Returns the shares of the outcome at the curve's corners, non-decreasing from 0 to 1.
     *
     * @return a copy
     */
    public double[] captured() {
      return captured.clone();
    }

    /**
     * Returns the share of the outcome held by the top {@code fraction} of customers.
     *
     * @param fraction a share of customers in [0, 1]
     * @return the share of the outcome, in [0, 1]
     * @throws IllegalArgumentException if the fraction is outside [0, 1] or not a number
     */
    public double at(double fraction) {
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("fraction must be in [0, 1] but was " + fraction);
      }
      int k = Arrays.binarySearch(customers, fraction);
      if (k >= 0) {
        return captured[k];
      }
      int hi = -k - 1;
      int lo = hi - 1;
      double w = (fraction - customers[lo]) / (customers[hi] - customers[lo]);
      return captured[lo] + w * (captured[hi] - captured[lo]);
    }

    /**
     * Returns the lift of the top {@code fraction} of customers: {@code at(fraction) / fraction}.
     *
     * @param fraction a share of customers in (0, 1]
     * @return the lift, at least 0
     * @throws IllegalArgumentException if the fraction is outside (0, 1] or not a number
     */
    public double lift(double fraction) {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("fraction must be in (0, 1] but was " + fraction);
      }
      return at(fraction) / fraction;
    }
  }

  /**
   * One bin of a reliability diagram (a calibration plot).
   *
   * @param low the bin's lowest probability
   * @param high the bin's highest probability (exclusive, but for the last bin)
   * @param customers how many customers' predictions fall in it
   * @param predicted their mean predicted probability
   * @param observed the share of them that had the outcome
   */
  public record ReliabilityBin(double low, double high, long customers, double predicted, double observed) {}

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

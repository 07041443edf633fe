package io.engagekit.scoring.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The measures of {@link Metrics} on a bootstrap sample given as how many times each customer is
 * drawn, in O(n) per sample: the orders of the predictions and outcomes are sorted once, and a
 * sample only re-weights them. With every weight 1 each measure equals its {@link Metrics}
 * counterpart (tested).
 */
final class Resampled {
  private final double[] prediction;
  private final double[] outcome;
  /** Customers by prediction, ascending. */
  private final int[] byPrediction;
  /** Customers by outcome, ascending. */
  private final int[] byOutcome;

  Resampled(double[] prediction, double[] outcome) {
    this.prediction = prediction;
    this.outcome = outcome;
    this.byPrediction = order(prediction);
    this.byOutcome = order(outcome);
  }

  private static int[] order(double[] values) {
    Integer[] boxed = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, Comparator.comparingDouble(i -> values[i]));
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }

  /** AUC of the prediction for outcome &gt; 0, ties counting one half. */
  double auc(int[] w) {
    double positives = 0;
    double negatives = 0;
    double pairs = 0;
    int i = 0;
    while (i < byPrediction.length) {
      double groupPositive = 0;
      double groupNegative = 0;
      int j = i;
      while (j < byPrediction.length && prediction[byPrediction[j]] == prediction[byPrediction[i]]) {
        int c = byPrediction[j];
        if (outcome[c] > 0) {
          groupPositive += w[c];
        } else {
          groupNegative += w[c];
        }
        j++;
      }
      pairs += groupPositive * (negatives + groupNegative / 2);
      positives += groupPositive;
      negatives += groupNegative;
      i = j;
    }
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("the AUC needs customers with and without the outcome but there are "
          + (long) positives + " with and " + (long) negatives + " without");
    }
    return pairs / (positives * negatives);
  }

  double pearson(int[] w) {
    return correlation(w, prediction, outcome);
  }

  double spearman(int[] w) {
    return correlation(w, ranks(w, prediction, byPrediction), ranks(w, outcome, byOutcome));
  }

  /** Weighted mid-ranks: a customer drawn k times takes k consecutive ranks; ties share their mean. */
  private static double[] ranks(int[] w, double[] values, int[] order) {
    double[] ranks = new double[values.length];
    double below = 0;
    int i = 0;
    while (i < order.length) {
      double weight = 0;
      int j = i;
      while (j < order.length && values[order[j]] == values[order[i]]) {
        weight += w[order[j]];
        j++;
      }
      double mid = below + (weight + 1) / 2;
      for (int k = i; k < j; k++) {
        ranks[order[k]] = mid;
      }
      below += weight;
      i = j;
    }
    return ranks;
  }

  private static double correlation(int[] w, double[] x, double[] y) {
    double n = 0;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      n += w[i];
      mx += w[i] * x[i];
      my += w[i] * y[i];
    }
    if (n < 2) {
      throw new IllegalArgumentException("a correlation needs at least 2 values but got " + (long) n);
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      if (w[i] != 0) {
        double dx = x[i] - mx;
        double dy = y[i] - my;
        sxy += w[i] * dx * dy;
        sxx += w[i] * dx * dx;
        syy += w[i] * dy * dy;
      }
    }
    if (sxx == 0 || syy == 0) {
      return 0;
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }

  /** The lift of the top tenth by prediction; the tie group that straddles the cut counts in proportion. */
  double topDecileLift(int[] w) {
    double total = 0;
    double customers = 0;
    for (int i = 0; i < outcome.length; i++) {
      total += w[i] * outcome[i];
      customers += w[i];
    }
    if (total <= 0) {
      throw new IllegalArgumentException("gains need a positive total outcome but every outcome is 0");
    }
    double cut = 0.1 * customers;
    double taken = 0;
    double captured = 0;
    int i = byPrediction.length - 1;
    while (i >= 0 && taken < cut) {
      double weight = 0;
      double value = 0;
      int j = i;
      while (j >= 0 && prediction[byPrediction[j]] == prediction[byPrediction[i]]) {
        weight += w[byPrediction[j]];
        value += w[byPrediction[j]] * outcome[byPrediction[j]];
        j--;
      }
      if (weight > 0) {
        double share = Math.min(1, (cut - taken) / weight);
        taken += share * weight;
        captured += share * value;
      }
      i = j;
    }
    return Math.min(1, captured / total) / 0.1;
  }

  /** The Brier score of the prediction as a probability of outcome &gt; 0. */
  double brier(int[] w) {
    double n = 0;
    double sum = 0;
    for (int i = 0; i < prediction.length; i++) {
      double d = prediction[i] - (outcome[i] > 0 ? 1 : 0);
      sum += w[i] * d * d;
      n += w[i];
    }
    return sum / n;
  }
}

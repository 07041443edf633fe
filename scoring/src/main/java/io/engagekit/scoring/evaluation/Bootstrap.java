package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap confidence intervals (Efron &amp; Tibshirani 1993, chapter 13): the
 * customers are resampled with replacement, the statistic is computed on each resample, and the
 * interval runs from the 2.5th to the 97.5th percentile of those values. Seeded, so the same
 * arguments give the same interval.
 *
 * <p>A resample on which the statistic is undefined (it throws {@link IllegalArgumentException},
 * as the AUC does when a resample holds only one class) is drawn again; if more than one draw in
 * ten is undefined the statistic is too fragile on these data to bootstrap, and this says so.
 *
 * <p>On skewed statistics a percentile interval may, rarely, not contain the value on all
 * customers; it is reported as it is.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Bootstrap {
  /** The default number of resamples. */
  public static final int DEFAULT_SAMPLES = 1000;
  /**
   * The most resamples an interval takes: 100,000. Each is a pass over the customers, and the
   * interval's error from resampling is already below 0.5% of its width at 10,000.
   */
  public static final int MAX_SAMPLES = 100_000;
  /** The default seed. */
  public static final long DEFAULT_SEED = 20261122L;

  private Bootstrap() {}

  /**
   * Returns the statistic on all customers with its 95% percentile interval.
   *
   * @param customers how many customers there are (indices 0 to {@code customers − 1})
   * @param samples how many resamples, in {@code [1, MAX_SAMPLES]}
   * @param seed the random seed
   * @param statistic the statistic of a sample, given as how many times each customer is in it
   *     (all ones for the whole population); it must return a finite number or throw {@link
   *     IllegalArgumentException} when undefined on that sample
   * @return the estimate
   * @throws IllegalArgumentException if {@code customers < 1} or {@code samples < 1}, the
   *     statistic is undefined on all customers, or it is undefined on more than one resample in
   *     ten
   * @throws NullPointerException if the statistic is null
   */
  public static Estimate interval(int customers, int samples, long seed, ToDoubleFunction<int[]> statistic) {
    requireNonNull(statistic, "statistic");
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be at least 1 but was " + customers);
    }
    if (samples < 1 || samples > MAX_SAMPLES) {
      throw new IllegalArgumentException("samples must be in [1, " + MAX_SAMPLES + "] but was " + samples);
    }
    int[] all = new int[customers];
    Arrays.fill(all, 1);
    double value = finite(statistic.applyAsDouble(all));
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[samples];
    int[] sample = new int[customers];
    int undefined = 0;
    for (int k = 0; k < samples; ) {
      Arrays.fill(sample, 0);
      for (int i = 0; i < customers; i++) {
        sample[random.nextInt(customers)]++;
      }
      try {
        values[k] = finite(statistic.applyAsDouble(sample));
        k++;
      } catch (IllegalArgumentException e) {
        undefined++;
        if (undefined * 10L > samples) {
          throw new IllegalArgumentException("the statistic is undefined on " + undefined + " of the resamples so far ("
              + e.getMessage() + "): too few customers to bootstrap it", e);
        }
      }
    }
    Arrays.sort(values);
    return new Estimate(value, quantile(values, 0.025), quantile(values, 0.975));
  }

  private static double finite(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("the statistic must be finite but was " + v);
    }
    return v;
  }

  /** The type-7 quantile (linear between order statistics) of sorted values. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}

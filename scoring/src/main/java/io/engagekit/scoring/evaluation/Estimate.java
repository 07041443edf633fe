package io.engagekit.scoring.evaluation;

/**
 * A measured value with its 95% bootstrap confidence interval.
 *
 * @param value the value on all customers
 * @param low the 2.5th percentile of the value over the bootstrap resamples
 * @param high the 97.5th percentile
 * @since 0.1
 */
public record Estimate(double value, double low, double high) {
  /**
   * Validates the components.
   *
   * @param value see the class description
   * @param low see the class description
   * @param high see the class description
   * @throws IllegalArgumentException if a component is not finite or {@code low > high}
   */
  public Estimate {
    if (!Double.isFinite(value) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException("an estimate must be finite but was " + value + " [" + low + ", " + high + "]");
    }
    if (low > high) {
      throw new IllegalArgumentException("the interval's low end " + low + " is above its high end " + high);
    }
  }
}

package io.engagekit.scoring.models;

/**
 * One calibration-period purchase pattern shared by some number of customers: the input of the
 * customer-base models. Fitting on unique patterns with counts is exact (the log-likelihood is a
 * sum over customers) and much faster than fitting customer by customer.
 *
 * <p>All times are in one unit chosen by the caller (days, or weeks = days / 7); the fitted
 * parameters are in that unit.
 *
 * @param x the number of repeat transactions (transactions after the first), {@code >= 0}
 * @param tx the time of the last transaction since the first ({@code 0} when {@code x = 0}),
 *     finite, in {@code [0, T]}
 * @param T the time from the first transaction to the end of calibration, finite, {@code >= 0}
 *     ({@code 0} for a customer whose first purchase fell on the last day of calibration)
 * @param customers how many customers share this pattern, {@code >= 1}
 * @since 0.1
 */
public record RepeatPattern(long x, double tx, double T, long customers) {
  /**
   * Validates the components.
   *
   * @param x see the class description
   * @param tx see the class description
   * @param T see the class description
   * @param customers see the class description
   * @throws IllegalArgumentException naming the component and the value, if one is out of range
   */
  public RepeatPattern {
    if (x < 0) {
      throw new IllegalArgumentException("x (repeat transactions) must be >= 0 but was " + x);
    }
    if (!(T >= 0 && T <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("T must be finite and >= 0 but was " + T);
    }
    if (!(tx >= 0 && tx <= T)) {
      throw new IllegalArgumentException("t_x must be in [0, T = " + T + "] but was " + tx);
    }
    if (x == 0 && tx != 0) {
      throw new IllegalArgumentException("t_x must be 0 when x = 0 but was " + tx);
    }
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be >= 1 but was " + customers);
    }
  }

  /**
   * Returns the pattern of one customer.
   *
   * @param x repeat transactions
   * @param tx time of the last transaction since the first
   * @param T time from the first transaction to the end of calibration
   * @return the pattern, with a count of one
   */
  public static RepeatPattern of(long x, double tx, double T) {
    return new RepeatPattern(x, tx, T, 1);
  }
}

package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

/**
 * Customer lifetime value over a horizon: a transaction model's expected purchases, period by
 * period, times Gamma-Gamma's expected spend per purchase, discounted to the end of the
 * observation.
 *
 * <p>The horizon h (in the unit the transaction model was fitted in) is cut into K equal periods;
 * the purchases expected in period k are E[Y(kh/K)] − E[Y((k−1)h/K)] and are discounted as if paid
 * at the period's end, at a rate d per period:
 *
 * <pre>
 * DET = Σ_{k=1..K} (E[Y(kh/K) | x, t_x, T] − E[Y((k−1)h/K) | x, t_x, T]) / (1 + d)^k
 * CLV = E[spend | x, m̄] · DET
 * </pre>
 *
 * <p>DET is the "discounted expected transactions" of Fader, Hardie &amp; Lee (2005, "RFM and CLV:
 * Using Iso-Value Curves for Customer Base Analysis", JMR 42(4)), here over a finite horizon and in
 * discrete periods (the form of the lifetimes library's {@code customer_lifetime_value}); as K
 * grows with (1 + d)^K = e^(δh) it tends to their continuously discounted DET over h. Spend and
 * purchases are independent given the customer, as Gamma-Gamma assumes, so their expectations
 * multiply.
 *
 * <p>{@link #monthly} gives the common setting: 12 monthly periods at 1% a month. Immutable and
 * thread-safe.
 *
 * @param model the fitted transaction model
 * @param spend the fitted spend model
 * @param horizon h, in the transaction model's unit, finite and {@code > 0}
 * @param periods K, from 1 to {@value #MAX_PERIODS}
 * @param discountRate d, per period, finite and {@code >= 0}
 * @since 0.1
 */
public record LifetimeValue(TransactionModel model, GammaGamma spend, double horizon, int periods,
    double discountRate) {
  /** The most periods a horizon may be cut into. */
  public static final int MAX_PERIODS = 100_000;

  /**
   * Validates the components.
   *
   * @param model see the record description
   * @param spend see the record description
   * @param horizon see the record description
   * @param periods see the record description
   * @param discountRate see the record description
   * @throws IllegalArgumentException if a number is out of its range
   */
  public LifetimeValue {
    requireNonNull(model, "model");
    requireNonNull(spend, "spend");
    if (!(horizon > 0 && horizon <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("horizon must be finite and > 0 but was " + horizon);
    }
    if (periods < 1 || periods > MAX_PERIODS) {
      throw new IllegalArgumentException("periods must be in [1, " + MAX_PERIODS + "] but was " + periods);
    }
    if (!(discountRate >= 0 && discountRate <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("discount rate must be finite and >= 0 but was " + discountRate);
    }
  }

  /**
   * Returns the lifetime value over a year in 12 monthly periods at 1% a month, for models fitted
   * in {@code unit}: a month is 365.25 / 12 days.
   *
   * @param model the fitted transaction model
   * @param spend the fitted spend model
   * @param unit the unit both models' times are in
   * @return the lifetime value
   */
  public static LifetimeValue monthly(TransactionModel model, GammaGamma spend, PeriodUnit unit) {
    double year = requireNonNull(unit, "unit") == PeriodUnit.DAYS ? 365.25 : 365.25 / 7;
    return new LifetimeValue(model, spend, year, 12, 0.01);
  }

  /**
   * Returns the customer's discounted expected transactions over the horizon (see the class
   * description).
   *
   * @param pattern the customer's x, t<sub>x</sub> and T (its count is ignored)
   * @return DET, finite and {@code >= 0}, at most E[Y(h)]
   */
  public double discountedTransactions(RepeatPattern pattern) {
    requireNonNull(pattern, "pattern");
    double step = horizon / periods;
    double discount = 1 / (1 + discountRate);
    double factor = 1;
    double before = 0;
    double sum = 0;
    for (int k = 1; k <= periods; k++) {
      double t = k == periods ? horizon : k * step;
      double upTo = model.expectedTransactions(pattern, t);
      factor *= discount;
      // E[Y(t)] rises with t; a quadrature's last digit may not, so a period never counts negative.
      sum += Math.max(0, upTo - before) * factor;
      before = Math.max(before, upTo);
    }
    return sum;
  }

  /**
   * Returns the customer's lifetime value: their expected spend per purchase times their
   * discounted expected transactions.
   *
   * @param pattern the customer's x, t<sub>x</sub> and T (its count is ignored)
   * @param meanRepeatSpend the mean spend of their x repeat purchases, finite and {@code >= 0}
   *     (ignored when x = 0: Gamma-Gamma then expects the population's mean)
   * @return the value, finite and {@code >= 0}, in the currency of the spends
   * @throws IllegalArgumentException if the mean spend is negative or not finite
   * @throws ArithmeticException if the expected spend does not exist (see {@link
   *     GammaGamma#expectedSpend}) or the value overflows a double
   */
  public double value(RepeatPattern pattern, double meanRepeatSpend) {
    double perPurchase = spend.expectedSpend(requireNonNull(pattern, "pattern").x(), meanRepeatSpend);
    double value = perPurchase * discountedTransactions(pattern);
    if (!(value <= Double.MAX_VALUE)) {
      throw new ArithmeticException("lifetime value overflows a double: expected spend " + perPurchase
          + " times " + discountedTransactions(pattern) + " discounted transactions");
    }
    return value;
  }
}

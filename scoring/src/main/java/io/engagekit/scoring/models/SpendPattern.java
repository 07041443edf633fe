package io.engagekit.scoring.models;

/**
 * The repeat spend of some number of customers: the input of the {@link GammaGamma} spend model.
 *
 * @param x the number of repeat transactions the mean is over, {@code >= 1}
 * @param meanSpend the mean spend of those transactions, finite and {@code > 0}
 * @param customers how many customers share this pattern, {@code >= 1}
 * @since 0.1
 */
public record SpendPattern(long x, double meanSpend, long customers) {
  /**
   * Validates the components.
   *
   * @param x see the class description
   * @param meanSpend see the class description
   * @param customers see the class description
   * @throws IllegalArgumentException naming the component and the value, if one is out of range;
   *     a mean spend of 0 has its own message, since Gamma-Gamma gives it zero likelihood
   */
  public SpendPattern {
    if (x < 1) {
      throw new IllegalArgumentException("x (repeat transactions) must be >= 1 for a mean repeat spend but was " + x);
    }
    if (meanSpend == 0) {
      throw new IllegalArgumentException("a mean spend of 0 has zero likelihood under Gamma-Gamma (spends are "
          + "gamma-distributed, so > 0): leave zero-spend customers out of the fit and predict them with "
          + "GammaGamma.expectedSpend(x, 0)");
    }
    if (!(meanSpend > 0 && meanSpend <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("mean spend must be finite and > 0 but was " + meanSpend);
    }
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be >= 1 but was " + customers);
    }
  }

  /**
   * Returns the pattern of one customer.
   *
   * @param x repeat transactions
   * @param meanSpend their mean spend
   * @return the pattern, with a count of one
   */
  public static SpendPattern of(long x, double meanSpend) {
    return new SpendPattern(x, meanSpend, 1);
  }
}

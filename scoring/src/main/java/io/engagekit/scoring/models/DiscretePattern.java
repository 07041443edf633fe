package io.engagekit.scoring.models;

/**
 * One discrete-time repeat pattern shared by some number of customers: the input of the
 * {@link BgBb} model. Over n transaction opportunities after the first, a customer transacted at x
 * of them, the last at opportunity t<sub>x</sub>.
 *
 * @param frequency x, the number of repeat transactions, in {@code [0, recency]}
 * @param recency t<sub>x</sub>, the opportunity of the last transaction ({@code 0} when x = 0), in
 *     {@code [x, periods]}
 * @param periods n, the number of opportunities, {@code >= 0}
 * @param customers how many customers share this pattern (the data's {@code weights}), {@code >= 1}
 * @since 0.1
 */
public record DiscretePattern(long frequency, long recency, long periods, long customers) {
  /**
   * Validates the components.
   *
   * @param frequency see the class description
   * @param recency see the class description
   * @param periods see the class description
   * @param customers see the class description
   * @throws IllegalArgumentException naming the component and the value, if one is out of range
   */
  public DiscretePattern {
    if (periods < 0) {
      throw new IllegalArgumentException("periods must be >= 0 but was " + periods);
    }
    if (frequency < 0 || frequency > periods) {
      throw new IllegalArgumentException("frequency must be in [0, periods = " + periods + "] but was " + frequency);
    }
    if (frequency == 0 ? recency != 0 : recency < frequency || recency > periods) {
      throw new IllegalArgumentException("recency must be " + (frequency == 0 ? "0 when frequency is 0"
          : "in [frequency = " + frequency + ", periods = " + periods + "]") + " but was " + recency);
    }
    if (customers < 1) {
      throw new IllegalArgumentException("customers (weights) must be >= 1 but was " + customers);
    }
  }
}

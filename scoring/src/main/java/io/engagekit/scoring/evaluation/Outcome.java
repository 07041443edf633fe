package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * What a customer did in the holdout period, which a backtest compares scores with. Each outcome
 * is a number per customer; "had the outcome" (for the AUC and the gains curve) means a positive
 * number.
 *
 * @since 0.1
 */
public enum Outcome {
  /**
   * 1 if the customer did anything in the holdout (a touchpoint they initiated, such as a purchase
   * or visit, or a survey answer), else 0. Company-initiated touchpoints (a newsletter sent) do not
   * count; touchpoints without an initiator do. Predicted on its own scale by the measure {@code
   * p_purchase}.
   */
  RETAINED("retained", "p_purchase"),
  /**
   * The number of days with a purchase in the holdout: repeat transactions counted one per
   * customer-day, as in Fader, Hardie &amp; Lee (2005). Predicted on its own scale by the measure
   * {@code expected_transactions}.
   */
  REPEAT("repeat", "expected_transactions"),
  /** The total value of the customer's purchases in the holdout. */
  SPEND("spend", null),
  /** The number of referrals and reviews the customer made in the holdout. */
  ADVOCACY("advocacy", null);

  private final String code;
  private final String measure;

  Outcome(String code, String measure) {
    this.code = code;
    this.measure = measure;
  }

  /**
   * Returns the outcome's name in files and on the command line.
   *
   * @return such as {@code retained}
   */
  public String code() {
    return code;
  }

  /**
   * Returns the name of the score measure that predicts this outcome on its own scale, if there is
   * one: a probability for {@link #RETAINED}, a count for {@link #REPEAT}. A strategy whose scores
   * carry it for every customer is judged by it rather than by its score (see {@link Backtest}).
   *
   * @return the measure name, or empty
   */
  public Optional<String> measure() {
    return Optional.ofNullable(measure);
  }

  /**
   * Returns the outcome with the given code.
   *
   * @param code such as {@code repeat}
   * @return the outcome
   * @throws IllegalArgumentException if no outcome has that code; the message lists them
   */
  public static Outcome fromCode(String code) {
    requireNonNull(code, "code");
    for (Outcome o : values()) {
      if (o.code.equals(code.toLowerCase(Locale.ROOT))) {
        return o;
      }
    }
    throw new IllegalArgumentException("outcome must be one of retained, repeat, spend, advocacy but was '" + code
        + "'");
  }
}

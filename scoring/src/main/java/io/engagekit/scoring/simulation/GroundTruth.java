package io.engagekit.scoring.simulation;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.RelationshipType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the simulator planted for one customer, and what followed from it.
 *
 * @param customer the customer id
 * @param relationship the relationship type
 * @param loyalty the latent loyalty, standard normal: it raises the purchase rate, lowers the
 *     dropout probability and improves journeys
 * @param satisfaction the latent satisfaction, standard normal, correlated with loyalty as the
 *     settings say: it drives survey answers and touchpoint sentiment only
 * @param purchaseRate purchases per week while active
 * @param dropoutProbability the probability of becoming inactive after each repeat purchase
 * @param firstPurchase the instant of the first purchase
 * @param dropout when the customer became inactive (just after a purchase), or empty if still
 *     active at the end of the holdout
 * @param calibrationPurchases repeat purchases in the calibration period (after the first)
 * @param holdoutPurchases purchases in the holdout period
 * @param retained whether the customer did anything in the holdout (the backtest's {@code
 *     retained}: a touchpoint they initiated, or a survey answer)
 * @since 0.1
 */
public record GroundTruth(String customer, RelationshipType relationship, double loyalty, double satisfaction,
    double purchaseRate, double dropoutProbability, Instant firstPurchase, Optional<Instant> dropout,
    long calibrationPurchases, long holdoutPurchases, boolean retained) {
  /** The column names of the ground-truth CSV, in order. */
  public static final List<String> COLUMNS = List.of("customer", "relationship", "loyalty", "satisfaction",
      "purchase_rate", "dropout_probability", "first_purchase", "dropout", "calibration_purchases",
      "holdout_purchases", "retained");

  /**
   * Validates the components.
   *
   * @param customer see the class description
   * @param relationship see the class description
   * @param loyalty see the class description
   * @param satisfaction see the class description
   * @param purchaseRate see the class description
   * @param dropoutProbability see the class description
   * @param firstPurchase see the class description
   * @param dropout see the class description
   * @param calibrationPurchases see the class description
   * @param holdoutPurchases see the class description
   * @param retained see the class description
   * @throws NullPointerException if a component is null
   */
  public GroundTruth {
    requireNonNull(customer, "customer");
    requireNonNull(relationship, "relationship");
    requireNonNull(firstPurchase, "firstPurchase");
    requireNonNull(dropout, "dropout");
  }

  /**
   * Returns the row of the ground-truth CSV ({@link #COLUMNS}).
   *
   * @return the fields as text
   */
  public List<String> row() {
    return List.of(customer, relationship.code(), Double.toString(loyalty), Double.toString(satisfaction),
        Double.toString(purchaseRate), Double.toString(dropoutProbability), firstPurchase.toString(),
        dropout.map(Instant::toString).orElse(""), Long.toString(calibrationPurchases),
        Long.toString(holdoutPurchases), Boolean.toString(retained));
  }
}

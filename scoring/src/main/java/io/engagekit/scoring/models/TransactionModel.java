package io.engagekit.scoring.models;

import java.util.Collection;
import java.util.Map;

/**
 * A fitted continuous-time transaction model of the "buy till you die" family (BG/NBD, MBG/NBD,
 * Pareto/NBD): for a customer with x repeat purchases, the last at t<sub>x</sub>, observed for T
 * (all in the unit the model was fitted in), whether they are still alive and how much they will
 * buy next.
 *
 * <p>Every method returns a finite number for every valid input and throws
 * {@link IllegalArgumentException} for an invalid one; implementations are immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public interface TransactionModel {
  /**
   * Returns the fitted parameters by name, in the model's order.
   *
   * @return an unmodifiable map
   */
  Map<String, Double> parameters();

  /**
   * Returns the total log-likelihood of the patterns under this model.
   *
   * @param patterns customers' patterns
   * @return the sum over customers of ln L, finite
   */
  double logLikelihood(Collection<RepeatPattern> patterns);

  /**
   * Returns the probability that the customer is still alive at the end of their observation.
   *
   * @param pattern the customer's pattern (its count is ignored)
   * @return P(alive | x, t<sub>x</sub>, T), in [0, 1]
   */
  double probabilityAlive(RepeatPattern pattern);

  /**
   * Returns the expected number of purchases in the next {@code t} after the observation,
   * E[Y(t) | x, t<sub>x</sub>, T].
   *
   * @param pattern the customer's pattern (its count is ignored)
   * @param t the horizon, finite and {@code >= 0}
   * @return the expected purchases, finite and {@code >= 0}
   */
  double expectedTransactions(RepeatPattern pattern, double t);

  /**
   * Returns the probability that the customer buys at least once in the next {@code t} after the
   * observation, P(Y(t) &gt; 0 | x, t<sub>x</sub>, T): the probability that they are alive times
   * the probability that an alive customer's next purchase comes within {@code t}. This is the
   * probability to compare with "did the customer buy again in the holdout?"; P(alive) alone is
   * larger, since an alive customer may not buy within {@code t}.
   *
   * @param pattern the customer's pattern (its count is ignored)
   * @param t the horizon, finite and {@code >= 0}
   * @return the probability, in [0, 1]
   * @throws IllegalArgumentException if {@code t} is negative or not finite
   * @throws NullPointerException if the pattern is null
   * @since 0.1
   */
  double probabilityOfRepeat(RepeatPattern pattern, double t);

  /**
   * Writes, for each pattern, P(alive) and E[Y(t)]: the same numbers as {@link
   * #probabilityAlive(RepeatPattern)} and {@link #expectedTransactions(RepeatPattern, double)}, for
   * many customers at once. Implementations may share work between customers (the BG/NBD's
   * expectation depends on x and T only, so it is computed once per distinct pair) and allocate
   * nothing per customer. The default calls the two methods for each pattern.
   *
   * @param patterns the customers' patterns (their counts are ignored)
   * @param t the horizon, finite and {@code >= 0}
   * @param alive receives P(alive) at the index of each pattern; at least as long as {@code patterns}
   * @param expected receives E[Y(t)] at the index of each pattern; at least as long as {@code
   *     patterns}
   * @throws IllegalArgumentException if {@code t} is invalid or an output array is too short
   * @throws NullPointerException if an argument or a pattern is null
   * @since 0.1
   */
  default void predict(RepeatPattern[] patterns, double t, double[] alive, double[] expected) {
    Parameters.predictions(patterns, t, alive, expected);
    for (int i = 0; i < patterns.length; i++) {
      alive[i] = probabilityAlive(patterns[i]);
      expected[i] = expectedTransactions(patterns[i], t);
    }
  }

  /**
   * Returns the expected number of repeat purchases of a new customer in their first {@code t},
   * E[X(t)].
   *
   * @param t the horizon, finite and {@code >= 0}
   * @return the expected purchases, finite and {@code >= 0}
   */
  double expectedTransactions(double t);
}

package io.engagekit.flink;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.scoring.Score;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One customer's scores under every strategy of the job, as of an instant: what the scoring
 * operator emits.
 *
 * @param customer the customer id
 * @param asOf the instant the scores are as of
 * @param cause what made the operator emit them
 * @param events how many of the customer's events the states held when scored (late ones included)
 * @param scores each strategy's score, by strategy name, in the order the factory gave them
 * @since 0.1
 */
public record CustomerScores(String customer, Instant asOf, Cause cause, long events, Map<String, Score> scores) {
  /**
   * Validates the record and copies the scores, keeping their order.
   *
   * @param customer see the class description
   * @param asOf see the class description
   * @param cause see the class description
   * @param events see the class description
   * @param scores see the class description
   */
  public CustomerScores {
    Customer.checkId(requireNonNull(customer, "customer"));
    requireNonNull(asOf, "asOf");
    requireNonNull(cause, "cause");
    if (events < 0) {
      throw new IllegalArgumentException("events must be >= 0 but was " + events);
    }
    scores = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(scores, "scores")));
  }

  /**
   * Returns the score under one strategy.
   *
   * @param strategy a strategy name of the job
   * @return the score
   * @throws IllegalArgumentException if the job keeps no such strategy
   */
  public Score score(String strategy) {
    Score s = scores.get(strategy);
    if (s == null) {
      throw new IllegalArgumentException("no strategy named '" + strategy + "'; the job keeps " + scores.keySet());
    }
    return s;
  }

  /** What made the operator emit scores. */
  public enum Cause {
    /** Every N events applied to the customer's state: as of the N-th event's instant. */
    EVENTS,
    /** A periodic event-time timer: as of a multiple of the interval since the epoch. */
    TIMER,
    /** One of the fixed scoring instants the job was given. */
    AS_OF,
    /** A {@link ScoreRequest}. */
    REQUEST
  }
}

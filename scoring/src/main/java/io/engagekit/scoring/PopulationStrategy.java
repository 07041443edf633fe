package io.engagekit.scoring;

import io.engagekit.core.Customer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A strategy whose scores are relative to a population: quintiles ({@code loyalty.rfm}), a
 * population median ({@code loyalty.decayed}'s monetary part) or, later, a fitted model. It sees
 * every customer's state once, in {@link #baseline}, and then scores each customer against that
 * {@link Baseline}.
 *
 * <p>{@link EngagementEngine} keeps the strategy's {@linkplain #newSummary live summary} up to date
 * as events arrive and scores against it; a strategy without one takes its baseline from all of the
 * engine's customers, again whenever events have been recorded since. Scored on its own through {@link #score(ScoreState, Instant)}, a state is
 * its own population of one; the result is defined and valid, but rarely what is wanted.
 *
 * @param <S> the type of the per-customer state
 * @since 0.1
 */
public interface PopulationStrategy<S extends ScoreState<S>> extends ScoringStrategy<S> {
  /**
   * Summarises a population as of an instant. Pure: the same states (in any order) and instant give
   * an equal baseline. The states are only read.
   *
   * @param states every customer's state, each once
   * @param asOf the instant to score at
   * @return the baseline
   */
  Baseline<S> baseline(Iterable<? extends S> states, Instant asOf);

  /**
   * Returns whether scores depend on the population at all. A strategy that returns false (such
   * as {@code loyalty.bgnbd} given a model fitted beforehand) scores every state alike whatever
   * population its baseline is taken on, so hosts that keep customers apart (a keyed stream processor)
   * may score each customer on their own. The default is true.
   *
   * @return false if the scores are a function of each customer's own state
   */
  default boolean dependsOnPopulation() {
    return true;
  }

  /**
   * Returns a new, empty live summary of a population of this strategy's states, which a host keeps
   * up to date as states change so that scores need no pass over the population; or null when the
   * strategy has none, and hosts take the baseline by a pass ({@link #baseline}). The default is null.
   *
   * @return an empty summary, or null
   * @since 0.2
   */
  default @Nullable PopulationSummary<S> newSummary() {
    return null;
  }

  /**
   * Returns the score of a state against a population of that state alone.
   *
   * @param state a state of this strategy
   * @param asOf the instant to score at
   * @return the score
   */
  @Override
  default Score score(S state, Instant asOf) {
    return baseline(List.of(state), asOf).score(state);
  }

  /**
   * Returns the score of a state against a population of that state alone, for a known customer.
   *
   * @param state a state of this strategy
   * @param asOf the instant to score at
   * @param customer the customer the state belongs to
   * @return the score
   */
  @Override
  default Score score(S state, Instant asOf, Customer customer) {
    return baseline(List.of(state), asOf).score(state, customer);
  }

  /**
   * A population summary, such as quintile cut points, and the scores against it. Immutable and
   * thread-safe.
   *
   * @param <S> the type of the per-customer state
   */
  interface Baseline<S> {
    /**
     * Returns the instant the baseline scores at.
     *
     * @return the instant given to {@code baseline}
     */
    Instant asOf();

    /**
     * Returns how many customers the population holds.
     *
     * @return the population size
     */
    long customers();

    /**
     * Returns the score of one state against this population, knowing nothing about the customer.
     *
     * @param state a state of the strategy (usually one of the population)
     * @return the score
     */
    Score score(S state);

    /**
     * Returns the score of one state against this population, for a known customer. The default
     * ignores the customer.
     *
     * @param state a state of the strategy
     * @param customer the customer the state belongs to
     * @return the score
     */
    default Score score(S state, Customer customer) {
      return score(state);
    }

    /**
     * Returns the {@linkplain Score#value() value} of the customer's score, for ranking:
     * implementations may compute it without building contributions, labels or a {@link Customer},
     * and may assume that the state is one of the population the baseline was made on (as it is
     * in {@link EngineView#top}). The default builds the score.
     *
     * @param state a state of the population
     * @param id the customer's id
     * @param registered what was registered about the customer, or null if nothing was (a bare
     *     {@link Customer#of customer})
     * @return the score's value
     * @since 0.2
     */
    default double value(S state, String id, @Nullable Customer registered) {
      return score(state, registered != null ? registered : Customer.of(id)).value();
    }

    /**
     * Returns the population's figures for reports, by name, in a stable order: for example the
     * quintile cut points and the number of customers in each segment. Finite numbers only.
     *
     * @return the figures
     */
    Map<String, Double> figures();

    /**
     * Returns why this baseline cannot score anyone, such as a model that the population does not
     * identify; every score against it is then {@linkplain Score#noEvidence no evidence} with this
     * reason. Empty for a baseline that scores.
     *
     * @return the reason, or empty
     * @since 0.2
     */
    default Optional<String> failure() {
      return Optional.empty();
    }
  }
}

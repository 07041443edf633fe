package io.engagekit.scoring;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A live summary of a population of one {@link PopulationStrategy}'s states, kept up to date as
 * customers' states change, so that a host scores a customer against the whole population without
 * a pass over it: what {@link EngagementEngine} keeps for {@code loyalty.rfm} and {@code
 * loyalty.decayed}.
 *
 * <p>The host {@linkplain #add adds} every customer's state once (an empty state too, so that the
 * population counts them), and around every change of a state, {@linkplain #remove removes} it
 * before and adds it again after. A summary is a function of the states it holds, not of the order
 * of the calls, so summaries of shards {@linkplain #combine combine} exactly.
 *
 * <p>Not thread-safe: the host serialises access. A state must not change while it is in the
 * summary except between a {@code remove} and an {@code add}.
 *
 * @param <S> the type of the per-customer state
 * @since 0.2
 */
public interface PopulationSummary<S extends ScoreState<S>> {
  /**
   * Returns whether accepting this event can change what a state contributes to the summary. A
   * host may skip the {@code remove}/{@code add} pair around events for which it returns false.
   *
   * @param event an event about to be accepted by a state of this summary's strategy
   * @return false only if no state's contribution changes by accepting it
   */
  boolean changes(EngagementEvent event);

  /**
   * Adds one customer's state to the population.
   *
   * @param state the state, as it is now
   */
  void add(S state);

  /**
   * Removes one customer's state from the population, as it was when it was added.
   *
   * @param state the state, unchanged since it was added
   * @throws IllegalStateException if the summary does not hold that state's contribution
   */
  void remove(S state);

  /**
   * Adds every state of another summary of the same strategy; {@code other} is unchanged.
   *
   * @param other a summary of the same strategy
   */
  void combine(PopulationSummary<S> other);

  /**
   * Returns whether {@link #score} and {@link #baseline} answer from the states added alone. A
   * summary that scores against a fitted model answers only after its host has refitted it (see
   * {@link RefitPolicy}) and returns false; hosts that cannot trigger refits (a Flink job) refuse such
   * summaries. The default is true.
   *
   * @return false if answers wait for a fit the host must trigger
   * @since 0.2
   */
  default boolean answersFromStates() {
    return true;
  }

  /**
   * Returns how many states the summary holds.
   *
   * @return the population size
   */
  long customers();

  /**
   * Returns the score of one state against the population as it is now, or null when the summary
   * cannot answer as of that instant (the host then takes the baseline by a pass over every state, {@link
   * PopulationStrategy#baseline}). The result equals that of a baseline on the same states.
   *
   * @param state a state of the strategy
   * @param customer the customer the state belongs to
   * @param asOf the instant to score at
   * @return the score, or null
   */
  @Nullable Score score(S state, Customer customer, Instant asOf);

  /**
   * Returns an immutable baseline on the population as it is now, costing time proportional to
   * the summary's index, not to the population; or null when the summary cannot answer as of that
   * instant. Later changes to this summary do not show in it.
   *
   * @param asOf the instant to score at
   * @return the baseline, or null
   */
  PopulationStrategy.@Nullable Baseline<S> baseline(Instant asOf);
}

package io.engagekit.scoring;

import io.engagekit.core.Customer;
import java.io.DataInput;
import java.io.IOException;
import java.time.Instant;

/**
 * Scores one customer from a running summary of their events. Built-ins come from {@link
 * ScoringStrategies}; third parties register their own with a {@code
 * META-INF/services/io.engagekit.scoring.ScoringStrategy} line naming a public class with a public
 * no-argument constructor, and {@link ScoringStrategies#named(String)} finds them by {@link
 * #name()}.
 *
 * <p>Implementations are immutable and thread-safe; their states are not (see {@link ScoreState}).
 * Every strategy passes the shared contract test suite ({@code
 * io.engagekit.testkit.ScoringStrategyContract} in the {@code engagekit-testkit} artifact): scores
 * in [0, 100], deterministic, merge laws, contributions that add up, no NaN, and {@code asOf}
 * before the first event handled. Extend it in a test of your own strategy.
 *
 * @param <S> the type of the per-customer state
 * @since 0.1
 */
public interface ScoringStrategy<S extends ScoreState<S>> {
  /**
   * Returns the registry key, such as {@code satisfaction.nps}: lower-case words separated by dots.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the family the strategy belongs to, such as {@code satisfaction}, {@code loyalty} or
   * {@code composite}.
   *
   * @return the family
   */
  String family();

  /**
   * Returns a one-line description of what the strategy computes.
   *
   * @return the description
   */
  String description();

  /**
   * Returns an empty summary for one customer.
   *
   * @return a new state
   */
  S newState();

  /**
   * Returns the score of a state as of an instant. Pure: the same state and instant give the same
   * score. A state cannot forget, so an instant before its latest event reads it as of that event.
   *
   * @param state a state of this strategy
   * @param asOf the instant to score at
   * @return the score with its contributions
   */
  Score score(S state, Instant asOf);

  /**
   * Returns the score of a state as of an instant, for a customer whose relationship type, segment
   * or attributes may matter: relationship-aware strategies such as {@code loyalty.decayed} judge
   * recency and breadth against the type's expectations ({@code loyalty.Expectations}). The default ignores the customer.
   *
   * @param state a state of this strategy
   * @param asOf the instant to score at
   * @param customer the customer the state belongs to, with what is known about them
   * @return the score with its contributions
   */
  default Score score(S state, Instant asOf, Customer customer) {
    return score(state, asOf);
  }

  /**
   * Returns whether the order in which events are accepted never changes the score. Built-ins all
   * promise this; the contract suite checks it when promised.
   *
   * @return whether {@code accept} is order-independent
   */
  default boolean orderIndependent() {
    return true;
  }

  /**
   * Returns the version of the state layout that {@link ScoreState#writeTo} writes; a snapshot
   * written with another version is refused. Change it whenever the layout changes.
   *
   * @return the state version
   */
  default int stateVersion() {
    return 1;
  }

  /**
   * Reads a state written by {@link ScoreState#writeTo}, validating what it reads.
   *
   * @param in where to read
   * @return the state
   * @throws IOException if reading fails or the data are not a valid state
   * @throws UnsupportedOperationException if the strategy does not support snapshots (the default)
   */
  default S readState(DataInput in) throws IOException {
    throw new UnsupportedOperationException("strategy " + name() + " does not support snapshots");
  }

  /**
   * Reads a state written with a given {@linkplain #stateVersion() state version}: the current one
   * or, for a strategy whose layout has changed, an earlier one it still reads. Hosts that keep
   * states across upgrades (engine snapshots, stream processors) call this with the version stored
   * beside the bytes. The default reads the current version with {@link #readState(DataInput)} and
   * refuses any other; a strategy that changes its layout overrides it to read its earlier layouts.
   *
   * @param in where to read
   * @param version the state version the bytes were written with
   * @return the state
   * @throws IOException if reading fails, the version is not one this strategy reads, or the data
   *     are not a valid state
   * @throws UnsupportedOperationException if the strategy does not support snapshots
   */
  default S readState(DataInput in, int version) throws IOException {
    if (version != stateVersion()) {
      throw new IOException("strategy " + name() + " state version " + version
          + " is not supported; this strategy reads " + stateVersion());
    }
    return readState(in);
  }
}

package io.engagekit.scoring;

import io.engagekit.core.EngagementEvent;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A per-customer summary of events for one strategy: updated in place, one event at a time, and
 * merged across shards. Small and fixed-size: a state keeps counts, sums, extremes and decayed
 * sums, not event lists (a strategy that must keep events says why in its documentation).
 *
 * <p>Not thread-safe: a state belongs to one thread at a time; the engine synchronises access.
 *
 * @param <S> the state's own type
 * @since 0.1
 */
public interface ScoreState<S extends ScoreState<S>> {
  /**
   * Takes one event into the summary. Events the strategy does not use (another customer's are
   * never given) are ignored. Must not allocate on the hot path; a state that must keep events or
   * days (its documentation says why) allocates only to grow, amortized as an {@code ArrayList}
   * grows. Every built-in strategy keeps this ({@code AcceptAllocationTest} in the benchmarks).
   *
   * @param event a touchpoint or survey response of this state's customer
   */
  void accept(EngagementEvent event);

  /**
   * Adds another state's events to this one: afterwards this state equals the state of both event
   * sets, whatever the split and the order of merging. {@code other} is unchanged.
   *
   * @param other a state of the same strategy
   */
  void combine(S other);

  /**
   * Writes this state for an engine snapshot; {@link ScoringStrategy#readState} reads it back.
   * Strategies that do not support snapshots keep this default, and an engine holding them refuses
   * to snapshot.
   *
   * @param out where to write
   * @throws IOException if writing fails
   * @throws UnsupportedOperationException if the strategy does not support snapshots
   */
  default void writeTo(DataOutput out) throws IOException {
    throw new UnsupportedOperationException(getClass().getName() + " does not support snapshots");
  }
}

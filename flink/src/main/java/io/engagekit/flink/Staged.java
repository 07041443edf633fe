package io.engagekit.flink;

import io.engagekit.core.EngagementEvent;
import org.jspecify.annotations.Nullable;

/**
 * What the keyed scoring operator passes to the population-scoring operator when the job has
 * population strategies: either a customer's scores with the population strategies' scores still to
 * be made (their states travel along, encoded), or a late event for the side output.
 *
 * @param scores the scores under the strategies scored one customer at a time, or null for a late
 *     event
 * @param states the population strategies' states (an encoded {@link
 *     io.engagekit.scoring.StateRecord}), or null for a late event
 * @param late the late event, or null for scores
 */
record Staged(@Nullable CustomerScores scores, byte @Nullable [] states, @Nullable EngagementEvent late) {
  static Staged scores(CustomerScores scores, byte[] states) {
    return new Staged(scores, states, null);
  }

  static Staged late(EngagementEvent event) {
    return new Staged(null, null, event);
  }

  /** The customer the record is about: the key of both operators. */
  String customer() {
    if (late != null) {
      return late.customer();
    }
    if (scores == null) {
      throw new IllegalStateException("a staged record holds either scores or a late event");
    }
    return scores.customer();
  }
}

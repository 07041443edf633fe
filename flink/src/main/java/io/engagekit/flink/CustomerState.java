package io.engagekit.flink;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.io.EventCodec;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.StateRecord;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One customer's keyed state in the scoring operator: a state per strategy, the events and requests
 * waiting for the watermark, the trigger counters, and when the population strategies' states are
 * next due at the population summaries. Restored state may arrive raw (each
 * strategy's bytes with the version they were written in) from a serializer that has no strategies;
 * {@link #states(List)} reads it with the job's strategies on first use.
 *
 * <p>Not thread-safe: it belongs to the operator's task.
 */
final class CustomerState {
  /** Events in the order they are applied: by instant, ties by their encoded bytes (any arrival order). */
  static final Comparator<EngagementEvent> ORDER = Comparator.comparing(EngagementEvent::at)
      .thenComparing(CustomerState::encoded, Arrays::compare);

  private ScoreState<?> @Nullable [] states;
  private @Nullable StateRecord raw;
  long events;
  long sinceEmission;
  long nextTimer = Long.MIN_VALUE;
  /** The summary instant (ms) at which the population strategies' states are next sent; MIN_VALUE if none due. */
  long updateAt = Long.MIN_VALUE;
  final ArrayList<EngagementEvent> pending = new ArrayList<>();
  final ArrayList<Instant> requests = new ArrayList<>();

  /** A new customer's empty states. */
  CustomerState(List<ScoringStrategy<?>> strategies) {
    ScoreState<?>[] fresh = new ScoreState<?>[strategies.size()];
    for (int i = 0; i < fresh.length; i++) {
      ScoringStrategy<?> s = strategies.get(i);
      fresh[i] = requireNonNull(s.newState(), () -> "strategy " + s.name() + " returned a null state");
    }
    states = fresh;
  }

  /** Restored states, still in bytes: the per-customer record engine snapshots keep too. */
  CustomerState(StateRecord record) {
    this.raw = record;
  }

  /** Restored states, read. */
  CustomerState(ScoreState<?>[] states) {
    this.states = states;
  }

  /** Returns the states, reading raw ones with the job's strategies first. */
  ScoreState<?>[] states(List<ScoringStrategy<?>> strategies) {
    if (states == null) {
      try {
        states = requireNonNull(raw).states(strategies);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      raw = null;
    }
    return states;
  }

  boolean isRaw() {
    return states == null;
  }

  /** Returns the states of a state that is not {@link #isRaw() raw}. */
  ScoreState<?>[] readStates() {
    if (states == null) {
      throw new IllegalStateException("the states are still bytes; read them with the job's strategies first");
    }
    return states;
  }

  /** The record of a state that is still {@link #isRaw() raw}. */
  @Nullable StateRecord raw() {
    return raw;
  }

  /** Adds an event to the events waiting for the watermark, in {@link #ORDER}. */
  void hold(EngagementEvent event) {
    int i = pending.size();
    while (i > 0 && ORDER.compare(pending.get(i - 1), event) > 0) {
      i--;
    }
    pending.add(i, event);
  }

  /** Adds a request instant, keeping them sorted. */
  void request(Instant asOf) {
    int i = requests.size();
    while (i > 0 && requests.get(i - 1).isAfter(asOf)) {
      i--;
    }
    requests.add(i, asOf);
  }

  private static byte[] encoded(EngagementEvent e) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      EventCodec.write(e, new DataOutputStream(bytes));
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }
}

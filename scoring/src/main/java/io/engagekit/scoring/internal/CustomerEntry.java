package io.engagekit.scoring.internal;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One customer's states in an {@code EngagementEngine}, one per strategy, and what is known of
 * them, guarded by the entry's monitor; with the older versions that open views still read.
 *
 * <p>Every write is stamped with the engine's {@linkplain Epochs epoch}. The first write of a new
 * epoch while a view is open copies the states first (once per customer per view), so a view of
 * epoch v reads the newest version stamped at or before v.
 */
public final class CustomerEntry {
  public final String id;
  public final ScoreState<?>[] states;
  public @Nullable Customer customer;
  /** Set when {@code EngagementEngine.mergeCustomer} folded this entry into another: writers look the id up again. */
  public boolean retired;
  /** The epoch of the latest write (or of the creation). */
  long stamp;
  /** Older versions, newest first, kept while a view may read them. */
  @Nullable Version older;

  /** A frozen copy of an entry as of a stamp. */
  record Version(long stamp, ScoreState<?>[] states, @Nullable Customer customer, @Nullable Version older) {}

  CustomerEntry(String id, ScoreState<?>[] states, long stamp) {
    this.id = id;
    this.states = states;
    this.stamp = stamp;
  }

  public CustomerEntry(String id, List<ScoringStrategy<?>> strategies, long stamp) {
    this(id, newStates(strategies), stamp);
  }

  public static ScoreState<?>[] newStates(List<ScoringStrategy<?>> strategies) {
    ScoreState<?>[] states = new ScoreState<?>[strategies.size()];
    for (int i = 0; i < states.length; i++) {
      states[i] = requireNonNull(strategies.get(i).newState(),
          "strategy " + strategies.get(i).name() + " returned a null state");
    }
    return states;
  }

  /**
   * Prepares a write stamped {@code w} (the lock held): keeps a copy of the current version if an
   * open view may read it, and drops versions no open view reads.
   *
   * @param oldestView the epoch of the oldest open view, or {@code Long.MAX_VALUE} when none is
   */
  public void beforeWrite(long w, long oldestView, List<ScoringStrategy<?>> strategies) {
    if (stamp >= w) {
      return;
    }
    if (oldestView != Long.MAX_VALUE) { // a view may read the current version: keep it
      older = new Version(stamp, copy(strategies), customer, prune(older, oldestView));
    } else {
      older = prune(older, oldestView);
    }
    stamp = w;
  }

  /** The versions a view of epoch {@code >= oldestView} may still read: those down to the first at or before it. */
  private static @Nullable Version prune(@Nullable Version v, long oldestView) {
    if (v == null || oldestView == Long.MAX_VALUE) {
      return null;
    }
    if (v.stamp() <= oldestView) {
      return v.older() == null ? v : new Version(v.stamp(), v.states(), v.customer(), null);
    }
    Version rest = prune(v.older(), oldestView);
    return rest == v.older() ? v : new Version(v.stamp(), v.states(), v.customer(), rest);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private ScoreState<?>[] copy(List<ScoringStrategy<?>> strategies) {
    ScoreState<?>[] copy = newStates(strategies);
    for (int i = 0; i < copy.length; i++) {
      ((ScoreState) copy[i]).combine(states[i]);
    }
    return copy;
  }

  /** The states as of epoch v (the lock held), or null if the customer did not exist then. */
  public ScoreState<?> @Nullable [] statesAt(long v) {
    if (stamp <= v) {
      return states;
    }
    Version o = olderAt(v);
    return o == null ? null : o.states();
  }

  /** What was registered as of epoch v (the lock held); meaningful only where {@link #statesAt} is not null. */
  public @Nullable Customer customerAt(long v) {
    if (stamp <= v) {
      return customer;
    }
    Version o = olderAt(v);
    return o == null ? null : o.customer();
  }

  /** The newest older version stamped at or before v, or null. */
  private @Nullable Version olderAt(long v) {
    for (Version o = older; o != null; o = o.older()) {
      if (o.stamp() <= v) {
        return o;
      }
    }
    return null;
  }

  /**
   * Returns what is known of the customer, or a customer known by id only (the entry's lock held).
   *
   * @return the customer
   */
  public Customer customerOrId() {
    return customer != null ? customer : Customer.of(id);
  }

  /**
   * Scores the entry (its lock held) under strategy i, against its baseline if it has one.
   *
   * @param strategy strategy i
   * @param baseline its baseline, or null when it is not a population strategy
   * @param i the strategy's index
   * @param asOf the instant to score at
   * @return the score
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Score score(ScoringStrategy strategy, PopulationStrategy.@Nullable Baseline baseline, int i, Instant asOf) {
    Customer known = customerOrId();
    Score score = baseline != null ? baseline.score(states[i], known) : strategy.score(states[i], asOf, known);
    return requireNonNull(score, () -> "strategy " + strategy.name() + " returned a null score");
  }
}

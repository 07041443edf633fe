package io.engagekit.scoring.internal;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.PopulationSummary;
import io.engagekit.scoring.RefitPolicy;
import io.engagekit.scoring.RefittableSummary;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The population side of an engine: the live summary of each population strategy that has one,
 * kept current as states change, the latest baseline of each population strategy, and the refits
 * of the model-based ones. Each summary is guarded by its own monitor, taken while holding a
 * customer's entry lock (never the other way round). Thread-safe.
 */
public final class LiveSummaries {
  private final List<ScoringStrategy<?>> strategies;
  private final LongSupplier events;
  private final AtomicLong changes;
  private final Supplier<EntryList.Snapshot> entries;
  private final ModelRefits refits;
  private final long refitEvery;
  private final boolean any;
  /** False for a batch engine: no summary is kept, every baseline is a pass over the states. */
  private final boolean keep;
  /** The latest baseline of each population strategy (null for the others). */
  private final AtomicReferenceArray<@Nullable CachedBaseline> baselines;
  /** The live summaries (null for strategies without one); replaced by a restore. */
  private volatile @Nullable PopulationSummary<?>[] summaries;

  /**
   * Creates the summaries of the given strategies.
   *
   * @param strategies the engine's strategies
   * @param policy when the model-based strategies refit
   * @param events the engine's count of recorded events, which with {@code changes} dates a baseline
   * @param changes the engine's count of registrations, merges and restores
   * @param entries the engine's current entries, for baselines by a pass
   * @param keep whether to keep live summaries; without, every baseline is a pass over the states
   *     (a batch engine)
   */
  public LiveSummaries(List<ScoringStrategy<?>> strategies, RefitPolicy policy, LongSupplier events,
      AtomicLong changes, Supplier<EntryList.Snapshot> entries, boolean keep) {
    this.keep = keep;
    this.strategies = strategies;
    this.events = events;
    this.changes = changes;
    this.entries = entries;
    this.summaries = fresh();
    boolean some = false;
    for (PopulationSummary<?> s : summaries) {
      some |= s != null;
    }
    this.any = some;
    this.baselines = new AtomicReferenceArray<>(strategies.size());
    this.refitEvery = policy.everyEvents();
    this.refits = new ModelRefits(policy, strategies, () -> summaries, changes::incrementAndGet);
  }

  /**
   * Returns new, empty summaries as this engine keeps them: one per strategy that has one, or none
   * at all in a batch engine.
   *
   * @return one summary or null per strategy
   */
  public @Nullable PopulationSummary<?>[] fresh() {
    @Nullable PopulationSummary<?>[] made = new PopulationSummary<?>[strategies.size()];
    for (int i = 0; keep && i < made.length; i++) {
      if (strategies.get(i) instanceof PopulationStrategy) {
        made[i] = ((PopulationStrategy<?>) strategies.get(i)).newSummary();
      }
    }
    return made;
  }

  /**
   * Adds one customer's states to fresh summaries (before they are published).
   *
   * @param fresh summaries from {@link #fresh}
   * @param states the customer's states
   */
  public static void addAll(@Nullable PopulationSummary<?>[] fresh, ScoreState<?>[] states) {
    for (int i = 0; i < fresh.length; i++) {
      if (fresh[i] != null) {
        add(fresh[i], states[i]);
      }
    }
  }

  /**
   * Returns whether any strategy keeps a live summary.
   *
   * @return true if one does
   */
  public boolean any() {
    return any;
  }

  /**
   * Publishes summaries rebuilt by a restore.
   *
   * @param rebuilt the summaries, holding every restored state
   */
  public void replace(@Nullable PopulationSummary<?>[] rebuilt) {
    summaries = rebuilt;
  }

  /**
   * Takes an event into a customer's states (the customer's lock held), keeping the summaries current.
   *
   * @param states the customer's states
   * @param event the event
   */
  public void accept(ScoreState<?>[] states, EngagementEvent event) {
    @Nullable PopulationSummary<?>[] live = summaries;
    for (int i = 0; i < states.length; i++) {
      PopulationSummary<?> summary = live[i];
      if (summary != null && summary.changes(event)) {
        update(summary, states[i], event, null);
      } else {
        states[i].accept(event);
      }
    }
  }

  /**
   * Counts an event towards the refits the policy triggers by event counts.
   */
  public void recorded() {
    if (refitEvery > 0) {
      refits.countEvent();
    }
  }

  /**
   * Counts events towards the refits the policy triggers by event counts, as {@link #recorded()} of each.
   *
   * @param n how many events
   */
  public void recorded(int n) {
    for (int k = 0; refitEvery > 0 && k < n; k++) {
      refits.countEvent();
    }
  }

  /**
   * Adds a customer's states to every live summary, or removes them.
   *
   * @param states the customer's states
   * @param in true to add, false to remove
   */
  public void count(ScoreState<?>[] states, boolean in) {
    @Nullable PopulationSummary<?>[] live = summaries;
    for (int i = 0; i < live.length; i++) {
      PopulationSummary<?> summary = live[i];
      if (summary != null) {
        synchronized (summary) {
          if (in) {
            add(summary, states[i]);
          } else {
            remove(summary, states[i]);
          }
        }
      }
    }
  }

  /**
   * Combines states into a customer's (the customer's lock held), keeping the summaries current.
   *
   * @param into the customer's states
   * @param from the states to add
   */
  public void combineInto(ScoreState<?>[] into, ScoreState<?>[] from) {
    @Nullable PopulationSummary<?>[] live = summaries;
    for (int i = 0; i < into.length; i++) {
      PopulationSummary<?> summary = live[i];
      if (summary != null) {
        update(summary, into[i], null, from[i]);
      } else {
        combine(into[i], from[i]);
      }
    }
  }

  /**
   * Refits every model-based strategy that fits one.
   *
   * @param asOf the instant to fit as of
   */
  public void refitAll(Instant asOf) {
    refits.refitAll(asOf);
  }

  /**
   * Returns whether strategy i keeps a live summary.
   *
   * @param i the strategy's index
   * @return true if it does
   */
  public boolean live(int i) {
    return summaries[i] != null;
  }

  /**
   * Scores a state from strategy i's live summary (the customer's lock held), fitting a model
   * strategy first if the policy allows.
   *
   * @param i the strategy's index, one with a live summary
   * @param state the customer's state
   * @param customer the customer
   * @param asOf the instant to score at
   * @return the score, or null when the summary cannot answer as of that instant
   */
  public @Nullable Score liveScore(int i, ScoreState<?> state, Customer customer, Instant asOf) {
    PopulationSummary<?> summary = requireNonNull(summaries[i]);
    synchronized (summary) {
      return liveScore(summary, state, customer, asOf);
    }
  }

  /**
   * Fits strategy i's model on its first read, if it has a live summary and the policy allows.
   *
   * @param i the strategy's index
   * @param asOf the instant of the read
   */
  public void ensureFitted(int i, Instant asOf) {
    PopulationSummary<?> summary = summaries[i];
    if (summary != null) {
      refits.ensureFitted(i, summary, asOf);
    }
  }

  /**
   * Returns the current baseline of strategy i as of an instant, cached until anything changes.
   *
   * @param i the strategy's index
   * @param asOf the instant
   * @return the baseline, or null when strategy i is not a population strategy
   */
  public PopulationStrategy.@Nullable Baseline<?> baselineOf(int i, Instant asOf) {
    if (!(strategies.get(i) instanceof PopulationStrategy)) {
      return null;
    }
    // Read the stamps before the states: a change during the baseline makes the next call take a new one.
    long recorded = events.getAsLong();
    long changed = changes.get();
    CachedBaseline cached = baselines.get(i);
    if (cached != null && cached.asOf.equals(asOf) && cached.events == recorded && cached.changes == changed) {
      return cached.baseline;
    }
    PopulationStrategy.Baseline<?> c = null;
    PopulationSummary<?> summary = summaries[i];
    if (summary != null) {
      refits.ensureFitted(i, summary, asOf);
      synchronized (summary) {
        c = summary.baseline(asOf); // O(summary index): frozen, never a pass over the customers
      }
    }
    if (c == null) {
      // every state is stamped at or before the last epoch
      c = baselineAt(Long.MAX_VALUE, (PopulationStrategy<?>) strategies.get(i), i, asOf);
    }
    baselines.set(i, new CachedBaseline(asOf, recorded, changed, c));
    return c;
  }

  /**
   * Freezes the baseline of every strategy with a live summary, for a view (the writes drained).
   *
   * @param asOf the view's instant
   * @return one baseline or null per strategy
   */
  public PopulationStrategy.@Nullable Baseline<?>[] freeze(Instant asOf) {
    PopulationStrategy.@Nullable Baseline<?>[] frozen = new PopulationStrategy.Baseline<?>[strategies.size()];
    @Nullable PopulationSummary<?>[] live = summaries;
    for (int i = 0; i < live.length; i++) {
      PopulationSummary<?> summary = live[i];
      if (summary != null) {
        synchronized (summary) {
          frozen[i] = summary.baseline(asOf);
        }
      }
    }
    return frozen;
  }

  /**
   * The baseline of strategy i for a view at epoch v that could not freeze one: a model fitted now
   * if the policy allows (a model is population-wide, not a customer's state, so the view stays one
   * cut of the states), else a pass over the states as of the view.
   *
   * @param i the strategy's index, a population strategy
   * @param v the view's epoch
   * @param asOf the view's instant
   * @return the baseline
   */
  public PopulationStrategy.Baseline<?> forView(int i, long v, Instant asOf) {
    PopulationSummary<?> summary = summaries[i];
    if (summary instanceof RefittableSummary) {
      refits.ensureFitted(i, summary, asOf);
      synchronized (summary) {
        return requireNonNull(summary.baseline(asOf), "a fitted summary's baseline");
      }
    }
    return baselineAt(v, (PopulationStrategy<?>) strategies.get(i), i, asOf);
  }

  /**
   * A baseline by a pass over the states as of epoch v, each copied under its customer's lock so
   * that the strategy sees a stable copy.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private PopulationStrategy.Baseline<?> baselineAt(long v, PopulationStrategy strategy, int i, Instant asOf) {
    EntryList.Snapshot all = entries.get();
    List<ScoreState> copies = new ArrayList<>(all.size());
    for (int k = 0; k < all.size(); k++) {
      CustomerEntry entry = all.entries()[k];
      ScoreState copy = strategy.newState();
      synchronized (entry) {
        ScoreState<?>[] states = entry.retired ? null : entry.statesAt(v);
        if (states == null) {
          continue;
        }
        copy.combine(states[i]);
      }
      copies.add(copy);
    }
    return requireNonNull(strategy.baseline(copies, asOf),
        () -> "strategy " + strategy.name() + " returned a null baseline");
  }

  /** A baseline and the engine's stamps when it was made. */
  private record CachedBaseline(Instant asOf, long events, long changes, PopulationStrategy.Baseline<?> baseline) {}

  /**
   * Changes a state (its customer's lock held) by an event or by combining another state in,
   * keeping its summary current: the state's contribution leaves before and comes back after.
   */
  private static void update(PopulationSummary<?> summary, ScoreState<?> state, @Nullable EngagementEvent event,
      @Nullable ScoreState<?> from) {
    synchronized (summary) {
      remove(summary, state);
      try {
        if (event != null) {
          state.accept(event);
        } else {
          combine(state, requireNonNull(from));
        }
      } finally {
        add(summary, state);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void combine(ScoreState into, ScoreState from) {
    into.combine(from);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void add(PopulationSummary summary, ScoreState state) {
    summary.add(state);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void remove(PopulationSummary summary, ScoreState state) {
    summary.remove(state);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static @Nullable Score liveScore(PopulationSummary summary, ScoreState state, Customer customer,
      Instant asOf) {
    return summary.score(state, customer, asOf);
  }
}

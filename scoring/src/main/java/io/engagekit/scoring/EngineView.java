package io.engagekit.scoring;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.scoring.internal.CustomerEntry;
import io.engagekit.scoring.internal.Customers;
import io.engagekit.scoring.internal.EntryList;
import io.engagekit.scoring.internal.Epochs;
import io.engagekit.scoring.internal.LiveSummaries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A consistent, immutable view of an {@link EngagementEngine} as of an instant, for readers that
 * must not see scores move under them while events keep streaming in: a page that shows a score
 * and a ranking, a report, an export. Taken with {@link EngagementEngine#view(Instant)}.
 *
 * <p>The view holds exactly the events recorded (and customers registered) before it was taken,
 * as one cut across every customer and every population summary: {@link #score}, {@link #top} and
 * {@link #baseline} answer the same every time, whatever is recorded meanwhile. Taking it costs
 * time proportional to the population summaries' indexes (microseconds at a million customers),
 * not to the population; while it is open, the first write to each customer copies that customer's
 * states once, so close it when done (it is {@link AutoCloseable}). A strategy without a live
 * summary (the model-based ones), or {@code loyalty.decayed} read as of an instant before a
 * spender's latest activity, is baselined by a pass over the view's customers when the view first
 * needs it.
 *
 * <p>An engine {@linkplain EngagementEngine#merge merged}, {@linkplain EngagementEngine#restore
 * restored} or with customers {@linkplain EngagementEngine#mergeCustomer merged} after the view was
 * taken makes the view's reads throw {@link IllegalStateException}: take a new view.
 *
 * <p>Thread-safe.
 *
 * @since 0.2
 */
public final class EngineView implements AutoCloseable {
  private final EngagementEngine engine;
  private final Instant asOf;
  private final long epoch;
  private final long structure;
  private final LongSupplier restructured;
  private final Map<String, CustomerEntry> customers;
  private final EntryList.Snapshot entries;
  private final List<ScoringStrategy<?>> strategies;
  private final PopulationStrategy.@Nullable Baseline<?>[] baselines;
  private final IntFunction<PopulationStrategy.Baseline<?>> byPass;
  private final Runnable onClose;
  private volatile boolean closed;

  /** Opens a view of an engine's table and summaries as of an instant (see {@link EngagementEngine#view}). */
  static EngineView open(EngagementEngine engine, Customers table, LiveSummaries population,
      List<ScoringStrategy<?>> strategies, Instant asOf) {
    long structure;
    while (((structure = table.restructured()) & 1) != 0) {
      Thread.onSpinWait(); // a merge or restore is under way
    }
    Epochs epochs = table.epochs();
    long v = epochs.openView();
    PopulationStrategy.@Nullable Baseline<?>[] frozen = epochs.freeze(v, () -> population.freeze(asOf));
    return new EngineView(engine, asOf, v, structure, table::restructured, table.byId(), table.snapshot(), strategies,
        frozen, i -> population.forView(i, v, asOf), () -> epochs.closeView(v));
  }

  EngineView(EngagementEngine engine, Instant asOf, long epoch, long structure, LongSupplier restructured,
      Map<String, CustomerEntry> customers, EntryList.Snapshot entries, List<ScoringStrategy<?>> strategies,
      PopulationStrategy.@Nullable Baseline<?>[] baselines, IntFunction<PopulationStrategy.Baseline<?>> byPass,
      Runnable onClose) {
    this.engine = engine;
    this.asOf = asOf;
    this.epoch = epoch;
    this.structure = structure;
    this.restructured = restructured;
    this.customers = customers;
    this.entries = entries;
    this.strategies = strategies;
    this.baselines = baselines;
    this.byPass = byPass;
    this.onClose = onClose;
  }

  /**
   * Returns the instant the view scores at.
   *
   * @return the instant given to {@link EngagementEngine#view(Instant)}
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * Returns a customer's score under one strategy, as of the view.
   *
   * @param customer a customer id
   * @param strategy a strategy name the engine keeps
   * @return the score, or empty when the customer was unknown when the view was taken
   * @throws IllegalArgumentException if the engine keeps no strategy of that name
   * @throws IllegalStateException if the view is closed, or the engine was restructured since
   */
  public Optional<Score> score(String customer, String strategy) {
    requireNonNull(customer, "customer");
    int i = engine.indexOf(strategy);
    check();
    CustomerEntry entry = customers.get(customer);
    if (entry == null) {
      return Optional.empty();
    }
    // Before the customer's lock: a baseline by a pass takes every customer's lock in turn.
    PopulationStrategy.@Nullable Baseline<?> baseline = baselineOf(i);
    synchronized (entry) {
      ScoreState<?>[] states = entry.statesAt(epoch);
      if (states == null) {
        return Optional.empty();
      }
      return Optional.of(scoreOf(i, baseline, customer, states[i], entry.customerAt(epoch)));
    }
  }

  /**
   * Returns the {@code n} customers with the highest scores under one strategy as of the view,
   * highest first, equal scores by customer id; customers without {@linkplain Score#hasEvidence
   * evidence} are not ranked. Populations of {@value #PARALLEL_SCAN} customers or
   * more are scanned in ranges on the common {@link ForkJoinPool}, as a parallel stream is.
   *
   * @param n how many customers at most, {@code >= 0}
   * @param strategy a strategy name the engine keeps
   * @return up to {@code n} ranked customers
   * @throws IllegalArgumentException if {@code n} is negative or the strategy unknown
   * @throws IllegalStateException if the view is closed, or the engine was restructured since
   */
  public List<EngagementEngine.Ranked> top(int n, String strategy) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0 but was " + n);
    }
    int i = engine.indexOf(strategy);
    check();
    if (n == 0) {
      return List.of();
    }
    PopulationStrategy.@Nullable Baseline<?> baseline = baselineOf(i);
    int size = entries.size();
    // Large populations are scanned in ranges on the common pool, each with its own heap: at a
    // million customers 2 threads took top(100) from ~65 to ~40 ms (benchmarks/RESULTS.md 2026-12-05).
    int ranges = size < PARALLEL_SCAN ? 1 : Math.max(1, Math.min(16, ForkJoinPool.getCommonPoolParallelism() + 1));
    List<Ranking> rankings = IntStream.range(0, ranges).parallel()
        .mapToObj(r -> scan(i, baseline, n, (int) ((long) size * r / ranges), (int) ((long) size * (r + 1) / ranges)))
        .toList();
    check();
    return Ranking.best(n, rankings);
  }

  /** Populations from this size are ranked in parallel ranges. */
  static final int PARALLEL_SCAN = 1 << 16;

  /** The best n of entries [from, to), worst first. */
  private Ranking scan(int i, PopulationStrategy.@Nullable Baseline<?> baseline, int n, int from, int to) {
    Ranking ranking = new Ranking(n);
    for (int k = from; k < to; k++) {
      CustomerEntry entry = entries.entries()[k];
      String id = entry.id;
      synchronized (entry) {
        if (entry.retired) {
          continue; // folded away after the view: the view is refused by the caller
        }
        ScoreState<?>[] states = entry.statesAt(epoch);
        if (states == null) {
          continue;
        }
        Customer registered = entry.customerAt(epoch);
        // Most customers rank below the n-th: decide on the value alone, building no score.
        if (!ranking.excludes(valueOf(i, baseline, id, states[i], registered), id)) {
          ranking.offer(new EngagementEngine.Ranked(id, scoreOf(i, baseline, id, states[i], registered)));
        }
      }
    }
    return ranking;
  }

  /**
   * Returns the baseline of a population strategy as of the view.
   *
   * @param strategy the name of a {@link PopulationStrategy} the engine keeps
   * @return the baseline, the same object at every call
   * @throws IllegalArgumentException if the engine keeps no such strategy, or it is not a
   *     population strategy
   * @throws IllegalStateException if the view is closed, or the engine was restructured since
   */
  public PopulationStrategy.Baseline<?> baseline(String strategy) {
    int i = engine.indexOf(strategy);
    check();
    PopulationStrategy.Baseline<?> c = baselineOf(i);
    if (c == null) {
      throw new IllegalArgumentException("strategy " + strategy + " is not relative to a population");
    }
    return c;
  }

  /**
   * The former name of {@link #baseline(String)}, kept because earlier releases of the README spelled it.
   *
   * @deprecated a population strategy's "calibration" is now its baseline: use {@link #baseline(String)}
   * @param strategy the name of a population strategy
   * @return the strategy
   */
  @Deprecated
  public PopulationStrategy.Baseline<?> calibration(String strategy) {
    return baseline(strategy);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Score scoreOf(int i, PopulationStrategy.@Nullable Baseline c, String id, ScoreState state,
      @Nullable Customer registered) {
    Customer customer = registered != null ? registered : Customer.of(id);
    ScoringStrategy s = strategies.get(i);
    Score score = c != null ? c.score(state, customer) : s.score(state, asOf, customer);
    return requireNonNull(score, () -> "strategy " + s.name() + " returned a null score");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private double valueOf(int i, PopulationStrategy.@Nullable Baseline c, String id, ScoreState state,
      @Nullable Customer registered) {
    if (c == null) {
      return scoreOf(i, null, id, state, registered).value();
    }
    return c.value(state, id, registered);
  }

  /**
   * The baseline of strategy i as of the view: frozen when the view was taken, or, for a
   * strategy without a live summary, made by a pass over the view's states on first need.
   */
  private PopulationStrategy.@Nullable Baseline<?> baselineOf(int i) {
    if (!(strategies.get(i) instanceof PopulationStrategy)) {
      return null;
    }
    synchronized (baselines) {
      PopulationStrategy.Baseline<?> c = baselines[i];
      if (c == null) {
        c = byPass.apply(i);
        baselines[i] = c;
      }
      return c;
    }
  }

  private void check() {
    if (closed) {
      throw new IllegalStateException("this view is closed");
    }
    if (restructured.getAsLong() != structure) {
      throw new IllegalStateException("the engine was merged, restored or had customers merged after this view"
          + " was taken; take a new view");
    }
  }

  /** Closes the view: the engine may drop the versions it kept for it. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      onClose.run();
    }
  }

  @Override
  public String toString() {
    return "EngineView[asOf=" + asOf + ", epoch=" + epoch + (closed ? ", closed" : "") + "]";
  }
}

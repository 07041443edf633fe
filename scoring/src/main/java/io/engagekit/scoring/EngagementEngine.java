package io.engagekit.scoring;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.internal.CustomerEntry;
import io.engagekit.scoring.internal.Customers;
import io.engagekit.scoring.internal.EngineSnapshots;
import io.engagekit.scoring.internal.LiveSummaries;
import io.engagekit.scoring.internal.StrategyIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps every customer's state for a fixed set of strategies, in memory, for hosts that stream
 * events: {@link #record} from any number of threads, then {@link #score} one customer or rank the
 * {@link #top} customers as of an instant. Engines on different shards {@link #merge} exactly,
 * because strategy states do. {@link #register} tells the engine a customer's relationship type,
 * segment and attributes; {@link #mergeCustomer} folds a guest id into a known one.
 *
 * <p>Thread-safe: each customer's states have their own lock (a live population summary has one
 * too, held for microseconds); {@link #recordAll} takes a batch faster. {@code record} allocates
 * only for a new customer, a growing summary or an open view (a state copied once for it); a
 * strategy may allocate on its own. Memory is one small state per customer and strategy, the id
 * and about 110 bytes of the engine's own per customer, plus 8 to 32 bytes per customer and value
 * a population summary keeps; no events are kept. {@link #forBatch} keeps no summaries.
 *
 * <p><b>Live population strategies.</b> A {@link PopulationStrategy} with a {@linkplain
 * PopulationStrategy#newSummary live summary} ({@code loyalty.rfm}, {@code loyalty.decayed}, the
 * model-based ones) has it kept current as events are recorded, merged and restored, so {@link
 * #score} reflects every event recorded before the call, exactly, with no pass over the population.
 * A model-based strategy scores against its latest fit, refitted on the engine's {@link
 * RefitPolicy}. A strategy without a live summary takes its {@link #baseline} by a pass, again
 * after any change. {@link #view} takes a consistent, immutable {@link EngineView}.
 *
 * <pre>{@code
 * EngagementEngine engine = EngagementEngine.of(List.of(ScoringStrategies.satisfactionNps()));
 * events.forEach(engine::record);
 * Optional<Score> score = engine.score("c-42", "satisfaction.nps", Instant.parse("2026-03-31T00:00:00Z"));
 * }</pre>
 *
 * @since 0.1
 */
public final class EngagementEngine {
  // A facade over internal.Customers (entries, epochs, merges, restores) and internal.LiveSummaries.
  private final List<ScoringStrategy<?>> strategies;
  private final Map<String, Integer> index;
  private final LongAdder events = new LongAdder();
  /** Counts registrations, merges and restores: with the event count, it dates a baseline. */
  private final AtomicLong changes = new AtomicLong();
  private final LiveSummaries population;
  private final Customers table;

  private EngagementEngine(List<ScoringStrategy<?>> strategies, RefitPolicy refitPolicy, boolean live) {
    this.strategies = List.copyOf(strategies);
    this.index = StrategyIndex.indexByName(this.strategies);
    this.population = new LiveSummaries(this.strategies, requireNonNull(refitPolicy, "refitPolicy"), events::sum,
        changes, () -> table().snapshot(), live);
    this.table = new Customers(this.strategies, population);
  }

  private Customers table() {
    return table;
  }

  /**
   * Returns an empty engine that keeps state for the given strategies.
   *
   * @param strategies one or more strategies with distinct names
   * @return the engine
   * @throws IllegalArgumentException if the list is empty or two strategies share a name
   */
  public static EngagementEngine of(List<? extends ScoringStrategy<?>> strategies) {
    return of(strategies, RefitPolicy.firstRead());
  }

  /**
   * Returns an empty engine that keeps state for the given strategies and refits the models of its
   * model-based strategies on the given policy.
   *
   * @param strategies one or more strategies with distinct names
   * @param refitPolicy when models are refitted
   * @return the engine
   * @throws IllegalArgumentException if the list is empty or two strategies share a name
   * @since 0.2
   */
  public static EngagementEngine of(List<? extends ScoringStrategy<?>> strategies, RefitPolicy refitPolicy) {
    return new EngagementEngine(new ArrayList<>(requireNonNull(strategies, "strategies")), refitPolicy, true);
  }

  /**
   * Returns an empty engine for loading a population and then reading it (a command-line run, a
   * nightly job): population strategies keep no live summary, so a record touches only its
   * customer's states, and the first read after a write takes each baseline by one pass (cached
   * until the next write; a model strategy fits there). Scores equal a live engine's; a read after
   * every event would cost a pass each, where {@link #of(List)} keeps reads cheap. {@link #refit}
   * does nothing here.
   *
   * @param strategies one or more strategies with distinct names
   * @return the engine
   * @throws IllegalArgumentException if the list is empty or two strategies share a name
   * @since 0.2
   */
  public static EngagementEngine forBatch(List<? extends ScoringStrategy<?>> strategies) {
    return new EngagementEngine(new ArrayList<>(requireNonNull(strategies, "strategies")), RefitPolicy.firstRead(), false);
  }

  /**
   * Refits the model of every model-based strategy that fits one ({@code loyalty.bgnbd}, {@code
   * loyalty.paretonbd}, {@code loyalty.clv}), as of an instant, on the population's purchase
   * patterns as they are now: a pass over the distinct patterns, not over the customers. Reads go on
   * with the previous fit meanwhile; later reads use the new one, and name it in their measures.
   *
   * @param asOf the instant the patterns are summarised at
   * @throws io.engagekit.scoring.models.ModelFitException if the data do not identify a model (the
   *     previous fit, if any, stays)
   * @since 0.2
   */
  public void refit(Instant asOf) {
    population.refitAll(requireNonNull(asOf, "asOf"));
  }

  /**
   * Returns the strategies this engine keeps state for, in the order given.
   *
   * @return the strategies
   */
  public List<ScoringStrategy<?>> strategies() {
    return strategies;
  }

  /**
   * Takes one event into its customer's state for every strategy.
   *
   * @param event a touchpoint or survey response
   */
  public void record(EngagementEvent event) {
    table.record(requireNonNull(event, "event"));
    events.increment();
    population.recorded();
  }

  /**
   * Takes events into their customers' states in order, as {@link #record} of each would, faster
   * (a block of customers is looked up before any is locked, so that their cache misses overlap):
   * for hosts that receive events in batches, such as a file reader or a queue consumer. Thread-safe;
   * allocates a few KB per call, not per event, once every customer is known.
   *
   * @param events touchpoints and survey responses, none null
   * @since 0.3
   */
  public void recordAll(List<? extends EngagementEvent> events) {
    table.recordAll(requireNonNull(events, "events")); // refuses a null event before recording any
    this.events.add(events.size());
    population.recorded(events.size());
  }

  /**
   * Records what is known about a customer: their relationship type, segment and attributes, for
   * relationship-aware strategies. A customer registered with no events has empty states, is
   * counted by {@link #customers()} and is scored (as a customer with no activity). Registering
   * again replaces what was known.
   *
   * @param customer the customer
   */
  public void register(Customer customer) {
    table.register(requireNonNull(customer, "customer"));
    changes.incrementAndGet();
  }

  /**
   * Returns what is known about a customer.
   *
   * @param id a customer id
   * @return the registered customer; a bare {@link Customer#of customer} if they have events but
   *     were never registered; empty if the engine has never heard of them
   */
  public Optional<Customer> customer(String id) {
    return table.read(requireNonNull(id, "id"), CustomerEntry::customerOrId);
  }

  /**
   * Returns a customer's states as a {@link StateRecord}, the per-customer record that engine
   * snapshots and the Flink operator keep: to move a customer's state to another host, or to
   * inspect it.
   *
   * @param id a customer id
   * @return the record, or empty if the engine never heard of the customer
   * @throws UnsupportedOperationException if a strategy does not support snapshots
   * @since 0.2
   */
  public Optional<StateRecord> stateRecord(String id) {
    return table.read(requireNonNull(id, "id"), entry -> StateRecord.of(strategies, entry.states));
  }

  /**
   * Returns how many events have been recorded (merged engines' counts included).
   *
   * @return the event count
   */
  public long events() {
    return events.sum();
  }

  /**
   * Returns the ids of every customer with state, as of the call, in no particular order: to score
   * or export the population one customer at a time, without holding every score at once.
   *
   * @return a new, modifiable list
   * @since 0.2
   */
  public List<String> customerIds() {
    return table.ids();
  }

  /**
   * Returns how many customers have state.
   *
   * @return the customer count
   */
  public int customers() {
    return table.size();
  }

  /**
   * Returns a customer's score under one strategy.
   *
   * @param customer a customer id
   * @param strategy a strategy name this engine keeps
   * @param asOf the instant to score at
   * @return the score, or empty when no event of that customer was recorded
   * @throws IllegalArgumentException if the engine keeps no strategy of that name
   */
  public Optional<Score> score(String customer, String strategy, Instant asOf) {
    requireNonNull(customer, "customer");
    requireNonNull(asOf, "asOf");
    int i = indexOf(strategy);
    if (!table.contains(customer)) {
      return Optional.empty();
    }
    if (population.live(i)) {
      population.ensureFitted(i, asOf);
      Optional<Optional<Score>> live = table.read(customer,
          e -> Optional.ofNullable(population.liveScore(i, e.states[i], e.customerOrId(), asOf)));
      if (live.isEmpty() || live.get().isPresent()) {
        return live.flatMap(s -> s); // scored live, or gone in a concurrent restore or identity merge
      }
    }
    PopulationStrategy.Baseline<?> baseline = population.baselineOf(i, asOf);
    return table.read(customer, e -> e.score(strategies.get(i), baseline, i, asOf));
  }

  /**
   * Returns the baseline of a population strategy on every customer as of an instant: the one
   * its scores are relative to, with its population figures.
   *
   * @param strategy the name of a {@link PopulationStrategy} this engine keeps
   * @param asOf the instant to score at
   * @return the baseline
   * @throws IllegalArgumentException if the engine keeps no such strategy, or it is not a
   *     population strategy
   */
  public PopulationStrategy.Baseline<?> baseline(String strategy, Instant asOf) {
    requireNonNull(asOf, "asOf");
    int i = indexOf(strategy);
    PopulationStrategy.Baseline<?> c = population.baselineOf(i, asOf);
    if (c == null) {
      throw new IllegalArgumentException("strategy " + strategy + " is not relative to a population");
    }
    return c;
  }

  /**
   * The former name of {@link #baseline(String, Instant)}, which earlier READMEs spelled.
   *
   * @deprecated a population strategy's "calibration" is now its baseline: use {@link #baseline(String, Instant)}
   * @param asOf the instant to score at
   * @param strategy the name of a population strategy
   * @return the baseline
   */
  @Deprecated
  public PopulationStrategy.Baseline<?> calibration(String strategy, Instant asOf) {
    return baseline(strategy, asOf);
  }

  /**
   * Returns the {@code n} customers with the highest scores under one strategy, highest first;
   * equal scores are ordered by customer id, so the ranking is deterministic. Customers the strategy
   * has {@linkplain Score#noEvidence no evidence} for are not ranked. Customers recorded
   * while the ranking runs may or may not be in it. A strategy with a live summary is ranked
   * through a {@link #view}, one consistent cut; large populations are scanned in parallel ranges
   * (see {@link EngineView#top}).
   *
   * @param n how many customers at most, {@code >= 0}
   * @param strategy a strategy name this engine keeps
   * @param asOf the instant to score at
   * @return up to {@code n} ranked customers
   * @throws IllegalArgumentException if {@code n} is negative or the strategy unknown
   */
  public List<Ranked> top(int n, String strategy, Instant asOf) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0 but was " + n);
    }
    requireNonNull(asOf, "asOf");
    int i = indexOf(strategy);
    if (n == 0) {
      return List.of();
    }
    if (population.live(i) && (table.restructured() & 1) == 0) {
      // A view: one consistent cut whose frozen summary holds every state it ranks.
      try (EngineView view = view(asOf)) {
        return view.top(n, strategy);
      } catch (IllegalStateException restructuredMeanwhile) {
        // a merge or restore ran during the ranking: rank by the general path below
      }
    }
    return Ranking.scan(n, table.snapshot(), strategies.get(i), population.baselineOf(i, asOf), i, asOf);
  }

  /**
   * Takes a consistent, immutable view as of an instant: every event recorded before this call, one
   * cut across customers and summaries, read as often as needed while recording goes on. Costs the
   * summaries' indexes, not the customers (a strategy without a live summary takes a pass). Close it.
   *
   * <pre>{@code
   * try (EngineView view = engine.view(now)) {
   *   List<EngagementEngine.Ranked> best = view.top(10, "loyalty.rfm");
   *   Optional<Score> mine = view.score("c-42", "loyalty.rfm"); // consistent with the ranking
   * }
   * }</pre>
   *
   * @param asOf the instant to score at
   * @return the view
   * @since 0.2
   */
  public EngineView view(Instant asOf) {
    return EngineView.open(this, table, population, strategies, requireNonNull(asOf, "asOf"));
  }

  /**
   * Adds another engine's customers and events to this one, as if every event recorded there had
   * been recorded here. {@code other} must keep the same strategies (by name, in order) and must
   * not be recorded into or merged while it is merged in; it is left unchanged. A customer
   * registered in both keeps this engine's registration; one registered only there is taken over.
   *
   * @param other an engine of another shard
   * @throws IllegalArgumentException if the strategies differ or {@code other} is this engine
   */
  public void merge(EngagementEngine other) {
    table.mergeFrom(requireNonNull(other, "other").table); // checks the strategies first
    events.add(other.events());
    changes.incrementAndGet();
  }

  /**
   * Folds one customer into another, as a CRM does when it learns that two ids are one person (a
   * guest id and a logged-in id): {@code into}'s states become the {@linkplain ScoreState#combine
   * combination} of both customers' states, exactly as if every event of {@code from} had been
   * recorded for {@code into}; {@code from} is removed, and the population summaries count one
   * customer fewer. The event count is unchanged.
   *
   * <p>Registrations: {@code into}'s relationship type and segment if it has them, else {@code
   * from}'s; both's attributes, {@code into}'s winning. Atomic for each customer: a concurrent event
   * of {@code from} is folded or, if later, starts a new {@code from} (route an old id's later
   * events yourself). An unknown {@code into} is created.
   *
   * @param from the id to fold away
   * @param into the id that remains
   * @return true if {@code from} was known and has been folded; false if the engine never heard of
   *     it (nothing changes)
   * @throws IllegalArgumentException if the two ids are equal, or {@code into} is not a valid id
   * @since 0.2
   */
  public boolean mergeCustomer(String from, String into) {
    boolean merged = table.mergeCustomer(from, into); // checks the ids first
    if (merged) {
      changes.incrementAndGet();
    }
    return merged;
  }

  /**
   * Writes every customer's state to {@code out} (which stays open), so that a host that restarts
   * loses nothing: {@link #restore} reads it back. The format is versioned and checksummed (CRC-32);
   * each customer's states are a {@link StateRecord}, as in the Flink operator, in customer-id order
   * (equal engines write equal bytes). Events recorded while a snapshot runs may or may not be in it.
   *
   * @param out where to write
   * @throws IOException if writing fails
   * @throws UnsupportedOperationException if a strategy does not support snapshots (checked before
   *     anything is written)
   */
  public void snapshot(OutputStream out) throws IOException {
    EngineSnapshots.write(requireNonNull(out, "out"), strategies, table.byId(), events());
  }

  /**
   * Replaces every customer's state with a snapshot written by {@link #snapshot}, checked whole
   * (format, strategies and state versions, every value, the CRC-32) before anything is replaced: a
   * truncated, corrupted or foreign snapshot is refused and the engine left as it was. States are
   * read with the version they were written in ({@link ScoringStrategy#readState(java.io.DataInput,
   * int)}); format 2 (before {@link StateRecord}) is read too. Do not record while restoring. The
   * summaries are rebuilt; model fits are not kept (the next read fits as the {@link RefitPolicy} says).
   *
   * @param in where to read: a stream holding the snapshot (it may be read past the snapshot's
   *     end, and is not closed)
   * @throws IOException if reading fails or the snapshot is refused; the message says why
   */
  public void restore(InputStream in) throws IOException {
    EngineSnapshots.Read read = EngineSnapshots.read(requireNonNull(in, "in"), strategies);
    table.restore(read.customers(), () -> {
      events.reset();
      events.add(read.events());
    });
    changes.incrementAndGet();
  }

  int indexOf(String strategy) {
    return StrategyIndex.indexOf(index, strategy);
  }

  /** A customer and their score, as ranked by {@link #top}. */
  public record Ranked(String customer, Score score) {
    /**
     * Validates the components.
     *
     * @param customer the customer id
     * @param score the score
     */
    public Ranked {
      requireNonNull(customer, "customer");
      requireNonNull(score, "score");
    }
  }

  @Override
  public String toString() {
    return "EngagementEngine[strategies=" + strategies.stream().map(ScoringStrategy::name).toList()
        + ", customers=" + customers() + ", events=" + events() + "]";
  }
}

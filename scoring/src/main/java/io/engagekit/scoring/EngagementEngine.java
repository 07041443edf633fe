package io.engagekit.scoring;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.internal.ModelRefits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Keeps every customer's state for a fixed set of strategies, in memory, for hosts that stream
 * events: {@link #record} from any number of threads, then {@link #score} one customer or rank the
 * {@link #top} customers as of an instant. Engines on different shards {@link #merge} exactly,
 * because strategy states do.
 *
 * <p>Thread-safe. Each customer's states are guarded by their own lock, so threads recording
 * different customers do not contend (a live population summary has a lock of its own, held for
 * the microseconds an update takes). The engine itself allocates in {@code record} only when it
 * meets a new customer, when a population summary grows, and while a view is open (to copy a
 * customer's states once for it); a strategy may allocate on its own (the model-based ones keep
 * purchase days, and their summary keys each purchaser). Memory is one small, fixed-size state per customer and strategy, plus what the population
 * summaries keep (8 to 32 bytes per customer and value summarised); no events are kept.
 *
 * <p>{@link #register} tells the engine what is known about a customer (their relationship type,
 * segment and attributes), which relationship-aware strategies use; {@link #mergeCustomer} folds
 * one customer into another (a guest id into a known one).
 *
 * <p><b>Live population strategies.</b> A {@link PopulationStrategy} with a {@linkplain
 * PopulationStrategy#newSummary live summary} ({@code loyalty.rfm}, {@code loyalty.decayed}, and
 * the model-based ones) has that summary kept up to date as events are recorded, merged and
 * restored, so {@link #score} reads it with no pass over the population and reflects every event
 * recorded before the call: exact, not approximate (see {@code loyalty.OrderStatistics}). A model-based
 * strategy scores against its latest fit, refitted on the engine's {@link RefitPolicy}, never
 * inside a read but the first. A strategy without a live summary takes its baseline from every customer
 * the first time it is scored at an instant, and again whenever anything has changed since; its
 * figures are available from {@link #baseline}. {@link #view} takes a consistent, immutable
 * {@link EngineView} for readers that must not see scores move while events stream in.
 *
 * <p>Costs at 1,000,000 customers are in {@code benchmarks/RESULTS.md} ({@code LiveEngineBenchmark}).
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
  /** "EKSN": the first four bytes of a snapshot. */
  static final int MAGIC = EngineSnapshots.MAGIC;
  /** The snapshot format this engine writes: per customer, a {@link StateRecord}. */
  static final int FORMAT_VERSION = EngineSnapshots.FORMAT_VERSION;
  /** The earlier format it still reads: strategy versions once in the header, states unframed. */
  static final int FORMAT_VERSION_2 = EngineSnapshots.FORMAT_VERSION_2;

  private final List<ScoringStrategy<?>> strategies;
  private final Map<String, Integer> index;
  private final long refitEvery;
  private final ModelRefits refits;
  /** Whether any strategy keeps a live summary (then writes enter the epoch protocol). */
  private final boolean hasSummaries;

  private final ConcurrentHashMap<String, CustomerEntry> customers = new ConcurrentHashMap<>();
  /** The same entries in creation order, for sequential scans; replaced by restore. */
  private volatile EntryList entries = new EntryList();
  private final LongAdder events = new LongAdder();
  /** Counts registrations, merges and restores: with the event count, it dates a baseline. */
  private final AtomicLong changes = new AtomicLong();
  /** The latest baseline of each population strategy (null for the others). */
  private final AtomicReferenceArray<@Nullable CachedBaseline> baselines;
  /**
   * The live summary of each population strategy that has one (null for the others), each guarded
   * by its own monitor, taken while holding a customer's entry lock (never the other way round).
   */
  private volatile @Nullable PopulationSummary<?>[] summaries;
  /** Serialises {@link #mergeCustomer}, the one operation that holds two entry locks. */
  private final Object identityLock = new Object();
  /** Write epochs and open views. */
  private final Epochs epochs = new Epochs();
  /** Odd while a merge, identity merge or restore runs; counts them: views refuse reads after one. */
  private final AtomicLong restructured = new AtomicLong();

  private EngagementEngine(List<ScoringStrategy<?>> strategies, RefitPolicy refitPolicy) {
    this.strategies = List.copyOf(strategies);
    requireNonNull(refitPolicy, "refitPolicy");
    Map<String, Integer> byName = new ConcurrentHashMap<>();
    for (int i = 0; i < this.strategies.size(); i++) {
      String name = requireNonNull(this.strategies.get(i).name(), "strategy name");
      if (byName.putIfAbsent(name, i) != null) {
        throw new IllegalArgumentException("strategies must have distinct names but '" + name + "' appears twice");
      }
    }
    if (byName.isEmpty()) {
      throw new IllegalArgumentException("an engine needs at least one strategy");
    }
    this.index = Map.copyOf(byName);
    this.baselines = new AtomicReferenceArray<>(this.strategies.size());
    this.summaries = newSummaries(this.strategies);
    this.hasSummaries = Arrays.stream(summaries).anyMatch(java.util.Objects::nonNull);
    this.refitEvery = refitPolicy.everyEvents();
    this.refits = new ModelRefits(refitPolicy, this.strategies, () -> summaries, changes::incrementAndGet);
  }

  private static @Nullable PopulationSummary<?>[] newSummaries(List<ScoringStrategy<?>> strategies) {
    @Nullable PopulationSummary<?>[] summaries = new PopulationSummary<?>[strategies.size()];
    for (int i = 0; i < summaries.length; i++) {
      if (strategies.get(i) instanceof PopulationStrategy) {
        summaries[i] = ((PopulationStrategy<?>) strategies.get(i)).newSummary();
      }
    }
    return summaries;
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
    return new EngagementEngine(new ArrayList<>(requireNonNull(strategies, "strategies")), refitPolicy);
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
    refits.refitAll(requireNonNull(asOf, "asOf"));
  }

  /** Fits a model strategy on its first read, if the policy allows; refuses the read if not. */
  private void ensureFitted(int i, PopulationSummary<?> summary, Instant asOf) {
    refits.ensureFitted(i, summary, asOf);
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
    String customer = requireNonNull(event, "event").customer();
    // Engines with live summaries enter the epoch (a view drains it before freezing them); the
    // others stamp the write under the customer's lock, with no atomic update: issue 19 measured the
    // two counter updates at ~30% of a satisfaction-only record (benchmarks/RESULTS.md 2026-12-05).
    boolean drained = hasSummaries;
    long w = drained ? epochs.enter() : 0;
    try {
      @Nullable PopulationSummary<?>[] live = summaries;
      while (true) {
        CustomerEntry entry = entryOf(customer, drained ? w : epochs.current());
        synchronized (entry) {
          if (entry.retired) {
            continue; // merged into another customer meanwhile: this event starts the id afresh
          }
          entry.beforeWrite(drained ? w : epochs.current(), epochs.oldestOpenView(), strategies);
          ScoreState<?>[] states = entry.states;
          for (int i = 0; i < states.length; i++) {
            PopulationSummary<?> summary = live[i];
            if (summary != null && summary.changes(event)) {
              update(summary, states[i], event, null);
            } else {
              states[i].accept(event);
            }
          }
        }
        break;
      }
    } finally {
      if (drained) {
        epochs.exit(w);
      }
    }
    events.increment();
    if (refitEvery > 0) {
      refits.countEvent();
    }
  }

  /** The customer's entry, created (and added to every live summary) if new. */
  private CustomerEntry entryOf(String customer, long w) {
    CustomerEntry entry = customers.get(customer);
    return entry != null ? entry : customers.computeIfAbsent(customer, c -> newEntry(c, w));
  }

  private CustomerEntry newEntry(String id, long w) {
    CustomerEntry entry = new CustomerEntry(id, strategies, w);
    entries.add(entry);
    count(entry.states, true);
    return entry;
  }

  /** Adds a customer's states to every live summary, or removes them. */
  private void count(ScoreState<?>[] states, boolean in) {
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
   * Records what is known about a customer: their relationship type, segment and attributes, for
   * relationship-aware strategies. A customer registered with no events has empty states, is
   * counted by {@link #customers()} and is scored (as a customer with no activity). Registering
   * again replaces what was known.
   *
   * @param customer the customer
   */
  public void register(Customer customer) {
    requireNonNull(customer, "customer");
    long w = epochs.enter();
    try {
      while (true) {
        CustomerEntry entry = entryOf(customer.id(), w);
        synchronized (entry) {
          if (entry.retired) {
            continue;
          }
          entry.beforeWrite(w, epochs.oldestOpenView(), strategies);
          entry.customer = customer;
        }
        break;
      }
    } finally {
      epochs.exit(w);
    }
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
    CustomerEntry entry = customers.get(requireNonNull(id, "id"));
    if (entry == null) {
      return Optional.empty();
    }
    synchronized (entry) {
      return Optional.of(customerOf(id, entry));
    }
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
    CustomerEntry entry = customers.get(requireNonNull(id, "id"));
    if (entry == null) {
      return Optional.empty();
    }
    synchronized (entry) {
      return Optional.of(StateRecord.of(strategies, entry.states));
    }
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
   * Returns how many customers have state.
   *
   * @return the customer count
   */
  public int customers() {
    return customers.size();
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
    if (!customers.containsKey(customer)) {
      return Optional.empty();
    }
    PopulationSummary<?> summary = summaries[i];
    if (summary != null) {
      ensureFitted(i, summary, asOf);
      CustomerEntry entry = customers.get(customer);
      if (entry == null) {
        return Optional.empty(); // gone in a concurrent restore or identity merge
      }
      synchronized (entry) {
        Score live;
        synchronized (summary) {
          live = liveScore(summary, entry.states[i], customerOf(customer, entry), asOf);
        }
        if (live != null) {
          return Optional.of(live);
        }
      }
    }
    PopulationStrategy.Baseline<?> baseline = baselineOf(i, asOf);
    CustomerEntry entry = customers.get(customer);
    if (entry == null) {
      return Optional.empty(); // gone in a concurrent restore
    }
    synchronized (entry) {
      return Optional.of(scoreOf(strategies.get(i), baseline, customer, entry, i, asOf));
    }
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
    PopulationStrategy.Baseline<?> c = baselineOf(i, asOf);
    if (c == null) {
      throw new IllegalArgumentException("strategy " + strategy + " is not relative to a population");
    }
    return c;
  }

  /**
   * The former name of {@link #baseline(String, Instant)}, kept because earlier releases of the README spelled it.
   *
   * @deprecated a population strategy's "calibration" is now its baseline: use {@link #baseline(String, Instant)}
   * @param asOf the instant to score at
   * @param strategy the name of a population strategy
   * @return the strategy
   */
  @Deprecated
  public PopulationStrategy.Baseline<?> calibration(String strategy, Instant asOf) {
    return baseline(strategy, asOf);
  }

  /**
   * Returns the {@code n} customers with the highest scores under one strategy, highest first;
   * equal scores are ordered by customer id, so the ranking is deterministic. Customers recorded
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
    ScoringStrategy<?> s = strategies.get(i);
    Comparator<Ranked> best = BEST;
    if (n == 0) {
      return List.of();
    }
    if (summaries[i] != null && (restructured.get() & 1) == 0) {
      // A view: one consistent cut whose frozen summary holds every state it ranks.
      try (EngineView view = view(asOf)) {
        return view.top(n, strategy);
      } catch (IllegalStateException restructuredMeanwhile) {
        // a merge or restore ran during the ranking: rank by the general path below
      }
    }
    PopulationStrategy.Baseline<?> baseline = baselineOf(i, asOf);
    PriorityQueue<Ranked> worstFirst = new PriorityQueue<>(best.reversed());
    EntryList.Snapshot all = entries.snapshot();
    for (int k = 0; k < all.size(); k++) {
      CustomerEntry entry = all.entries()[k];
      Score score;
      synchronized (entry) {
        if (entry.retired) {
          continue;
        }
        score = scoreOf(s, baseline, entry.id, entry, i, asOf);
      }
      Ranked r = new Ranked(entry.id, score);
      if (worstFirst.size() < n) {
        worstFirst.add(r);
      } else if (best.compare(r, worstFirst.peek()) < 0) {
        worstFirst.poll();
        worstFirst.add(r);
      }
    }
    List<Ranked> ranked = new ArrayList<>(worstFirst);
    ranked.sort(best);
    return List.copyOf(ranked);
  }

  /**
   * Takes a consistent, immutable view of the engine as of an instant: every event recorded before
   * this call, as one cut across customers and population summaries, read as often as needed while
   * recording goes on. Costs time proportional to the population summaries' indexes, not to the
   * customers (except for strategies without a live summary, baselined by a pass over the view).
   * Close it when done.
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
    requireNonNull(asOf, "asOf");
    long structure;
    while (((structure = restructured.get()) & 1) != 0) {
      Thread.onSpinWait(); // a merge or restore is under way
    }
    PopulationStrategy.@Nullable Baseline<?>[] frozen = new PopulationStrategy.Baseline<?>[strategies.size()];
    long v = epochs.openView();
    try {
      @Nullable PopulationSummary<?>[] live = summaries;
      for (int i = 0; i < live.length; i++) {
        PopulationSummary<?> summary = live[i];
        if (summary != null) {
          synchronized (summary) {
            frozen[i] = summary.baseline(asOf);
          }
        }
      }
    } finally {
      epochs.frozen(v);
    }
    return new EngineView(this, asOf, v, structure, restructured::get, customers, entries.snapshot(), strategies, frozen,
        i -> {
          PopulationSummary<?> summary = summaries[i];
          if (summary instanceof RefittableSummary) {
            // Not fitted when the view was taken: fit now if the policy allows (a model is population-wide,
            // not a customer's state, so the view stays one cut of the states).
            ensureFitted(i, summary, asOf);
            synchronized (summary) {
              return requireNonNull(summary.baseline(asOf), "a fitted summary's baseline");
            }
          }
          return baselineAt(v, (PopulationStrategy<?>) strategies.get(i), i, asOf);
        }, () -> epochs.closeView(v));
  }

  /**
   * A baseline by a pass over the states as of epoch v, each copied under its customer's lock so
   * that the strategy reads states no thread is changing.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private PopulationStrategy.Baseline<?> baselineAt(long v, PopulationStrategy strategy, int i, Instant asOf) {
    EntryList.Snapshot all = entries.snapshot();
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
    requireNonNull(other, "other");
    if (other == this) {
      throw new IllegalArgumentException("an engine cannot be merged into itself");
    }
    List<String> mine = strategies.stream().map(ScoringStrategy::name).toList();
    List<String> theirs = other.strategies.stream().map(ScoringStrategy::name).toList();
    if (!mine.equals(theirs)) {
      throw new IllegalArgumentException("cannot merge an engine keeping " + theirs + " into one keeping " + mine);
    }
    restructured.incrementAndGet();
    long w = epochs.enter();
    try {
      for (Map.Entry<String, CustomerEntry> e : other.customers.entrySet()) {
        CustomerEntry entry = entryOf(e.getKey(), w);
        synchronized (entry) {
          combineInto(entry, e.getValue().states);
          Customer known = e.getValue().customer;
          if (entry.customer == null && known != null) {
            entry.customer = known;
          }
        }
      }
    } finally {
      epochs.exit(w);
      restructured.incrementAndGet();
    }
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
   * <p>What {@link #register} recorded is kept by this rule: {@code into}'s relationship type and
   * segment when it has them, else {@code from}'s; the attributes of both, {@code into}'s value
   * winning where both have a key. If neither was registered, {@code into} stays unregistered.
   *
   * <p>Thread-safe, and atomic for each customer: an event of {@code from} recorded concurrently
   * is either folded into {@code into} or, if it comes after, starts a new customer {@code from}
   * (route later events of an old id to the new one yourself, for example with an alias map).
   * If {@code into} is unknown, it is created.
   *
   * @param from the id to fold away
   * @param into the id that remains
   * @return true if {@code from} was known and has been folded; false if the engine never heard of
   *     it (nothing changes)
   * @throws IllegalArgumentException if the two ids are equal, or {@code into} is not a valid id
   * @since 0.2
   */
  public boolean mergeCustomer(String from, String into) {
    requireNonNull(from, "from");
    Customer.checkId(requireNonNull(into, "into"));
    if (from.equals(into)) {
      throw new IllegalArgumentException("a customer cannot be merged into itself: " + from);
    }
    synchronized (identityLock) {
      CustomerEntry source = customers.get(from);
      if (source == null) {
        return false;
      }
      restructured.incrementAndGet();
      long w = epochs.enter();
      try {
        fold(source, entryOf(into, w), from, into);
        entries.retired();
      } finally {
        epochs.exit(w);
        restructured.incrementAndGet();
      }
    }
    changes.incrementAndGet();
    return true;
  }

  /** Folds entry source (id from) into target (id into). */
  private void fold(CustomerEntry source, CustomerEntry target, String from, String into) {
    synchronized (source) {
      synchronized (target) {
        count(source.states, false);
        combineInto(target, source.states);
        target.customer = mergedRegistration(into, target.customer, source.customer);
        source.retired = true;
        customers.remove(from, source);
      }
    }
  }

  private static @Nullable Customer mergedRegistration(String id, @Nullable Customer into, @Nullable Customer from) {
    if (from == null) {
      return into;
    }
    if (into == null) {
      return new Customer(id, from.relationship(), from.segment(), from.attributes());
    }
    Map<String, String> attributes = new HashMap<>(from.attributes());
    attributes.putAll(into.attributes());
    return new Customer(id, into.relationship().or(from::relationship), into.segment().or(from::segment), attributes);
  }

  /**
   * Writes every customer's state to {@code out} (which stays open), so that a host that restarts
   * loses nothing: {@link #restore} reads it back. The format is versioned: a magic number, the
   * format version (3), each strategy's name, the event count, every customer (id, what {@link
   * #register} recorded, and their states as a {@link StateRecord}, each state with its own state
   * version: the record the Flink operator keeps too) in customer-id order (so equal engines write
   * equal bytes), and a CRC-32 of all of it.
   *
   * <p>Each customer's states are written under that customer's lock. Events recorded while a
   * snapshot runs may or may not be in it; pause recording for a snapshot of one instant.
   *
   * @param out where to write
   * @throws IOException if writing fails
   * @throws UnsupportedOperationException if a strategy does not support snapshots (checked before
   *     anything is written)
   */
  public void snapshot(OutputStream out) throws IOException {
    EngineSnapshots.write(requireNonNull(out, "out"), strategies, customers, events());
  }

  /**
   * Replaces every customer's state with a snapshot written by {@link #snapshot}. The snapshot is
   * read and checked whole (format version, strategies and their state versions, every value, the
   * CRC-32) before anything is replaced: a truncated, corrupted or foreign snapshot is refused and
   * this engine is left as it was. Each state is read with the state version the snapshot recorded
   * ({@link ScoringStrategy#readState(java.io.DataInput, int)}), so a strategy that still reads its
   * earlier layouts restores snapshots written before an upgrade. Snapshots of format 2 (before
   * {@link StateRecord}) are read too. Do not record while restoring. The population summaries are
   * rebuilt from the restored states; model fits are not kept, so the next read of a model strategy
   * fits again as its {@link RefitPolicy} says.
   *
   * @param in where to read: a stream holding the snapshot (it may be read past the snapshot's
   *     end, and is not closed)
   * @throws IOException if reading fails or the snapshot is refused; the message says why
   */
  public void restore(InputStream in) throws IOException {
    EngineSnapshots.Read read = EngineSnapshots.read(requireNonNull(in, "in"), strategies);
    Map<String, CustomerEntry> fresh = read.customers();
    long count = read.events();
    @Nullable PopulationSummary<?>[] rebuilt = newSummaries(strategies);
    for (CustomerEntry entry : fresh.values()) {
      for (int i = 0; i < rebuilt.length; i++) {
        if (rebuilt[i] != null) {
          add(rebuilt[i], entry.states[i]);
        }
      }
    }
    restructured.incrementAndGet();
    long w = epochs.enter();
    try {
      EntryList list = new EntryList();
      fresh.values().forEach(list::add);
      customers.clear();
      summaries = rebuilt;
      entries = list;
      customers.putAll(fresh);
      events.reset();
      events.add(count);
    } finally {
      epochs.exit(w);
      restructured.incrementAndGet();
    }
    changes.incrementAndGet();
  }

  private static Customer customerOf(String id, CustomerEntry entry) {
    return entry.customer != null ? entry.customer : Customer.of(id);
  }

  /** The current baseline of strategy i as of an instant; null when it is not a population strategy. */
  private PopulationStrategy.@Nullable Baseline<?> baselineOf(int i, Instant asOf) {
    if (!(strategies.get(i) instanceof PopulationStrategy)) {
      return null;
    }
    // Read the stamps before the states: a change during baseline makes the next call take a new baseline.
    long recorded = events.sum();
    long changed = changes.get();
    CachedBaseline cached = baselines.get(i);
    if (cached != null && cached.asOf.equals(asOf) && cached.events == recorded && cached.changes == changed) {
      return cached.baseline;
    }
    PopulationStrategy.Baseline<?> c = null;
    PopulationSummary<?> summary = summaries[i];
    if (summary != null) {
      ensureFitted(i, summary, asOf);
      synchronized (summary) {
        c = summary.baseline(asOf); // O(summary index): frozen, never a pass over the customers
      }
    }
    if (c == null) {
      c = baseline((PopulationStrategy<?>) strategies.get(i), i, asOf);
    }
    baselines.set(i, new CachedBaseline(asOf, recorded, changed, c));
    return c;
  }

  /** A baseline by a pass over the customers' current states. */
  private PopulationStrategy.Baseline<?> baseline(PopulationStrategy<?> strategy, int i, Instant asOf) {
    return baselineAt(Long.MAX_VALUE, strategy, i, asOf); // every state is stamped at or before that epoch
  }

  /** A baseline and the engine's stamps when it was made. */
  private record CachedBaseline(Instant asOf, long events, long changes, PopulationStrategy.Baseline<?> baseline) {}

  int indexOf(String strategy) {
    Integer i = index.get(requireNonNull(strategy, "strategy"));
    if (i == null) {
      throw new IllegalArgumentException(
          "this engine keeps no strategy named '" + strategy + "'; it keeps " + index.keySet());
    }
    return i;
  }

  /** Scores one entry (its lock held) under strategy i, against its baseline if it has one. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Score scoreOf(ScoringStrategy strategy, PopulationStrategy.@Nullable Baseline baseline,
      String id, CustomerEntry entry, int i, Instant asOf) {
    Customer customer = customerOf(id, entry);
    Score score = baseline != null
        ? baseline.score(entry.states[i], customer)
        : strategy.score(entry.states[i], asOf, customer);
    return requireNonNull(score, () -> "strategy " + strategy.name() + " returned a null score");
  }

  /** Adds states into an entry (its lock held), keeping the live summaries up to date. */
  private void combineInto(CustomerEntry entry, ScoreState<?>[] from) {
    @Nullable PopulationSummary<?>[] live = summaries;
    for (int i = 0; i < entry.states.length; i++) {
      PopulationSummary<?> summary = live[i];
      if (summary != null) {
        update(summary, entry.states[i], null, from[i]);
      } else {
        combine(entry.states[i], from[i]);
      }
    }
  }

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
  private static @Nullable Score liveScore(PopulationSummary summary, ScoreState state, Customer customer, Instant asOf) {
    return summary.score(state, customer, asOf);
  }

  /** Highest score first, then customer id. */
  static final Comparator<Ranked> BEST = Comparator.comparingDouble((Ranked r) -> r.score().value()).reversed()
      .thenComparing(Ranked::customer);

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

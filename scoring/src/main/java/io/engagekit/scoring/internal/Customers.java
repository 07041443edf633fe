package io.engagekit.scoring.internal;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.PopulationSummary;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The customer side of an engine: every customer's entry by id and in creation order, the write
 * epochs that views are cut at, and the writes that restructure the table (merges, identity merges,
 * restores). Each customer's states are guarded by their entry's monitor. Thread-safe.
 */
public final class Customers {
  private final List<ScoringStrategy<?>> strategies;
  private final LiveSummaries population;
  private final IdIndex byId = new IdIndex();
  /** The same entries in creation order, for sequential scans; replaced by restore. */
  private volatile EntryList entries = new EntryList();
  /** Serialises {@link #mergeCustomer}, the one operation that holds two entry locks. */
  private final Object identityLock = new Object();
  /** Write epochs and open views. */
  private final Epochs epochs = new Epochs();
  /** Odd while a merge, identity merge or restore runs; counts them: views refuse reads after one. */
  private final AtomicLong restructured = new AtomicLong();

  /**
   * Creates an empty table.
   *
   * @param strategies the engine's strategies
   * @param population the engine's live summaries, kept current as customers are added and merged
   */
  public Customers(List<ScoringStrategy<?>> strategies, LiveSummaries population) {
    this.strategies = strategies;
    this.population = population;
  }

  /**
   * Takes one event into its customer's states, creating the customer if new.
   *
   * @param event the event
   */
  public void record(EngagementEvent event) {
    // Engines with live summaries enter the epoch (a view drains it before freezing them); the
    // others stamp the write under the customer's lock, with no atomic update: issue 19 measured the
    // two counter updates at ~30% of a satisfaction-only record (benchmarks/RESULTS.md 2026-12-05).
    boolean drained = population.any();
    long w = drained ? epochs.enter() : 0;
    try {
      recordIn(event, drained, w);
    } finally {
      if (drained) {
        epochs.exit(w);
      }
    }
  }

  /** Records one event, inside epoch w when the engine is drained by views, else stamped under the lock. */
  private void recordIn(EngagementEvent event, boolean drained, long w) {
    String customer = event.customer();
    while (true) {
      CustomerEntry entry = entryOf(customer, drained ? w : epochs.current());
      synchronized (entry) {
        if (entry.retired) {
          continue; // merged into another customer meanwhile: this event starts the id afresh
        }
        entry.beforeWrite(drained ? w : epochs.current(), epochs.oldestOpenView(), strategies);
        population.accept(entry.states, event);
      }
      break;
    }
  }

  /** How many events {@link #recordAll} resolves before it takes any lock. */
  static final int BLOCK = 128;
  /** Written so the JIT keeps {@link #recordAll}'s touches. */
  @SuppressWarnings("unused")
  private int sink;

  /**
   * Takes events in order into their customers' states, as {@link #record} would one by one, a
   * block at a time: first every customer of the block is looked up with no lock held, so the
   * processor overlaps the cache misses of independent lookups (a lock is a full fence, which
   * makes one-at-a-time recording wait for each miss in turn); then each event is taken under its
   * customer's lock, consecutive events of one customer under one.
   *
   * @param events the events
   * @throws NullPointerException if one is null (naming its index), before any is recorded
   */
  public void recordAll(List<? extends EngagementEvent> events) {
    int n = events.size();
    for (int k = 0; k < n; k++) {
      if (events.get(k) == null) {
        throw new NullPointerException("events[" + k + "]");
      }
    }
    int size = Math.min(n, BLOCK);
    CustomerEntry[] block = new CustomerEntry[size];
    String[] ids = new String[size];
    int[] scratch = new int[size];
    for (int from = 0; from < n; from += BLOCK) {
      int to = Math.min(n, from + BLOCK);
      boolean drained = population.any();
      long w = drained ? epochs.enter() : 0;
      try {
        for (int k = from; k < to; k++) {
          ids[k - from] = events.get(k).customer();
        }
        byId.getAll(ids, to - from, block, scratch);
        int touched = 0;
        for (int k = from; k < to; k++) { // bring each entry's states into the cache, misses overlapping
          CustomerEntry entry = block[k - from];
          if (entry != null) {
            ScoreState<?>[] states = entry.states;
            for (int i = 0; i < states.length; i++) {
              touched += ((Object) states[i]).getClass() == Customers.class ? 1 : 0;
            }
          }
        }
        sink += touched;
        for (int k = from; k < to; ) {
          CustomerEntry entry = block[k - from];
          int end = k + 1;
          while (end < to && block[end - from] == entry && entry != null) {
            end++;
          }
          if (entry == null || !acceptAll(entry, events, k, end, drained ? w : epochs.current())) {
            for (int j = k; j < end; j++) { // new (or merged away meanwhile): the one-event path
              recordIn(events.get(j), drained, w);
            }
          }
          k = end;
        }
      } finally {
        if (drained) {
          epochs.exit(w);
        }
      }
    }
  }

  /** Takes events [from, to) of one customer into its entry; false if the entry was merged away. */
  private boolean acceptAll(CustomerEntry entry, List<? extends EngagementEvent> events, int from, int to, long w) {
    synchronized (entry) {
      if (entry.retired) {
        return false;
      }
      entry.beforeWrite(w, epochs.oldestOpenView(), strategies);
      for (int k = from; k < to; k++) {
        population.accept(entry.states, events.get(k));
      }
      return true;
    }
  }

  /**
   * Records what is known about a customer, creating the customer if new.
   *
   * @param customer the customer
   */
  public void register(Customer customer) {
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
  }

  /** The customer's entry, created (and added to every live summary) if new. */
  private CustomerEntry entryOf(String customer, long w) {
    CustomerEntry entry = byId.get(customer);
    return entry != null ? entry : byId.computeIfAbsent(customer, c -> newEntry(c, w));
  }

  private CustomerEntry newEntry(String id, long w) {
    CustomerEntry entry = new CustomerEntry(id, strategies, w);
    entries.add(entry);
    population.count(entry.states, true);
    return entry;
  }

  /**
   * Returns the ids of every customer not merged away, as of the call.
   *
   * @return a new list
   */
  public List<String> ids() {
    EntryList.Snapshot all = entries.snapshot();
    List<String> ids = new ArrayList<>(all.size());
    for (int k = 0; k < all.size(); k++) {
      CustomerEntry entry = all.entries()[k];
      if (!entry.retired) {
        ids.add(entry.id);
      }
    }
    return ids;
  }

  /**
   * Returns a customer's entry.
   *
   * @param id the customer id
   * @return the entry, or null if the customer has no state
   */
  public @Nullable CustomerEntry get(String id) {
    return byId.get(id);
  }

  /**
   * Reads a customer's entry under its lock.
   *
   * @param id the customer id
   * @param reader what to read
   * @param <T> what is read
   * @return what was read, or empty if the customer has no state
   */
  public <T> Optional<T> read(String id, Function<CustomerEntry, T> reader) {
    CustomerEntry entry = byId.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    synchronized (entry) {
      return Optional.of(reader.apply(entry));
    }
  }

  /**
   * Returns whether a customer has state.
   *
   * @param id the customer id
   * @return true if it does
   */
  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /**
   * Returns how many customers have state.
   *
   * @return the count
   */
  public int size() {
    return byId.size();
  }

  /**
   * Returns every entry by id (a live view, for snapshots and views).
   *
   * @return the entries by id
   */
  public Map<String, CustomerEntry> byId() {
    return byId;
  }

  /**
   * Returns the entries in creation order as they are now.
   *
   * @return the snapshot of the entry list
   */
  public EntryList.Snapshot snapshot() {
    return entries.snapshot();
  }

  /**
   * Returns the write epochs, which views are cut at.
   *
   * @return the epochs
   */
  public Epochs epochs() {
    return epochs;
  }

  /**
   * Returns how many restructurings have started and ended: odd while one runs.
   *
   * @return the count
   */
  public long restructured() {
    return restructured.get();
  }

  /**
   * Adds another table's customers to this one, registrations included (this table's win).
   *
   * @param other the other engine's table
   * @throws IllegalArgumentException if it is this table or keeps other strategies
   */
  public void mergeFrom(Customers other) {
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
      for (Map.Entry<String, CustomerEntry> e : other.byId.entrySet()) {
        CustomerEntry entry = entryOf(e.getKey(), w);
        synchronized (entry) {
          population.combineInto(entry.states, e.getValue().states);
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
  }

  /**
   * Folds one customer into another.
   *
   * @param from the customer that goes away
   * @param into the customer that keeps both histories, created if new
   * @return false if {@code from} has no state
   * @throws IllegalArgumentException if the ids are equal or {@code into} is not a valid id
   */
  public boolean mergeCustomer(String from, String into) {
    requireNonNull(from, "from");
    Customer.checkId(requireNonNull(into, "into"));
    if (from.equals(into)) {
      throw new IllegalArgumentException("a customer cannot be merged into itself: " + from);
    }
    synchronized (identityLock) {
      CustomerEntry source = byId.get(from);
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
    return true;
  }

  /** Folds entry source (id from) into target (id into). */
  private void fold(CustomerEntry source, CustomerEntry target, String from, String into) {
    synchronized (source) {
      synchronized (target) {
        population.count(source.states, false);
        population.combineInto(target.states, source.states);
        target.customer = mergedRegistration(into, target.customer, source.customer);
        source.retired = true;
        byId.remove(from, source);
      }
    }
  }

  /** What is known of a customer after a fold: the target's fields win, the source fills gaps. */
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
   * Replaces every customer with restored ones, and the live summaries with summaries of them.
   *
   * @param fresh the restored entries by id
   * @param swap run inside the restructuring, after the table is replaced (the engine resets its counts)
   */
  public void restore(Map<String, CustomerEntry> fresh, Runnable swap) {
    @Nullable PopulationSummary<?>[] rebuilt = population.fresh();
    for (CustomerEntry entry : fresh.values()) {
      LiveSummaries.addAll(rebuilt, entry.states);
    }
    restructured.incrementAndGet();
    long w = epochs.enter();
    try {
      EntryList list = new EntryList();
      fresh.values().forEach(list::add);
      byId.clear();
      population.replace(rebuilt);
      entries = list;
      byId.putAll(fresh);
      swap.run();
    } finally {
      epochs.exit(w);
      restructured.incrementAndGet();
    }
  }
}

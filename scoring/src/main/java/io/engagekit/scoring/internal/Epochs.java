package io.engagekit.scoring.internal;

import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The write epochs of an {@code EngagementEngine} and its open views: what makes a view a
 * consistent cut of the customers' states and the population summaries.
 *
 * <p>A writer {@link #enter enters} an epoch w before it touches any state or summary and {@link
 * #exit exits} after. Taking a view of epoch v (one at a time): register v as open, advance the
 * epoch to v + 1, wait until every writer of epoch v has exited, freeze the summaries, then let the
 * writers of epoch v + 1 (who wait at {@code enter} meanwhile) go on. So the view holds exactly the
 * writes of epochs up to v, in the states and in the summaries alike. Writers wait only while a view
 * freezes the summaries, which costs O(summary index), microseconds.
 */
public final class Epochs {
  private final AtomicLong epoch = new AtomicLong(1);
  /** The epoch whose view has frozen its summaries: writers of a later epoch wait for it. */
  private volatile long frozenThrough;
  private final LongAdder[] inflight = {new LongAdder(), new LongAdder()};
  private final ConcurrentSkipListSet<Long> open = new ConcurrentSkipListSet<>();
  private volatile long oldestOpen = Long.MAX_VALUE;

  /**
   * The current epoch, for a write that reads it under its customer's lock: enough for a consistent
   * cut of the customers' states (a view reads an entry only after its writer releases the lock),
   * but not of the population summaries, which need {@link #enter}.
   */
  public long current() {
    return epoch.get();
  }

  /** Enters a write; returns its epoch, to pass to {@link #exit}. */
  public long enter() {
    while (true) {
      long w = epoch.get();
      while (frozenThrough < w - 1) {
        Thread.onSpinWait(); // a view of epoch w - 1 is freezing the summaries
      }
      LongAdder counter = inflight[(int) (w & 1)];
      counter.increment();
      if (epoch.get() == w) {
        return w;
      }
      counter.decrement(); // a view began meanwhile: enter its successor epoch instead
    }
  }

  public void exit(long w) {
    inflight[(int) (w & 1)].decrement();
  }

  /** The epoch of the oldest open view, or {@code Long.MAX_VALUE} when none is open. */
  public long oldestOpenView() {
    return oldestOpen;
  }

  /**
   * Opens a view: returns its epoch v once every write of epoch v or before has finished; the caller
   * then freezes the summaries and calls {@link #frozen}. Callers serialise.
   */
  public synchronized long openView() {
    long v = epoch.get();
    open.add(v);
    oldestOpen = open.first();
    epoch.set(v + 1);
    LongAdder counter = inflight[(int) (v & 1)];
    while (counter.sum() != 0) {
      Thread.onSpinWait();
    }
    return v;
  }

  /** Lets writers of the epoch after view {@code v} go on. */
  public void frozen(long v) {
    frozenThrough = v;
  }

  /**
   * Freezes what a view opened at epoch v reads from outside the customers' states, once the
   * writes before it have drained, and then lets writes copy states for it.
   *
   * @param v the view's epoch, from {@link #openView}
   * @param freezer what to freeze
   * @param <T> what is frozen
   * @return what was frozen
   */
  public <T> T freeze(long v, Supplier<T> freezer) {
    try {
      return freezer.get();
    } finally {
      frozen(v);
    }
  }

  /** Closes a view; its versions may be dropped. */
  public synchronized void closeView(long v) {
    open.remove(v);
    oldestOpen = open.isEmpty() ? Long.MAX_VALUE : open.first();
  }
}

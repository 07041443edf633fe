package io.engagekit.scoring.loyalty;

import java.util.HashMap;
import java.util.function.ObjLongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * What the live summaries of the model-based strategies keep: the customers added, and a count of
 * each distinct purchaser summary {@code P} (for BG/NBD's kind, first and last purchase day, repeat
 * days and spend; for BG/BB's, first and last period and repeat periods), with the latest purchase
 * day or period seen. Not thread-safe; the summaries that hold one guard it.
 *
 * @param <P> a purchaser's summary, a value with equals and hashCode
 */
final class PurchaserCounts<P> {
  private final String strategy;
  private long customers;
  private long purchasers;
  private final HashMap<P, long[]> counts = new HashMap<>();
  private long latest = Long.MIN_VALUE;

  PurchaserCounts(String strategy) {
    this.strategy = strategy;
  }

  /** Adds a customer: a purchaser with their summary and latest purchase, or null for one without. */
  void add(@Nullable P purchaser, long last) {
    customers++;
    if (purchaser != null) {
      counts.computeIfAbsent(purchaser, k -> new long[1])[0]++;
      purchasers++;
      latest = Math.max(latest, last);
    }
  }

  /**
   * Removes a customer added before, as they were then.
   *
   * @throws IllegalStateException if there is no such customer
   */
  void remove(@Nullable P purchaser) {
    if (customers == 0) {
      throw new IllegalStateException("the " + strategy + " summary is empty");
    }
    if (purchaser != null) {
      long[] count = counts.get(purchaser);
      if (count == null) {
        throw new IllegalStateException("the " + strategy + " summary holds no " + purchaser);
      }
      if (--count[0] == 0) {
        counts.remove(purchaser);
      }
      purchasers--;
    }
    customers--;
  }

  /** Adds every customer of another; {@code other} is unchanged. */
  void combine(PurchaserCounts<P> other) {
    customers += other.customers;
    purchasers += other.purchasers;
    other.counts.forEach((p, n) -> counts.computeIfAbsent(p, k -> new long[1])[0] += n[0]);
    latest = Math.max(latest, other.latest);
  }

  long customers() {
    return customers;
  }

  long purchasers() {
    return purchasers;
  }

  /** The latest purchase day or period added, or {@code Long.MIN_VALUE} if none. */
  long latest() {
    return latest;
  }

  /** Gives each distinct purchaser summary with how many customers share it. */
  void forEach(ObjLongConsumer<P> action) {
    counts.forEach((p, n) -> action.accept(p, n[0]));
  }
}

package io.engagekit.scoring.internal;

import java.util.Arrays;

/**
 * The customer entries of an {@code EngagementEngine} in creation order, in one array, so that
 * rankings and passes scan memory sequentially rather than walk a hash map: an append-only list
 * whose readers take an O(1) {@link #snapshot}. Entries folded away by an identity merge stay until
 * {@link #compact}. Thread-safe.
 */
public final class EntryList {
  private CustomerEntry[] entries = new CustomerEntry[1024];
  private int size;
  private int retired;

  /** The entries appended so far: the first {@code size} of {@code entries} (which never change). */
  public record Snapshot(CustomerEntry[] entries, int size) {}

  public synchronized void add(CustomerEntry entry) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2); // readers keep the old array: its first size slots stay valid
    }
    entries[size++] = entry;
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(entries, size);
  }

  /** Counts an entry retired by an identity merge; drops retired entries once they are a quarter of the list. */
  public synchronized void retired() {
    if (++retired > size / 4) {
      CustomerEntry[] kept = new CustomerEntry[Math.max(1024, entries.length)];
      int n = 0;
      for (int i = 0; i < size; i++) {
        CustomerEntry e = entries[i];
        boolean gone;
        synchronized (e) {
          gone = e.retired;
        }
        if (!gone) {
          kept[n++] = e;
        }
      }
      entries = kept;
      size = n;
      retired = 0;
    }
  }
}

package io.engagekit.scoring.internal;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.ScoreState;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The engine's customer entries by id: an open-addressing hash table (linear probing) of an
 * {@code int[]} of id hashes beside an array of entries, 11 to 21 bytes a customer against a
 * {@code ConcurrentHashMap}'s 36 to 40, and laid out so that {@link #getAll} can look a block of ids up
 * one level of memory at a time (hash slots, then entries, then ids), letting the processor overlap
 * the cache misses of different ids instead of waiting for each chain in turn.
 *
 * <p>Thread-safe: reads take no lock; writes are serialised by the index's monitor. An entry is
 * published by writing it before its hash (release) and reading the hash before the entry
 * (acquire); a removed entry's slot keeps its hash and holds {@link #REMOVED} until the next
 * rebuild, so probe chains stay whole. A rebuild publishes a new table through a volatile field;
 * a reader on the table before sees the index as it was when its read began. Iteration is weakly
 * consistent, like a {@code ConcurrentHashMap}'s.
 */
final class IdIndex extends AbstractMap<String, CustomerEntry> {
  private static final VarHandle HASHES = MethodHandles.arrayElementVarHandle(int[].class);
  /** Marks a removed slot: its id matches no key. */
  private static final CustomerEntry REMOVED = new CustomerEntry("\u0000removed", new ScoreState<?>[0], 0);
  /** At most this share of the slots hold an entry or a removal before a rebuild. */
  private static final double MAX_LOAD = 0.75;

  private record Table(int[] hashes, CustomerEntry[] entries) {
    int mask() {
      return hashes.length - 1;
    }
  }

  private volatile Table table = new Table(new int[16], new CustomerEntry[16]);
  /** Live entries, and slots used (entries and removals); written under the monitor. */
  private volatile int size;
  private int used;

  /** A well-mixed, non-zero hash of an id (zero marks an empty slot). */
  static int hash(String id) {
    int h = id.hashCode() * 0x9E3779B9;
    h ^= h >>> 16;
    return h == 0 ? 1 : h;
  }

  @Override
  public @Nullable CustomerEntry get(Object key) {
    if (!(key instanceof String id)) {
      return null;
    }
    return find(table, id, hash(id));
  }

  private static @Nullable CustomerEntry find(Table t, String id, int h) {
    int[] hashes = t.hashes();
    int mask = t.mask();
    for (int p = h & mask; ; p = (p + 1) & mask) {
      int s = (int) HASHES.getAcquire(hashes, p);
      if (s == 0) {
        return null;
      }
      if (s == h) {
        CustomerEntry e = t.entries()[p];
        if (e != REMOVED && e.id.equals(id)) {
          return e;
        }
      }
    }
  }

  /**
   * Looks up {@code ids[0..n)} into {@code out[0..n)} (null where absent), equal to {@link #get}
   * of each, a level of memory at a time.
   *
   * @param ids the ids
   * @param n how many
   * @param out where the entries go
   * @param scratch an array of at least n ints
   */
  void getAll(String[] ids, int n, CustomerEntry[] out, int[] scratch) {
    Table t = table;
    int[] hashes = t.hashes();
    CustomerEntry[] entries = t.entries();
    int mask = t.mask();
    // 1. each id's home slot (read, so that its line is on its way)
    for (int k = 0; k < n; k++) {
      int h = hash(ids[k]);
      int p = h & mask;
      scratch[k] = (int) HASHES.getAcquire(hashes, p) == h ? p : -1 - p; // found at home, or probe from p
    }
    // 2. the first slot with the id's hash, probing on from home (usually within the line read),
    // then the entries there
    for (int k = 0; k < n; k++) {
      int p = scratch[k];
      if (p < 0) {
        int h = hash(ids[k]);
        p = -1 - p;
        int s;
        while ((s = (int) HASHES.getAcquire(hashes, p)) != h && s != 0) {
          p = (p + 1) & mask;
        }
        scratch[k] = s == 0 ? -1 : p;
      }
    }
    for (int k = 0; k < n; k++) {
      int p = scratch[k];
      out[k] = p >= 0 ? entries[p] : null;
    }
    // 3. each entry's id (the entry's line), 4. compared with the key (the id's characters)
    for (int k = 0; k < n; k++) {
      CustomerEntry e = out[k];
      if (e != null && (e == REMOVED || e.id.length() != ids[k].length())) {
        out[k] = find(t, ids[k], hash(ids[k]));
      }
    }
    for (int k = 0; k < n; k++) {
      CustomerEntry e = out[k];
      if (e != null && !e.id.equals(ids[k])) {
        out[k] = find(t, ids[k], hash(ids[k]));
      }
    }
  }

  @Override
  public synchronized CustomerEntry computeIfAbsent(String id,
      Function<? super String, ? extends CustomerEntry> create) {
    Table t = table;
    int h = hash(id);
    CustomerEntry found = find(t, id, h);
    if (found != null) {
      return found;
    }
    CustomerEntry e = requireNonNull(create.apply(id), "created entry");
    insert(id, h, e);
    return e;
  }

  @Override
  public synchronized @Nullable CustomerEntry put(String id, CustomerEntry entry) {
    requireNonNull(entry, "entry");
    int h = hash(id);
    Table t = table;
    int[] hashes = t.hashes();
    for (int p = h & t.mask(); hashes[p] != 0; p = (p + 1) & t.mask()) {
      CustomerEntry e = t.entries()[p];
      if (hashes[p] == h && e != REMOVED && e.id.equals(id)) {
        t.entries()[p] = entry; // a reader sees the old or the new entry
        return e;
      }
    }
    insert(id, h, entry);
    return null;
  }

  /** Adds an entry known to be absent (the monitor held). */
  private void insert(String id, int h, CustomerEntry e) {
    if (!id.equals(e.id)) {
      throw new IllegalArgumentException("entry of " + e.id + " indexed as " + id);
    }
    if (used + 1 > table.hashes().length * MAX_LOAD) {
      rebuild(Math.max(size + 1, 8));
    }
    Table t = table;
    int[] hashes = t.hashes();
    int p = h & t.mask();
    while (hashes[p] != 0) {
      p = (p + 1) & t.mask();
    }
    t.entries()[p] = e;
    HASHES.setRelease(hashes, p, h);
    used++;
    size++;
  }

  /** Replaces the table by one sized for {@code live} entries and no removals (the monitor held). */
  private void rebuild(int live) {
    // the least power of two at least twice the entries: loads of 0.25 to 0.5 after a rebuild, 0.75 before the next
    int capacity = live >= 1 << 29 ? 1 << 30 : Math.max(16, Integer.highestOneBit(2 * live - 1) << 1);
    Table old = table;
    int[] hashes = new int[capacity];
    CustomerEntry[] entries = new CustomerEntry[capacity];
    int mask = capacity - 1;
    for (int q = 0; q < old.hashes().length; q++) {
      CustomerEntry e = old.entries()[q];
      if (old.hashes()[q] != 0 && e != REMOVED) {
        int p = old.hashes()[q] & mask;
        while (hashes[p] != 0) {
          p = (p + 1) & mask;
        }
        hashes[p] = old.hashes()[q];
        entries[p] = e;
      }
    }
    used = size;
    table = new Table(hashes, entries); // volatile: publishes the arrays' contents
  }

  @Override
  public synchronized boolean remove(Object key, Object value) {
    if (!(key instanceof String id) || value == null) {
      return false;
    }
    Table t = table;
    int h = hash(id);
    for (int p = h & t.mask(); t.hashes()[p] != 0; p = (p + 1) & t.mask()) {
      if (t.hashes()[p] == h && t.entries()[p] == value) {
        t.entries()[p] = REMOVED;
        size--;
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized @Nullable CustomerEntry remove(Object key) {
    CustomerEntry e = get(key);
    return e != null && remove(key, e) ? e : null;
  }

  @Override
  public synchronized void clear() {
    table = new Table(new int[16], new CustomerEntry[16]);
    size = 0;
    used = 0;
  }

  @Override
  public synchronized void putAll(Map<? extends String, ? extends CustomerEntry> m) {
    if (used + m.size() > table.hashes().length * MAX_LOAD) {
      rebuild(size + m.size());
    }
    m.forEach(this::put);
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Map.Entry<String, CustomerEntry>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, CustomerEntry>> iterator() {
        Table t = table;
        return new Iterator<>() {
          private int p = -1;
          private @Nullable CustomerEntry next = advance();

          /** The next live entry after slot p, p moved to it; null at the end. */
          private @Nullable CustomerEntry advance() {
            while (++p < t.hashes().length) {
              if ((int) HASHES.getAcquire(t.hashes(), p) != 0) {
                CustomerEntry e = t.entries()[p];
                if (e != REMOVED) {
                  return e;
                }
              }
            }
            return null;
          }

          @Override
          public boolean hasNext() {
            return next != null;
          }

          @Override
          public Map.Entry<String, CustomerEntry> next() {
            CustomerEntry e = next;
            if (e == null) {
              throw new NoSuchElementException();
            }
            next = advance();
            return new SimpleImmutableEntry<>(e.id, e);
          }
        };
      }

      @Override
      public int size() {
        return IdIndex.this.size;
      }
    };
  }
}

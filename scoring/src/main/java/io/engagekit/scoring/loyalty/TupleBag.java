package io.engagekit.scoring.loyalty;

import java.util.Arrays;

/**
 * An exact multiset of tuples of finite doubles, unordered: what a population summary keeps when it
 * needs every customer's values together but no ranks ({@code loyalty.rfm}'s segment counts). Tuples
 * are hashed into 16,384 buckets; {@code add} and {@code remove} scan one bucket (about 60 tuples at a
 * million distinct), with no shifting of sorted runs.
 *
 * <p>{@link #frozenCopy()} returns an immutable copy in O(groups of buckets), 128 references: groups and
 * buckets are shared until this bag next writes to one, which it then copies. Not thread-safe; a frozen copy is safe to read from any
 * thread once published safely.
 */
final class TupleBag {
  private static final int BUCKETS = 16_384;
  /** Buckets per group: a frozen copy clones the 128 group references, not 16,384 bucket references. */
  private static final int GROUP = 128;

  private final int width;
  private final Group[] groups;
  private long size;
  private long generation; // a long: an int would wrap after 2^32 frozen copies and mistake a shared chunk for its own
  private final boolean frozen;

  /** Distinct tuples in no order, each with its multiplicity. */
  private static final class Bucket {
    double[] data;
    long[] counts;
    int n;
    final long generation;

    Bucket(int width, long generation) {
      this.data = new double[4 * width];
      this.counts = new long[4];
      this.generation = generation;
    }

    Bucket(Bucket from, long generation) {
      this.data = from.data.clone();
      this.counts = from.counts.clone();
      this.n = from.n;
      this.generation = generation;
    }
  }

  /** A group of buckets, shared with frozen copies until written in a newer generation. */
  private static final class Group {
    final Bucket[] buckets;
    final long generation;

    Group(Bucket[] buckets, long generation) {
      this.buckets = buckets;
      this.generation = generation;
    }
  }

  TupleBag(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be >= 1 but was " + width);
    }
    this.width = width;
    this.groups = new Group[BUCKETS / GROUP];
    for (int g = 0; g < groups.length; g++) {
      groups[g] = new Group(new Bucket[GROUP], 0);
    }
    this.frozen = false;
  }

  private TupleBag(TupleBag from) {
    this.width = from.width;
    this.groups = from.groups.clone();
    this.size = from.size;
    this.generation = from.generation;
    this.frozen = true;
  }

  long size() {
    return size;
  }

  /** Returns an immutable copy; later writes to this bag do not show in it. */
  TupleBag frozenCopy() {
    TupleBag copy = new TupleBag(this);
    if (!frozen) {
      generation++;
    }
    return copy;
  }

  void add(double... tuple) {
    check(tuple);
    int b = bucketOf(tuple);
    Bucket bucket = writable(b);
    int at = find(bucket, tuple);
    if (at >= 0) {
      bucket.counts[at]++;
    } else {
      if (bucket.n == bucket.counts.length) {
        bucket.data = Arrays.copyOf(bucket.data, bucket.data.length * 2);
        bucket.counts = Arrays.copyOf(bucket.counts, bucket.counts.length * 2);
      }
      System.arraycopy(tuple, 0, bucket.data, bucket.n * width, width);
      bucket.counts[bucket.n++] = 1;
    }
    size++;
  }

  /**
   * Removes one tuple equal to the given one.
   *
   * @throws IllegalStateException if the bag holds no such tuple
   */
  void remove(double... tuple) {
    check(tuple);
    int b = bucketOf(tuple);
    Bucket current = groups[b / GROUP].buckets[b % GROUP];
    int at = current == null ? -1 : find(current, tuple);
    if (at < 0) {
      throw new IllegalStateException("the summary holds no " + Arrays.toString(tuple));
    }
    Bucket bucket = writable(b); // a copy keeps the order, so the index holds
    if (--bucket.counts[at] == 0) { // move the last tuple into the gap
      int last = --bucket.n;
      System.arraycopy(bucket.data, last * width, bucket.data, at * width, width);
      bucket.counts[at] = bucket.counts[last];
    }
    size--;
  }

  /** Calls {@code visitor} with every distinct tuple and its multiplicity, in no order; the array is reused. */
  void forEach(Visitor visitor) {
    double[] tuple = new double[width];
    for (Group group : groups) {
      for (Bucket bucket : group.buckets) {
        if (bucket == null) {
          continue;
        }
        for (int i = 0; i < bucket.n; i++) {
          System.arraycopy(bucket.data, i * width, tuple, 0, width);
          visitor.accept(tuple, bucket.counts[i]);
        }
      }
    }
  }

  /** Adds every tuple of another bag of the same width. */
  void addAll(TupleBag other) {
    if (other.width != width) {
      throw new IllegalArgumentException("widths differ: " + width + " and " + other.width);
    }
    other.forEach((t, count) -> {
      for (long k = count; k > 0; k--) {
        add(t);
      }
    });
  }

  private void check(double[] tuple) {
    if (frozen) {
      throw new IllegalStateException("a frozen copy cannot change");
    }
    if (tuple.length != width) {
      throw new IllegalArgumentException("tuples have " + width + " values but " + tuple.length + " were given");
    }
  }

  /** Bucket b, its group and itself copied first if a frozen copy shares them. */
  private Bucket writable(int b) {
    int g = b / GROUP;
    Group group = groups[g];
    if (group.generation != generation) {
      group = new Group(group.buckets.clone(), generation);
      groups[g] = group;
    }
    Bucket bucket = group.buckets[b % GROUP];
    if (bucket == null) {
      bucket = new Bucket(width, generation);
      group.buckets[b % GROUP] = bucket;
    } else if (bucket.generation != generation) {
      bucket = new Bucket(bucket, generation);
      group.buckets[b % GROUP] = bucket;
    }
    return bucket;
  }

  private int find(Bucket bucket, double[] tuple) {
    outer:
    for (int i = 0; i < bucket.n; i++) {
      int base = i * width;
      for (int k = 0; k < width; k++) {
        if (Double.doubleToLongBits(bucket.data[base + k]) != Double.doubleToLongBits(tuple[k])) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private int bucketOf(double[] tuple) {
    long h = 0x9E3779B97F4A7C15L;
    for (double v : tuple) {
      h = (h ^ Double.doubleToLongBits(v)) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return (int) (h & (BUCKETS - 1));
  }

  /** Receives a tuple and its multiplicity. */
  interface Visitor {
    void accept(double[] tuple, long count);
  }

  @Override
  public String toString() {
    return "TupleBag[width=" + width + ", size=" + size + "]";
  }
}

package io.engagekit.scoring.loyalty;

import java.util.Arrays;

/**
 * An exact, sorted multiset of tuples of finite doubles that answers rank and selection queries
 * while tuples come and go: the population summary behind {@code loyalty.rfm}'s live quintiles and
 * {@code loyalty.decayed}'s live median spend.
 *
 * <p>Each element is a tuple of {@link #width()} doubles, ordered lexicographically by {@link
 * Double#compare}; the first is the <em>key</em> that rank queries ask about, the others ride
 * along (for example the raw values a score is computed from) and break ties, so that the order is
 * total and the content, not the order of updates, determines every answer. Answers are exact: the
 * rank error is zero at every size.
 *
 * <p>{@link #frozenCopy()} returns an immutable copy in O(n / 128) time: chunks are shared until
 * this multiset next writes to one, which it then copies (copy-on-write). A frozen copy is safe to
 * read from any thread once published safely; this multiset itself is not thread-safe.
 *
 * <p>Equal tuples are stored once with their multiplicity, so ties (purchase counts, equal spends)
 * cost nothing to add or remove. Costs, with d distinct tuples: {@code add}, {@code remove} O(log d
 * + 256) (a binary search, then at most a shift within one chunk of at most 256 tuples); {@code
 * countBelow}, {@code select} O(log d + 256). Memory: 8 bytes per double and 8 per distinct tuple,
 * plus about 1/256 for the chunk index.
 */
final class OrderStatistics {
  /* design note
   * Exact and home-made rather than a quantile sketch (DataSketches KLL or REQ): a customer's value
   * changes with every purchase, so the summary must replace values, and those sketches are
   * insert-only (a rebuild would be the pass over the population the live engine exists to avoid).
   * Sketches remain the right tool where summaries cross a wire (Flink). Figures: RESULTS.md 2026-12-05.
   */
  static final int CHUNK = 256; // 512 measured ~2x the shifting per update at 1M (RESULTS.md 2026-12-05)

  private final int width;
  private SortedChunk[] chunks;
  private int chunkCount;
  private long[] tree; // Fenwick tree over chunk sizes, 1-based
  /**
   * Each chunk's last tuple, end to end: the chunk-level binary search reads this one array rather
   * than a chunk object and its data per step (two cache misses each at a million tuples).
   */
  private double[] lasts;
  /**
   * Each chunk's number of tuples (with multiplicity), beside the index for the same reason: a
   * split or a removed chunk shifts these arrays and rebuilds the Fenwick tree from them, touching
   * no chunk (a rebuild over ~5,000 chunk objects cost ~0.5 ms at a million tuples).
   */
  private long[] totals;
  private long size;
  /** The generation this multiset writes in; chunks of an older one are shared with a frozen copy. */
  private long generation; // a long: an int would wrap after 2^32 frozen copies and mistake a shared chunk for its own
  private final boolean frozen;

  OrderStatistics(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be >= 1 but was " + width);
    }
    this.width = width;
    this.chunks = new SortedChunk[4];
    this.tree = new long[5];
    this.lasts = new double[4 * width];
    this.totals = new long[4];
    this.frozen = false;
  }

  /**
   * Returns a multiset of the given tuples, laid end to end in {@code flat} (which is not kept): the
   * same content as adding them one by one, built in O(n log n) for width 1.
   */
  static OrderStatistics of(double[] flat, int length, int width) {
    OrderStatistics s = new OrderStatistics(width);
    int n = length / width;
    if (width > 1) { // no caller needs wide tuples in bulk: add them one by one
      for (int i = 0; i < n; i++) {
        s.add(Arrays.copyOfRange(flat, i * width, (i + 1) * width));
      }
      return s;
    }
    double[] sorted = Arrays.copyOf(flat, n);
    Arrays.sort(sorted); // orders as Double.compare does
    int perChunk = CHUNK / 2;
    s.chunks = new SortedChunk[Math.max(4, (n + perChunk - 1) / perChunk)];
    SortedChunk chunk = null;
    for (int i = 0; i < n; i++) {
      if (chunk != null && chunk.n > 0 && Arrays.equals(sorted, i * width, (i + 1) * width,
          chunk.data, (chunk.n - 1) * width, chunk.n * width)) {
        chunk.counts[chunk.n - 1]++;
        chunk.total++;
        continue;
      }
      if (chunk == null || chunk.n == perChunk) {
        chunk = new SortedChunk(width, s.generation);
        s.chunks[s.chunkCount++] = chunk;
      }
      System.arraycopy(sorted, i * width, chunk.data, chunk.n * width, width);
      chunk.counts[chunk.n++] = 1;
      chunk.total++;
    }
    s.size = n;
    s.ensureIndexCapacity();
    for (int c = 0; c < s.chunkCount; c++) {
      s.totals[c] = s.chunks[c].total;
      s.setLast(c);
    }
    s.rebuildTree();
    return s;
  }

  private OrderStatistics(OrderStatistics from) {
    this.width = from.width;
    this.chunks = Arrays.copyOf(from.chunks, from.chunkCount);
    this.chunkCount = from.chunkCount;
    this.tree = Arrays.copyOf(from.tree, from.chunkCount + 1);
    this.lasts = Arrays.copyOf(from.lasts, from.chunkCount * from.width);
    this.totals = Arrays.copyOf(from.totals, from.chunkCount);
    this.size = from.size;
    this.generation = from.generation;
    this.frozen = true;
  }

  int width() {
    return width;
  }

  long size() {
    return size;
  }

  /**
   * Returns an immutable copy of this multiset, in time proportional to the number of chunks.
   * Later writes to this multiset do not show in the copy.
   */
  OrderStatistics frozenCopy() {
    OrderStatistics copy = new OrderStatistics(this);
    if (!frozen) {
      generation++; // every chunk now belongs to an older generation: the next write to it copies it
    }
    return copy;
  }

  private final double[] single = new double[1];

  /** Adds one value to a multiset of width 1, without allocating. */
  void add(double value) {
    single[0] = value;
    add(single);
  }

  /** Removes one value from a multiset of width 1, without allocating. */
  void remove(double value) {
    single[0] = value;
    remove(single);
  }

  /** Adds one tuple (its length must be the width). */
  void add(double[] tuple) {
    checkWritable(tuple);
    if (chunkCount == 0) {
      chunks[0] = new SortedChunk(width, generation);
      chunkCount = 1;
      totals[0] = 0;
      rebuildTree();
    }
    int c = chunkFor(tuple);
    SortedChunk chunk = writable(c);
    int at = insertionPoint(chunk, tuple);
    size++;
    chunk.total++;
    totals[c]++;
    if (at < chunk.n && compare(chunk.data, at, tuple) == 0) {
      chunk.counts[at]++; // ties (common: purchase counts) cost no shift
      treeAdd(c, 1);
      return;
    }
    System.arraycopy(chunk.data, at * width, chunk.data, (at + 1) * width, (chunk.n - at) * width);
    System.arraycopy(chunk.counts, at, chunk.counts, at + 1, chunk.n - at);
    System.arraycopy(tuple, 0, chunk.data, at * width, width);
    chunk.counts[at] = 1;
    chunk.n++;
    if (chunk.n == CHUNK) {
      split(c);
    } else {
      if (at == chunk.n - 1) {
        setLast(c);
      }
      treeAdd(c, 1);
    }
  }

  /**
   * Removes one tuple equal to the given one.
   *
   * @throws IllegalStateException if the multiset holds no such tuple
   */
  void remove(double[] tuple) {
    checkWritable(tuple);
    int c = chunkCount == 0 ? -1 : chunkFor(tuple);
    int at = c < 0 ? -1 : insertionPoint(chunks[c], tuple);
    if (c < 0 || at >= chunks[c].n || compare(chunks[c].data, at, tuple) != 0) {
      throw new IllegalStateException("the summary holds no " + Arrays.toString(tuple));
    }
    SortedChunk chunk = writable(c);
    size--;
    chunk.total--;
    totals[c]--;
    if (--chunk.counts[at] > 0) {
      treeAdd(c, -1);
      return;
    }
    System.arraycopy(chunk.data, (at + 1) * width, chunk.data, at * width, (chunk.n - at - 1) * width);
    System.arraycopy(chunk.counts, at + 1, chunk.counts, at, chunk.n - at - 1);
    chunk.n--;
    if (chunk.n == 0) {
      System.arraycopy(chunks, c + 1, chunks, c, chunkCount - c - 1);
      System.arraycopy(totals, c + 1, totals, c, chunkCount - c - 1);
      System.arraycopy(lasts, (c + 1) * width, lasts, c * width, (chunkCount - c - 1) * width);
      chunks[--chunkCount] = null;
      rebuildTree();
    } else {
      if (at == chunk.n) {
        setLast(c); // the last tuple went
      }
      treeAdd(c, -1);
    }
  }

  /** Returns how many tuples have a key strictly below {@code key}. */
  long countBelow(double key) {
    int lo = 0;
    int hi = chunkCount;
    while (lo < hi) { // the first chunk whose last key is >= key
      int mid = (lo + hi) >>> 1;
      if (lasts[mid * width] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo == chunkCount) {
      return size;
    }
    SortedChunk chunk = chunks[lo];
    int a = 0;
    int b = chunk.n;
    while (a < b) {
      int mid = (a + b) >>> 1;
      if (chunk.data[mid * width] < key) {
        a = mid + 1;
      } else {
        b = mid;
      }
    }
    return prefix(lo) + chunk.countBefore(a);
  }

  /** Returns how many tuples have a key equal to {@code key} (numerically, as {@code ==} does). */
  long countEqual(double key) {
    return countBelow(Math.nextUp(key)) - countBelow(key);
  }

  /**
   * Returns column {@code column} of the tuple of rank {@code rank} (from 0, in sorted order).
   *
   * @throws IndexOutOfBoundsException if the rank is not below the size
   */
  double select(long rank, int column) {
    if (rank < 0 || rank >= size) {
      throw new IndexOutOfBoundsException("rank " + rank + " of " + size);
    }
    // Fenwick descent: the chunk holding the element of this rank.
    int pos = 0;
    long remaining = rank;
    for (int step = Integer.highestOneBit(Math.max(1, chunkCount)); step > 0; step >>= 1) {
      int next = pos + step;
      if (next <= chunkCount && tree[next] <= remaining) {
        pos = next;
        remaining -= tree[next];
      }
    }
    SortedChunk chunk = chunks[pos];
    int i = 0;
    while (remaining >= chunk.counts[i]) {
      remaining -= chunk.counts[i++];
    }
    return chunk.data[i * width + column];
  }

  /** Adds every tuple of another multiset of the same width. */
  void addAll(OrderStatistics other) {
    if (other.width != width) {
      throw new IllegalArgumentException("widths differ: " + width + " and " + other.width);
    }
    double[] tuple = new double[width];
    for (int c = 0; c < other.chunkCount; c++) {
      SortedChunk chunk = other.chunks[c];
      for (int i = 0; i < chunk.n; i++) {
        System.arraycopy(chunk.data, i * width, tuple, 0, width);
        for (long k = chunk.counts[i]; k > 0; k--) {
          add(tuple);
        }
      }
    }
  }


  private void checkWritable(double[] tuple) {
    if (frozen) {
      throw new IllegalStateException("a frozen copy cannot change");
    }
    if (tuple.length != width) {
      throw new IllegalArgumentException("tuples have " + width + " values but " + tuple.length + " were given");
    }
  }

  /** The chunk a tuple belongs in: the first whose last tuple is >= it, else the last. */
  private int chunkFor(double[] tuple) {
    int lo = 0;
    int hi = chunkCount - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(lasts, mid, tuple) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first index in a chunk whose tuple is >= the given one. */
  private int insertionPoint(SortedChunk chunk, double[] tuple) {
    int lo = 0;
    int hi = chunk.n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(chunk.data, mid, tuple) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int compare(double[] data, int index, double[] tuple) {
    int base = index * width;
    for (int k = 0; k < width; k++) {
      int c = Double.compare(data[base + k], tuple[k]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Chunk c, copied first if a frozen copy shares it. */
  private SortedChunk writable(int c) {
    SortedChunk chunk = chunks[c];
    if (chunk.generation != generation) {
      chunk = new SortedChunk(chunk, generation);
      chunks[c] = chunk;
    }
    return chunk;
  }

  private void split(int c) {
    SortedChunk full = chunks[c];
    SortedChunk upper = new SortedChunk(width, generation);
    int half = full.n / 2;
    upper.n = full.n - half;
    System.arraycopy(full.data, half * width, upper.data, 0, upper.n * width);
    System.arraycopy(full.counts, half, upper.counts, 0, upper.n);
    full.n = half;
    long upperTotal = 0;
    for (int i = 0; i < upper.n; i++) {
      upperTotal += upper.counts[i];
    }
    upper.total = upperTotal;
    full.total -= upperTotal;
    if (chunkCount == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunkCount * 2);
    }
    ensureIndexCapacity();
    System.arraycopy(chunks, c + 1, chunks, c + 2, chunkCount - c - 1);
    System.arraycopy(totals, c + 1, totals, c + 2, chunkCount - c - 1);
    System.arraycopy(lasts, (c + 1) * width, lasts, (c + 2) * width, (chunkCount - c - 1) * width);
    chunks[c + 1] = upper;
    chunkCount++;
    totals[c] = full.total;
    totals[c + 1] = upper.total;
    setLast(c);
    setLast(c + 1);
    rebuildTree();
  }

  /** Grows the dense index arrays to the chunk array's capacity. */
  private void ensureIndexCapacity() {
    if (totals.length < chunks.length) {
      totals = Arrays.copyOf(totals, chunks.length);
    }
    if (lasts.length < chunks.length * width) {
      lasts = Arrays.copyOf(lasts, chunks.length * width);
    }
  }

  /** Rebuilds the Fenwick tree from {@link #totals}, in O(chunks) over one dense array. */
  private void rebuildTree() {
    if (tree.length < chunkCount + 1) {
      tree = new long[chunks.length + 1];
    } else {
      Arrays.fill(tree, 0L);
    }
    for (int i = 1; i <= chunkCount; i++) {
      tree[i] += totals[i - 1];
      int parent = i + (i & -i);
      if (parent <= chunkCount) {
        tree[parent] += tree[i];
      }
    }
  }

  /** Copies chunk c's last tuple into {@link #lasts}. */
  private void setLast(int c) {
    SortedChunk chunk = chunks[c];
    if (chunk.n > 0) {
      System.arraycopy(chunk.data, (chunk.n - 1) * width, lasts, c * width, width);
    }
  }

  private void treeAdd(int c, long delta) {
    for (int i = c + 1; i <= chunkCount; i += i & -i) {
      tree[i] += delta;
    }
  }

  /** The number of tuples in chunks before c. */
  private long prefix(int c) {
    long sum = 0;
    for (int i = c; i > 0; i -= i & -i) {
      sum += tree[i];
    }
    return sum;
  }

  @Override
  public String toString() {
    return "OrderStatistics[width=" + width + ", size=" + size + ", chunks=" + chunkCount + "]";
  }
}

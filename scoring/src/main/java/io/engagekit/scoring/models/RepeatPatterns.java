package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A population's repeat patterns with their counts, the summaries a customer-base model is fitted on,
 * as a mergeable multiset: shards that each count their own customers {@link #merge} into exactly
 * the counts of all of them, in any order. {@link #patterns()} lists the distinct patterns in one
 * canonical order ({@link #ORDER}), so a fit on merged counts equals, to the last bit, a fit on the
 * same customers counted in one place: the model strategies fit on this list.
 *
 * <pre>{@code
 * RepeatPatterns all = new RepeatPatterns();
 * shards.forEach(all::merge);
 * BgNbd model = BgNbd.fit(all.patterns()).model();
 * }</pre>
 *
 * <p>Not thread-safe. Memory grows with the number of distinct patterns, not customers: with times
 * in whole days, at most one per (x, t<sub>x</sub>, T) that occurs.
 *
 * @since 0.1
 */
public final class RepeatPatterns {
  /** The canonical order of patterns: by x, then t<sub>x</sub>, then T; counts are ignored. */
  public static final Comparator<RepeatPattern> ORDER = Comparator.comparingLong(RepeatPattern::x)
      .thenComparingDouble(RepeatPattern::tx).thenComparingDouble(RepeatPattern::T);

  private final TreeMap<RepeatPattern, long[]> counts = new TreeMap<>(ORDER);
  private long customers;

  /** Creates an empty multiset. */
  public RepeatPatterns() {}

  /**
   * Adds a pattern's customers: {@code p.customers()} more customers with its x, t<sub>x</sub> and T.
   *
   * @param p a pattern
   * @return this multiset
   * @throws ArithmeticException if a count would overflow a long
   */
  public RepeatPatterns add(RepeatPattern p) {
    requireNonNull(p, "pattern");
    long[] count = counts.computeIfAbsent(p, k -> new long[1]);
    count[0] = Math.addExact(count[0], p.customers());
    customers = Math.addExact(customers, p.customers());
    return this;
  }

  /**
   * Adds every customer counted in another multiset; {@code other} is unchanged.
   *
   * @param other another shard's patterns
   * @return this multiset
   * @throws ArithmeticException if a count would overflow a long
   */
  public RepeatPatterns merge(RepeatPatterns other) {
    requireNonNull(other, "other");
    if (other == this) {
      throw new IllegalArgumentException("a multiset cannot be merged into itself");
    }
    for (Map.Entry<RepeatPattern, long[]> e : other.counts.entrySet()) {
      add(withCount(e.getKey(), e.getValue()[0]));
    }
    return this;
  }

  /**
   * Returns the distinct patterns, each with its count, in {@link #ORDER}.
   *
   * @return a new list
   */
  public List<RepeatPattern> patterns() {
    List<RepeatPattern> list = new ArrayList<>(counts.size());
    for (Map.Entry<RepeatPattern, long[]> e : counts.entrySet()) {
      list.add(withCount(e.getKey(), e.getValue()[0]));
    }
    return list;
  }

  /**
   * Returns how many customers are counted.
   *
   * @return the total count
   */
  public long customers() {
    return customers;
  }

  /**
   * Returns how many distinct patterns there are.
   *
   * @return the number of distinct patterns
   */
  public int size() {
    return counts.size();
  }

  private static RepeatPattern withCount(RepeatPattern p, long count) {
    return new RepeatPattern(p.x(), p.tx(), p.T(), count);
  }

  /** Equal when the same patterns have the same counts. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RepeatPatterns other && patterns().equals(other.patterns());
  }

  @Override
  public int hashCode() {
    return patterns().hashCode();
  }

  @Override
  public String toString() {
    return "RepeatPatterns[patterns=" + counts.size() + ", customers=" + customers + "]";
  }
}

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
 * <p>Beside the transaction patterns it counts the repeat buyers' spend patterns (x and mean repeat
 * spend) that Gamma-Gamma is fitted on, when they are added with {@link #add(long, double)} or from a
 * customer's {@link PurchaseHistory.Calibration} ({@link #add(PurchaseHistory.Calibration)}): the one
 * multiset of what the customer-base models are fitted to.
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

  /** The canonical order of spend patterns: by x, then mean spend; counts are ignored. */
  public static final Comparator<SpendPattern> SPEND_ORDER = Comparator.comparingLong(SpendPattern::x)
      .thenComparingDouble(SpendPattern::meanSpend);

  private final TreeMap<RepeatPattern, long[]> counts = new TreeMap<>(ORDER);
  private final TreeMap<SpendPattern, long[]> spends = new TreeMap<>(SPEND_ORDER);
  private long customers;
  private long zeroSpenders;

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
   * Adds a customer's summary: its repeat pattern and, for a repeat buyer, its spend pattern.
   *
   * @param c a customer's calibration-period summary
   * @return this multiset
   * @throws ArithmeticException if a count would overflow a long
   */
  public RepeatPatterns add(PurchaseHistory.Calibration c) {
    RepeatPattern p = requireNonNull(c, "summary").pattern();
    add(p);
    if (p.x() > 0) {
      add(p.x(), c.meanRepeatSpend().getAsDouble());
    }
    return this;
  }

  /**
   * Adds a repeat buyer's spend pattern: {@code x} repeat transactions with mean spend {@code
   * meanSpend}. A mean of 0 is counted apart ({@link #zeroSpenders()}): Gamma-Gamma spends are
   * positive, so such buyers cannot be fitted on, though their expected spend can be predicted.
   *
   * @param x repeat transactions, at least 1
   * @param meanSpend the mean repeat spend, finite and {@code >= 0}
   * @return this multiset
   * @throws IllegalArgumentException if x is below 1 or the mean is negative or not finite
   * @throws ArithmeticException if a count would overflow a long
   */
  public RepeatPatterns add(long x, double meanSpend) {
    if (meanSpend == 0 && x >= 1) {
      zeroSpenders = Math.addExact(zeroSpenders, 1);
    } else {
      SpendPattern s = SpendPattern.of(x, meanSpend);
      long[] count = spends.computeIfAbsent(s, k -> new long[1]);
      count[0] = Math.addExact(count[0], 1);
    }
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
    for (Map.Entry<SpendPattern, long[]> e : other.spends.entrySet()) {
      long[] count = spends.computeIfAbsent(e.getKey(), k -> new long[1]);
      count[0] = Math.addExact(count[0], e.getValue()[0]);
    }
    zeroSpenders = Math.addExact(zeroSpenders, other.zeroSpenders);
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
   * Returns the distinct spend patterns of the repeat buyers with a positive mean spend, each with
   * its count, in {@link #SPEND_ORDER}: the data Gamma-Gamma is fitted on.
   *
   * @return a new list
   */
  public List<SpendPattern> spendPatterns() {
    List<SpendPattern> list = new ArrayList<>(spends.size());
    for (Map.Entry<SpendPattern, long[]> e : spends.entrySet()) {
      list.add(new SpendPattern(e.getKey().x(), e.getKey().meanSpend(), e.getValue()[0]));
    }
    return list;
  }

  /**
   * Returns how many repeat buyers were added with a mean repeat spend of 0.
   *
   * @return the count of zero spenders
   */
  public long zeroSpenders() {
    return zeroSpenders;
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

  /** Equal when the same patterns and spend patterns have the same counts. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RepeatPatterns other && patterns().equals(other.patterns())
        && spendPatterns().equals(other.spendPatterns()) && zeroSpenders == other.zeroSpenders;
  }

  @Override
  public int hashCode() {
    return patterns().hashCode() * 31 + spendPatterns().hashCode();
  }

  @Override
  public String toString() {
    return "RepeatPatterns[patterns=" + counts.size() + ", customers=" + customers + "]";
  }
}

package io.engagekit.scoring;

import io.engagekit.scoring.internal.CustomerEntry;
import io.engagekit.scoring.internal.EntryList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * The best {@code n} customers met so far, kept in a heap worst first: what an engine's or a view's
 * {@code top} scan collects. Not thread-safe: one per scanning thread.
 */
final class Ranking {
  /** Highest score first, then customer id. */
  static final Comparator<EngagementEngine.Ranked> BEST =
      Comparator.comparingDouble((EngagementEngine.Ranked r) -> r.score().value()).reversed()
          .thenComparing(EngagementEngine.Ranked::customer);

  private final int n;
  private final PriorityQueue<EngagementEngine.Ranked> worstFirst = new PriorityQueue<>(BEST.reversed());

  /**
   * Creates an empty ranking.
   *
   * @param n how many customers to keep, at least 1
   */
  Ranking(int n) {
    this.n = n;
  }

  /**
   * Returns whether a customer with this value and id would not enter the ranking: it is full and
   * the customer ranks below its worst. Lets a scan skip building a score.
   *
   * @param value the customer's score value
   * @param id the customer id
   * @return true if the customer cannot enter
   */
  boolean excludes(double value, String id) {
    if (worstFirst.size() < n) {
      return false;
    }
    EngagementEngine.Ranked worst = worstFirst.peek();
    return value < worst.score().value() || value == worst.score().value() && id.compareTo(worst.customer()) > 0;
  }

  /**
   * Offers a customer: kept if the ranking is not full or it ranks above the worst kept. A score
   * without evidence is never kept: no evidence is not a low score.
   *
   * @param r the customer and score
   */
  void offer(EngagementEngine.Ranked r) {
    if (!r.score().hasEvidence()) {
      return;
    }
    if (worstFirst.size() < n) {
      worstFirst.add(r);
    } else if (BEST.compare(r, worstFirst.peek()) < 0) {
      worstFirst.poll();
      worstFirst.add(r);
    }
  }

  /**
   * Ranks every entry by a pass, each scored under its lock: the general path of the engine's top.
   *
   * @param n how many, at least 1
   * @param all the entries
   * @param strategy strategy i
   * @param baseline its baseline, or null when it is not a population strategy
   * @param i the strategy's index
   * @param asOf the instant to score at
   * @return the best n, best first
   */
  static List<EngagementEngine.Ranked> scan(int n, EntryList.Snapshot all, ScoringStrategy<?> strategy,
      PopulationStrategy.@Nullable Baseline<?> baseline, int i, Instant asOf) {
    Ranking ranking = new Ranking(n);
    for (int k = 0; k < all.size(); k++) {
      CustomerEntry entry = all.entries()[k];
      synchronized (entry) {
        if (!entry.retired) {
          ranking.offer(new EngagementEngine.Ranked(entry.id, entry.score(strategy, baseline, i, asOf)));
        }
      }
    }
    return best(n, List.of(ranking));
  }

  /**
   * Returns the best {@code n} of several rankings' customers, best first.
   *
   * @param n how many at most
   * @param rankings rankings of disjoint customers
   * @return an unmodifiable list
   */
  static List<EngagementEngine.Ranked> best(int n, Collection<Ranking> rankings) {
    List<EngagementEngine.Ranked> all = new ArrayList<>();
    rankings.forEach(r -> all.addAll(r.worstFirst));
    all.sort(BEST);
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }
}

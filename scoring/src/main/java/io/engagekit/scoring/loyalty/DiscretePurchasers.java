package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.PopulationSummary;
import io.engagekit.scoring.RefittableSummary;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.models.DiscretePattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The live population of {@code loyalty.bgbb}: every purchaser's first and last purchase period and
 * repeat periods, counted, from which the patterns as of any instant follow. A refit copies the
 * distinct entries and fits outside the summary's lock; reads score against the latest fit, as of
 * their own instant. Not thread-safe, but for {@link #fitted} and reads of the fit.
 */
final class DiscretePurchasers implements PopulationSummary<DiscreteLoyalty.State>, RefittableSummary {
  private final DiscreteLoyalty strategy;
  private final PurchaserCounts<Purchaser> counts;
  private volatile @Nullable DiscreteBaseline fit;

  /** What the summary counts of a purchaser. */
  record Purchaser(int first, int last, long x) {
    static @Nullable Purchaser of(DiscreteLoyalty.State s) {
      return s.size == 0 ? null : new Purchaser(s.periods[0], s.periods[s.size - 1], s.size - 1L);
    }
  }

  DiscretePurchasers(DiscreteLoyalty strategy) {
    this.strategy = strategy;
    this.counts = new PurchaserCounts<>(strategy.name());
    if (strategy.model != null) {
      fit = strategy.given(0, 0, Instant.EPOCH); // scores need no population
    }
  }

  /**
   * A pattern with opportunities counted to period {@code end} (or to the last purchase, if later),
   * or null when the opportunities and the horizon exceed what BG/BB takes.
   */
  static @Nullable DiscretePattern pattern(long first, long last, long x, long end, long horizon) {
    long n = Math.max(end, last) - first;
    if (n > DiscretePattern.MAX_PERIODS - horizon) {
      return null;
    }
    return new DiscretePattern(x, x == 0 ? 0 : last - first, n, 1);
  }

  /** Scores wait for a fit the host triggers (the engine's refit policy). */
  @Override
  public boolean answersFromStates() {
    return false;
  }

  @Override
  public boolean changes(EngagementEvent event) {
    return event instanceof Touchpoint && ((Touchpoint) event).kind() == TouchpointKind.PURCHASE;
  }

  @Override
  public void add(DiscreteLoyalty.State state) {
    Purchaser p = Purchaser.of(state);
    counts.add(p, p == null ? Long.MIN_VALUE : p.last());
  }

  @Override
  public void remove(DiscreteLoyalty.State state) {
    counts.remove(Purchaser.of(state));
  }

  @Override
  public void combine(PopulationSummary<DiscreteLoyalty.State> other) {
    counts.combine(((DiscretePurchasers) other).counts);
  }

  @Override
  public long customers() {
    return counts.customers();
  }

  @Override
  public boolean fitted() {
    return fit != null;
  }

  @Override
  public @Nullable Instant latestPurchase() {
    return counts.latest() == Long.MIN_VALUE ? null : strategy.settings.start(counts.latest());
  }

  @Override
  public Runnable refit(Instant asOf) {
    long end = strategy.settings.lastEnded(requireNonNull(asOf, "asOf"));
    long horizon = strategy.settings.horizon();
    List<DiscretePattern> patterns = new ArrayList<>();
    counts.forEach((p, n) -> {
      DiscretePattern pattern = pattern(p.first(), p.last(), p.x(), end, horizon);
      if (pattern != null) {
        patterns.add(new DiscretePattern(pattern.frequency(), pattern.recency(), pattern.periods(), n));
      }
    });
    long population = counts.customers();
    return () -> fit = strategy.baselineOn(patterns, population, asOf);
  }

  @Override
  public @Nullable Score score(DiscreteLoyalty.State state, Customer customer, Instant asOf) {
    DiscreteBaseline f = fit;
    return f == null ? null : f.at(asOf).score(state);
  }

  @Override
  public @Nullable DiscreteBaseline baseline(Instant asOf) {
    requireNonNull(asOf, "asOf");
    if (strategy.model != null) {
      return strategy.given(counts.customers(), counts.purchasers(), asOf);
    }
    DiscreteBaseline f = fit;
    return f == null ? null : f.at(asOf);
  }
}

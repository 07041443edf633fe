package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.PopulationSummary;
import io.engagekit.scoring.RefittableSummary;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.models.PurchaseHistory;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.TransactionModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The live population of a model-based strategy ({@link ModelLoyalty}): every purchaser's first and
 * last purchase day, repeat days and repeat spend, counted, from which the patterns as of any
 * instant follow. A refit copies the distinct entries and fits outside the summary's lock; reads
 * score against the latest fit, as of their own instant. Not thread-safe, but for {@link #fitted}
 * and reads of the fit.
 */
final class ModelPatterns implements PopulationSummary<ModelLoyalty.State>, RefittableSummary {
  private final ModelLoyalty strategy;
  private final PurchaserCounts<Purchaser> counts;
  private volatile @Nullable ModelBaseline fit;

  /** A purchaser, as the summary counts them: what their patterns as of any instant follow from. */
  record Purchaser(int first, int last, long x, double repeatSpend) {
    /** What the summary counts of a customer, or null without purchases. */
    static @Nullable Purchaser of(ModelLoyalty.State state) {
      PurchaseHistory history = state.history;
      int n = history.days();
      if (n == 0) {
        return null;
      }
      double repeatSpend = 0;
      for (int i = 1; i < n; i++) {
        repeatSpend += history.spend(i); // in day order, as PurchaseHistory.summarize adds them
      }
      return new Purchaser((int) history.day(0).toEpochDay(), (int) history.day(n - 1).toEpochDay(), n - 1L,
          repeatSpend);
    }

    /** The summary as of the day {@code end}, as {@link ModelLoyalty.State#summary} makes it. */
    ModelLoyalty.Summary summary(long end, ModelSettings settings) {
      long to = Math.max(end, last);
      RepeatPattern p = RepeatPattern.of(x, settings.unit().of((long) last - first), settings.unit().of(to - first));
      double mean = x == 0 ? 0 : Math.min(Double.MAX_VALUE, Spend.amount(repeatSpend / x));
      return new ModelLoyalty.Summary(p.x(), p.tx(), p.T(), mean);
    }
  }

  ModelPatterns(ModelLoyalty strategy) {
    this.strategy = strategy;
    this.counts = new PurchaserCounts<>(strategy.name());
    TransactionModel model = strategy.model;
    if (model != null && strategy.kind != ModelLoyalty.Kind.CLV) {
      // Scores need no population: the probability of a purchase within the horizon is the customer's own.
      fit = new ModelBaseline(strategy, Instant.EPOCH, 0, model, null, List.of(), Map.of());
    }
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
  public void add(ModelLoyalty.State state) {
    Purchaser p = Purchaser.of(state);
    counts.add(p, p == null ? Long.MIN_VALUE : p.last());
  }

  @Override
  public void remove(ModelLoyalty.State state) {
    counts.remove(Purchaser.of(state));
  }

  @Override
  public void combine(PopulationSummary<ModelLoyalty.State> other) {
    counts.combine(((ModelPatterns) other).counts);
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
    return counts.latest() == Long.MIN_VALUE ? null
        : LocalDate.ofEpochDay(counts.latest()).atStartOfDay(strategy.settings.zone()).toInstant();
  }

  @Override
  public Runnable refit(Instant asOf) {
    requireNonNull(asOf, "asOf");
    long end = strategy.settings.day(asOf).toEpochDay();
    List<ModelLoyalty.Summary> summaries = new ArrayList<>();
    counts.forEach((p, n) -> {
      ModelLoyalty.Summary summary = p.summary(end, strategy.settings);
      for (long k = n; k > 0; k--) {
        summaries.add(summary);
      }
    });
    long population = counts.customers();
    return () -> fit = strategy.baselineOn(summaries, population, asOf);
  }

  @Override
  public @Nullable Score score(ModelLoyalty.State state, io.engagekit.core.Customer customer, Instant asOf) {
    ModelBaseline c = fit;
    return c == null ? null : c.at(asOf).score(state);
  }

  @Override
  public @Nullable ModelBaseline baseline(Instant asOf) {
    TransactionModel model = strategy.model;
    if (model != null && strategy.kind != ModelLoyalty.Kind.CLV) {
      // The figures describe the population there is now.
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put("customers", (double) counts.customers());
      figures.put("purchasers", (double) counts.purchasers());
      figures.putAll(model.parameters());
      figures.put("horizon", strategy.settings.horizonInUnits());
      return new ModelBaseline(strategy, requireNonNull(asOf, "asOf"), counts.customers(), model, null, List.of(),
          figures);
    }
    ModelBaseline c = fit;
    return c == null ? null : c.at(requireNonNull(asOf, "asOf"));
  }
}

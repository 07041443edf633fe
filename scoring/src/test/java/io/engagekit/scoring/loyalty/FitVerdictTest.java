package io.engagekit.scoring.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ModelFitException;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.PurchaseHistory;
import io.engagekit.scoring.models.RepeatPatterns;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 8: one fit, one verdict. The model classes (what {@code engagekit fit} and the
 * backtest call) and the model-based strategies judge a fit by {@code MaximumLikelihood}'s one rule,
 * and a fit that fails it fails in both with the same reason, including the boundary its likelihood
 * rose toward (the model classes throw; the strategies' baselines carry it as their failure and score
 * no evidence with it). The populations are planted: Poisson purchasing at gamma-distributed daily rates
 * (shape 1, mean 0.04 a day), first purchases in the first 30 days, an as-of day 273 (39 weeks).
 */
final class FitVerdictTest {
  private static final LocalDate START = LocalDate.of(2025, 1, 6);
  private static final LocalDate AS_OF = START.plusDays(273);

  /** Nobody drops out: BG/NBD's and Pareto/NBD's likelihoods rise toward their no-dropout limits. */
  @Test
  void noDropout_failsInTheModelAndTheStrategy_atTheSameBoundary() {
    List<PurchaseHistory> histories = plant(20_000, Double.POSITIVE_INFINITY, 1);

    ModelFitException model = assertThrows(ModelFitException.class, () -> BgNbd.fit(patterns(histories).patterns()));
    assertEquals(List.of("b → ∞"), model.boundary(), model.getMessage());
    assertTrue(model.getMessage().contains("the likelihood rises toward the boundary b → ∞"), model.getMessage());
    // The strategy does not throw from every score (issue 23): its baseline carries the same verdict.
    String strategy = baseline("loyalty.bgnbd", histories).failure().orElseThrow();
    assertTrue(strategy.startsWith("loyalty.bgnbd cannot fit BG/NBD on the 20000 customers"), strategy);
    assertTrue(strategy.contains(model.getMessage()), strategy);

    ModelFitException pareto = assertThrows(ModelFitException.class,
        () -> ParetoNbd.fit(patterns(histories).patterns()));
    assertTrue(pareto.boundary().contains("beta → ∞"), pareto.getMessage());
    String paretoStrategy = baseline("loyalty.paretonbd", histories).failure().orElseThrow();
    assertTrue(paretoStrategy.contains(pareto.getMessage()), paretoStrategy);
  }

  /** With dropout (exponential lifetimes, mean 50 days), both fit, to the same parameters. */
  @Test
  void withDropout_fitsInTheModelAndTheStrategy_alike() {
    List<PurchaseHistory> histories = plant(20_000, 50, 2);
    ModelFit<BgNbd> fit = BgNbd.fit(patterns(histories).patterns());
    PopulationStrategy.Baseline<?> b = baseline("loyalty.bgnbd", histories);
    assertTrue(b.failure().isEmpty());
    assertEquals(fit.parameters().get("a"), b.figures().get("a"), 1e-9 * fit.parameters().get("a"));
    assertEquals(fit.parameters().get("b"), b.figures().get("b"), 1e-9 * fit.parameters().get("b"));
    assertEquals(fit.logLikelihood(), b.figures().get("logLikelihood"), 1e-9 * Math.abs(fit.logLikelihood()));
  }

  /** Customers' purchase days: Poisson at a gamma(1) daily rate of mean 0.04, alive for an exponential lifetime. */
  private static List<PurchaseHistory> plant(int customers, double meanLifetimeDays, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<PurchaseHistory> out = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      double rate = -Math.log(1 - r.nextDouble()) * 0.04;
      int first = r.nextInt(30);
      double death = first - Math.log(1 - r.nextDouble()) * meanLifetimeDays;
      PurchaseHistory h = new PurchaseHistory().add(START.plusDays(first), 10);
      for (double t = first - Math.log(1 - r.nextDouble()) / rate; t < Math.min(273, death);
          t -= Math.log(1 - r.nextDouble()) / rate) {
        h.add(START.plusDays((long) t), 10);
      }
      out.add(h);
    }
    return out;
  }

  private static RepeatPatterns patterns(List<PurchaseHistory> histories) {
    RepeatPatterns p = new RepeatPatterns();
    for (PurchaseHistory h : histories) {
      p.add(h.summarize(AS_OF, null, PeriodUnit.WEEKS).orElseThrow());
    }
    return p;
  }

  @SuppressWarnings("unchecked")
  private static PopulationStrategy.Baseline<?> baseline(String name, List<PurchaseHistory> histories) {
    PopulationStrategy<ModelLoyalty.State> s = (PopulationStrategy<ModelLoyalty.State>) ScoringStrategies.named(name);
    List<ModelLoyalty.State> states = new ArrayList<>();
    for (int c = 0; c < histories.size(); c++) {
      ModelLoyalty.State state = s.newState();
      PurchaseHistory h = histories.get(c);
      for (int i = 0; i < h.days(); i++) {
        state.accept(Touchpoint.builder("c" + c, h.day(i).atTime(12, 0).toInstant(ZoneOffset.UTC), Channel.WEB,
            TouchpointKind.PURCHASE).value(h.spend(i)).build());
      }
      states.add(state);
    }
    return s.baseline(states, AS_OF.atTime(23, 59, 59).toInstant(ZoneOffset.UTC));
  }
}

package io.engagekit.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.scoring.CdnowEvents;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.Purchases;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, item 4, on the CDNOW sample (calibration to 1997-09-30, holdout to 1998-06-30, weeks):
 * the three transaction models in one table, with the published log-likelihoods (BG/NBD −9582.43
 * and Pareto/NBD −9594.98, Fader, Hardie &amp; Lee 2005; MBG/NBD −9582.14 as this library fits it,
 * README) and holdout errors with bootstrap intervals.
 */
final class ModelComparisonTest {
  private static Purchases.Cohort cdnow() {
    Purchases purchases = new Purchases(ZoneOffset.UTC);
    CdnowEvents.purchases().forEach(purchases::record);
    return purchases.cohort(LocalDate.of(1997, 9, 30), LocalDate.of(1998, 6, 30), PeriodUnit.WEEKS);
  }

  @Test
  void cdnow_threeModelsInOneTable() {
    Purchases purchases = new Purchases(ZoneOffset.UTC);
    CdnowEvents.purchases().forEach(purchases::record);
    ModelComparison c = ModelComparison.of(purchases, LocalDate.of(1997, 9, 30), LocalDate.of(1998, 6, 30),
        PeriodUnit.WEEKS, List.of("bgnbd", "paretonbd", "mbgnbd"), 200, 7);
    assertEquals(2357, c.customers());
    assertEquals(39, c.holdoutLength(), 1e-9);
    assertEquals(List.of("bgnbd", "paretonbd", "mbgnbd"), c.models().stream().map(ModelComparison.Row::model).toList());
    ModelComparison.Result bg = c.models().get(0).result().orElseThrow();
    ModelComparison.Result pareto = c.models().get(1).result().orElseThrow();
    ModelComparison.Result mbg = c.models().get(2).result().orElseThrow();
    assertEquals(-9582.43, bg.logLikelihood(), 0.01);
    assertEquals(-9594.98, pareto.logLikelihood(), 0.01);
    assertEquals(-9582.14, mbg.logLikelihood(), 0.01);
    assertEquals(8 + 2 * 9582.43, bg.aic(), 0.02);
    assertEquals(4 * Math.log(2357) - 2 * bg.logLikelihood(), bg.bic(), 1e-9);
    for (ModelComparison.Result r : List.of(bg, pareto, mbg)) {
      for (Estimate e : List.of(r.mae(), r.rmse(), r.aggregateError())) {
        assertTrue(e.low() <= e.value() && e.value() <= e.high(), e.toString());
      }
      assertTrue(r.rmse().value() >= r.mae().value());
      // Every model predicts the cohort's holdout purchases in aggregate within 10%.
      // Each model's conditional expectations sum to 11-17% under the cohort's 1,882 holdout purchase days (the
      // figure this comparison reports; the bootstrap interval excludes 0 for all three).
      assertTrue(r.aggregateError().value() > -0.20 && r.aggregateError().high() < 0, r.aggregateError().toString());
    }
    assertEquals(1882, c.holdoutTransactions());
    // Fader, Hardie & Lee (2005): BG/NBD's week-by-week tracking ends 4.1% under the actual cumulative repeat purchases.
    assertEquals(-0.041, bg.trackingError().getAsDouble(), 0.005);
    // Without the histories (a cohort alone) there is no tracking.
    assertTrue(ModelComparison.of(cdnow(), List.of("bgnbd"), 10, 1).models().get(0).result().orElseThrow()
        .trackingError().isEmpty()); // repeat purchase days 1997-10-01..1998-06-30 in CDNOW_sample.txt
  }

  @Test
  void badRequests_areRefused() {
    Purchases.Cohort cohort = cdnow();
    assertThrows(IllegalArgumentException.class, () -> ModelComparison.of(cohort, List.of("bgbb"), 10, 1));
    assertThrows(IllegalArgumentException.class, () -> ModelComparison.of(cohort, List.of("bgnbd", "bgnbd"), 10, 1));
    assertThrows(IllegalArgumentException.class, () -> ModelComparison.of(cohort, List.of(), 10, 1));
    Purchases p = new Purchases(ZoneOffset.UTC);
    CdnowEvents.purchases().forEach(p::record);
    Purchases.Cohort noHoldout = p.cohort(LocalDate.of(1997, 9, 30), null, PeriodUnit.WEEKS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelComparison.of(noHoldout, List.of("bgnbd"), 10, 1));
    assertTrue(e.getMessage().contains("needs a holdout"), e.getMessage());
  }
}

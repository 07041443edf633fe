package io.engagekit.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.CdnowEvents;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.loyalty.ModelSettings;
import io.engagekit.scoring.models.PeriodUnit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's acceptance on the CDNOW 1/10 sample (test resources of the models package; provenance
 * in its README.md), with the split of Fader, Hardie &amp; Lee (2005): calibration to 1997-09-30,
 * holdout to 1998-06-30 (39 weeks).
 */
final class BacktestCdnowTest {
  static final Instant CALIBRATION_END = Backtest.endOfDay(LocalDate.of(1997, 9, 30), ZoneOffset.UTC);
  static final Instant HOLDOUT_END = Backtest.endOfDay(LocalDate.of(1998, 6, 30), ZoneOffset.UTC);

  private static Backtest backtest;

  @BeforeAll
  static void run() {
    ModelSettings settings = Backtest.modelSettings(CALIBRATION_END, HOLDOUT_END, ZoneOffset.UTC, PeriodUnit.WEEKS);
    backtest = Backtest.create(List.of(ScoringStrategies.loyaltyBgNbd(settings),
        ScoringStrategies.loyaltyParetoNbd(settings), ScoringStrategies.loyaltyRfm(),
        ScoringStrategies.satisfactionCsat()), CALIBRATION_END, HOLDOUT_END, ZoneOffset.UTC);
    for (EngagementEvent e : CdnowEvents.purchases()) {
      backtest.record(e);
    }
  }

  /**
   * Fader, Hardie &amp; Lee (2005), section 4: the correlation between BG/NBD's expected holdout
   * purchases and the actual ones across the 2,357 customers is 0.626.
   */
  @Test
  void bgnbd_expectedHoldoutPurchases_correlate0626WithActual() {
    Evaluation e = backtest.evaluate(Outcome.REPEAT, 200, 1);
    assertEquals(2357, e.customers());
    // 1,882 repeat transactions in weeks 40-78 (4,339 in all less the 2,457 of calibration, Hardie's summary).
    assertEquals(1882, e.total(), 0);
    Evaluation.StrategyResult bgnbd = e.strategy("loyalty.bgnbd").orElseThrow();
    assertEquals("expected_transactions", bgnbd.predictor());
    assertEquals(0.626, bgnbd.pearson().value(), 0.002);
    assertTrue(bgnbd.pearson().low() < 0.626 && 0.626 < bgnbd.pearson().high(), bgnbd.pearson().toString());
    Evaluation.CountErrors counts = bgnbd.counts().orElseThrow();
    assertTrue(counts.mae() > 0 && counts.rmse() >= counts.mae(), counts.toString());
    // The satisfaction strategy has no survey answers to go on: every score is 0, an AUC of exactly 1/2.
    Evaluation.StrategyResult csat = e.strategy("satisfaction.csat").orElseThrow();
    assertEquals(0.5, csat.auc().value(), 0);
    assertEquals("score", csat.predictor());
    assertEquals(4, e.strategies().get(3).rank());
    assertEquals("satisfaction.csat", e.strategies().get(3).name());
  }

  /**
   * Fader, Hardie &amp; Lee (2005), figure 2 and section 4: by week 78 the sample's customers made
   * 4,339 repeat transactions (2,457 in calibration, Hardie's summary; 1,882 in the holdout), and
   * the BG/NBD's cumulative forecast is about 4% under it. Our fit gives 4.1% (the issue's
   * tolerance is ±0.5 points).
   */
  @Test
  void bgnbd_tracking_underForecastsWeek78By4Percent() {
    ModelCheck check = backtest.modelCheck("loyalty.bgnbd", PeriodUnit.WEEKS).orElseThrow();
    assertEquals(LocalDate.of(1997, 1, 1), check.start());
    assertEquals(78, check.weeks().size());
    ModelCheck.Week last = check.weeks().get(77);
    assertEquals(LocalDate.of(1998, 6, 30), last.end());
    assertEquals(4339, last.actual(), 0);
    assertEquals(-0.041, check.finalTrackingError().orElseThrow(), 0.005);
    assertEquals(2457, check.weeks().get(38).actual(), 0);
    assertTrue(!check.weeks().get(38).holdout() && check.weeks().get(39).holdout());
    // Figure 4: customers with x = 0 (1,411 of them) made few holdout purchases, and the model agrees.
    ModelCheck.Frequency zero = check.conditional().get(0);
    assertEquals(1411, zero.customers());
    assertEquals(zero.actual(), zero.expected(), 0.1);
  }

  @Test
  void retained_isJudgedByTheProbabilityOfAPurchase_withBrierAndCalibration() {
    Evaluation e = backtest.evaluate(Outcome.RETAINED, 200, 1);
    Evaluation.StrategyResult bgnbd = e.strategy("loyalty.bgnbd").orElseThrow();
    assertEquals("p_purchase", bgnbd.predictor());
    double brier = bgnbd.brier().orElseThrow().value();
    double base = (double) e.withOutcome() / e.customers();
    assertTrue(brier < base * (1 - base), brier + " against the base rate's " + base * (1 - base));
    assertTrue(bgnbd.auc().value() > 0.75, bgnbd.auc().toString());
    assertEquals(10, bgnbd.reliability().stream().mapToLong(b -> b.customers() > 0 ? 1 : 0).sum(), 3);
    assertTrue(e.strategy("loyalty.rfm").orElseThrow().brier().isEmpty());
  }
}

package io.engagekit.scoring.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.CdnowEvents;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.LifetimeValue;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.RepeatPattern;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code loyalty.bgnbd}, {@code loyalty.paretonbd} and {@code loyalty.clv}: the strategies with
 * models given, and fitted in place on the CDNOW 1/10 sample (the file of the
 * models' tests; provenance in {@code io/engagekit/scoring/models/README.md}).
 */
final class ModelLoyaltyTest {
  /** Fader, Hardie &amp; Lee (2005), CDNOW sample in weeks: r, α, a, b. */
  static final BgNbd CDNOW_BGNBD = new BgNbd(0.242594, 4.413603, 0.792923, 2.425898);
  /** Fader, Hardie &amp; Lee's Pareto/NBD estimates for the same data: r, α, s, β. */
  static final ParetoNbd CDNOW_PARETO = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
  /** Fader, Hardie &amp; Lee (2005, JMR), the 946 repeat buyers of the sample: p, q, γ. */
  static final GammaGamma CDNOW_SPEND = new GammaGamma(6.25, 3.74, 15.44);

  private static final Instant CALIBRATION_END = Instant.parse("1997-09-30T00:00:00Z");

  @SuppressWarnings("unchecked")
  private static ScoringStrategy<ModelLoyalty.State> cast(ScoringStrategy<?> s) {
    return (ScoringStrategy<ModelLoyalty.State>) s;
  }

  /** The sample's purchases as events, each at the start of its day in UTC. */
  static List<EngagementEvent> cdnowEvents() {
    return CdnowEvents.purchases();
  }

  private static EngagementEngine cdnowEngine(ScoringStrategy<?>... strategies) {
    EngagementEngine engine = EngagementEngine.of(List.of(strategies));
    for (EngagementEvent e : cdnowEvents()) {
      if (!e.at().isAfter(CALIBRATION_END)) {
        engine.record(e);
      }
    }
    return engine;
  }

  @Test
  void bgnbd_fittedInPlace_reproducesThePublishedFit_andScoresWithIt() {
    EngagementEngine engine = cdnowEngine(ScoringStrategies.loyaltyBgNbd(
        ModelSettings.defaults().withHorizon(Duration.ofDays(273))));
    Map<String, Double> figures = engine.baseline("loyalty.bgnbd", CALIBRATION_END).figures();
    assertEquals(List.of("customers", "purchasers", "logLikelihood", "r", "alpha", "a", "b", "horizon"),
        List.copyOf(figures.keySet()));
    assertEquals(2357.0, figures.get("customers"));
    // Fader, Hardie & Lee (2005): LL -9582.4, r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
    assertEquals(-9582.43, figures.get("logLikelihood"), 0.01);
    assertEquals(0.24259, figures.get("r"), 0.24259e-3);
    assertEquals(4.41360, figures.get("alpha"), 4.41360e-3);
    assertEquals(0.79292, figures.get("a"), 0.79292e-3);
    assertEquals(2.42589, figures.get("b"), 2.42589e-3);
    assertEquals(39.0, figures.get("horizon"), 1e-12);

    // Customer 0001: x = 2, t_x = 30.43, T = 38.86 weeks; E[Y(39)] = 1.2260 (as engagekit fit predicts).
    Score s = engine.score("0001", "loyalty.bgnbd", CALIBRATION_END).orElseThrow();
    RepeatPattern p = RepeatPattern.of(2, 213 / 7.0, 272 / 7.0);
    BgNbd fitted = new BgNbd(figures.get("r"), figures.get("alpha"), figures.get("a"), figures.get("b"));
    // Issue 23: the score is 100 · P(a purchase within the horizon), not 100 · P(alive).
    assertEquals(100 * fitted.probabilityOfRepeat(p, 39), s.value(), 1e-9);
    assertEquals(s.value(), s.contribution("p_purchase").orElseThrow(), 1e-12);
    // Issue 19 appended the fit's identity (when, on how many purchasers, its log-likelihood) to the measures.
    assertEquals(List.of("p_purchase", "expected_transactions", "p_alive", "x", "t_x", "T", "fit_as_of",
        "fit_customers", "fit_log_likelihood"), List.copyOf(s.measures().keySet()));
    assertEquals(fitted.probabilityAlive(p), s.measures().get("p_alive"), 1e-15);
    assertEquals(1.2260, s.measures().get("expected_transactions"), 5e-5);
    assertEquals(2.0, s.measures().get("x"));
    assertEquals(213 / 7.0, s.measures().get("t_x"), 1e-12);
    assertEquals(272 / 7.0, s.measures().get("T"), 1e-12);
  }

  @Test
  void paretonbd_fittedInPlace_reproducesThePublishedLogLikelihood() {
    EngagementEngine engine = cdnowEngine(ScoringStrategies.loyaltyParetoNbd());
    Map<String, Double> figures = engine.baseline("loyalty.paretonbd", CALIBRATION_END).figures();
    assertEquals(-9594.98, figures.get("logLikelihood"), 0.01);
    assertEquals(List.of("customers", "purchasers", "logLikelihood", "r", "alpha", "s", "beta", "horizon"),
        List.copyOf(figures.keySet()));
    ParetoNbd fitted = new ParetoNbd(figures.get("r"), figures.get("alpha"), figures.get("s"), figures.get("beta"));
    Score s = engine.score("0001", "loyalty.paretonbd", CALIBRATION_END).orElseThrow();
    RepeatPattern p = RepeatPattern.of(2, 213 / 7.0, 272 / 7.0);
    assertEquals(fitted.probabilityAlive(p), s.measures().get("p_alive"), 1e-12);
    assertEquals(100 * fitted.probabilityOfRepeat(p, 52), s.value(), 1e-9);
    assertEquals(fitted.expectedTransactions(p, 52), s.measures().get("expected_transactions"), 1e-12);
    assertEquals(fitted.probabilityOfRepeat(p, 52), s.measures().get("p_purchase"), 1e-12);
  }

  @Test
  void clv_fittedInPlace_fitsGammaGammaOnTheRepeatBuyers_andRanksByValue() {
    EngagementEngine engine = cdnowEngine(ScoringStrategies.loyaltyClv());
    PopulationStrategy.Baseline<?> c = engine.baseline("loyalty.clv", CALIBRATION_END);
    Map<String, Double> figures = c.figures();
    // Fader, Hardie & Lee (2005, JMR): p, q, gamma = 6.25, 3.74, 15.44 on the 946 repeat buyers.
    assertEquals(6.25, figures.get("p"), 6.25 * 0.002);
    assertEquals(3.74, figures.get("q"), 3.74 * 0.002);
    assertEquals(15.44, figures.get("gamma"), 15.44 * 0.002);
    assertEquals(-9582.43, figures.get("logLikelihood"), 0.01);
    assertEquals(12.0, figures.get("periods"));
    assertEquals(0.01, figures.get("discountRate"));

    BgNbd bgnbd = new BgNbd(figures.get("r"), figures.get("alpha"), figures.get("a"), figures.get("b"));
    GammaGamma spend = new GammaGamma(figures.get("p"), figures.get("q"), figures.get("gamma"));
    LifetimeValue lv = new LifetimeValue(bgnbd, spend, 52, 12, 0.01);
    // Customer 0001: x = 2 repeat days in baseline, t_x = 213 and T = 272 days.
    Score s = engine.score("0001", "loyalty.clv", CALIBRATION_END).orElseThrow();
    RepeatPattern p = RepeatPattern.of(2, 213 / 7.0, 272 / 7.0);
    double mean = s.measures().get("expected_spend");
    assertEquals(lv.discountedTransactions(p), s.measures().get("discounted_transactions"), 1e-12);
    assertEquals(mean * lv.discountedTransactions(p), s.measures().get("clv"), 1e-9);
    assertEquals(List.of("clv", "expected_spend", "discounted_transactions", "p_alive", "fit_as_of", "fit_customers",
        "fit_log_likelihood"), List.copyOf(s.measures().keySet())); // fit_*: appended by issue 19

    // Scores are the mid-rank percentiles of value: ordered as the values, within (0, 100].
    List<EngagementEngine.Ranked> all = engine.top(engine.customers(), "loyalty.clv", CALIBRATION_END);
    assertEquals(2357, all.size());
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1).score().measures().get("clv") >= all.get(i).score().measures().get("clv"),
          all.get(i - 1) + " before " + all.get(i));
    }
    assertEquals(100 * (2357 - 0.5 + 0.5) / 2357, all.get(0).score().value(), 1e-9);
    double total = all.stream().mapToDouble(r -> r.score().measures().get("clv")).sum();
    assertTrue(total > 0);
  }

  @Test
  void fitInPlace_onAPopulationThatDoesNotIdentifyTheModel_namesTheStrategy_andScoresNoEvidence() {
    ModelLoyalty.State one = (ModelLoyalty.State) ScoringStrategies.loyaltyBgNbd().newState();
    one.accept(purchase("c", "2026-01-01T10:00:00Z", 5));
    @SuppressWarnings("unchecked")
    PopulationStrategy<ModelLoyalty.State> s = (PopulationStrategy<ModelLoyalty.State>) ScoringStrategies.loyaltyBgNbd();
    // Issue 23, item 7: an unfitted model is a baseline that says why, and scores no evidence with it.
    PopulationStrategy.Baseline<ModelLoyalty.State> unfitted = s.baseline(List.of(one), Instant.parse("2026-02-01T00:00:00Z"));
    String reason = unfitted.failure().orElseThrow();
    assertTrue(reason.startsWith("loyalty.bgnbd cannot fit BG/NBD on the 1 customers with purchases as of "
        + "2026-02-01T00:00:00Z: BG/NBD cannot be fitted: no customer made a repeat purchase"), reason);
    assertEquals(Score.noEvidence(reason), unfitted.score(one));
    assertEquals(Map.of("customers", 1.0, "purchasers", 1.0), unfitted.figures());

    @SuppressWarnings("unchecked")
    PopulationStrategy<ModelLoyalty.State> clv = (PopulationStrategy<ModelLoyalty.State>) ScoringStrategies.loyaltyClv(
        CDNOW_BGNBD, null, ModelSettings.defaults());
    ModelLoyalty.State free = clv.newState();
    free.accept(purchase("c", "2026-01-01T10:00:00Z", 0));
    free.accept(purchase("c", "2026-01-03T10:00:00Z", 0));
    String spendless = clv.baseline(List.of(free), Instant.parse("2026-02-01T00:00:00Z")).failure().orElseThrow();
    assertTrue(spendless.contains("are the purchase values missing?"), spendless);
  }

  @Test
  void summary_countsOnePurchasePerDayInTheZone_andReadsTheStateAsOfItsLastDay() {
    ScoringStrategy<?> s = ScoringStrategies.loyaltyBgNbd(CDNOW_BGNBD,
        ModelSettings.defaults().withZone(java.time.ZoneId.of("America/New_York")).withUnit(PeriodUnit.DAYS));
    ModelLoyalty.State state = (ModelLoyalty.State) s.newState();
    // 2026-01-01 22:00 and 2026-01-02 03:00 UTC are both 2026-01-01 in New York; 2026-01-05 is a repeat day.
    state.accept(purchase("c", "2026-01-01T22:00:00Z", 10));
    state.accept(purchase("c", "2026-01-02T03:00:00Z", 10));
    state.accept(purchase("c", "2026-01-05T15:00:00Z", 10));
    state.accept(Touchpoint.builder("c", Instant.parse("2026-01-06T15:00:00Z"), Channel.EMAIL, TouchpointKind.VISIT).build());
    ModelLoyalty.Summary at = state.summary(Instant.parse("2026-01-11T12:00:00Z"));
    assertEquals(new ModelLoyalty.Summary(1, 4, 10, 10), at);
    // An instant before the last purchase reads the state as of the last purchase's day.
    assertEquals(new ModelLoyalty.Summary(1, 4, 4, 10), state.summary(Instant.parse("2025-01-01T00:00:00Z")));
  }

  @Test
  void readState_refusesDaysOutOfOrder() throws IOException {
    ScoringStrategy<ModelLoyalty.State> s = cast(ScoringStrategies.loyaltyBgNbd(CDNOW_BGNBD, ModelSettings.defaults()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(2);
    out.writeInt(100);
    out.writeDouble(1);
    out.writeInt(100);
    out.writeDouble(1);
    IOException e = assertThrows(IOException.class,
        () -> s.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    assertEquals("invalid loyalty.bgnbd state: purchase day 1 is epoch day 100 with spend 1.0 (days must increase,"
        + " spends be finite and >= 0)", e.getMessage());
  }

  @Test
  void registry_findsTheModelStrategies() {
    assertEquals("loyalty.bgnbd", ScoringStrategies.named("loyalty.bgnbd").name());
    assertEquals("loyalty.paretonbd", ScoringStrategies.named("loyalty.paretonbd").name());
    assertEquals("loyalty.clv", ScoringStrategies.named("loyalty.clv").name());
    assertTrue(ScoringStrategies.named("loyalty.clv") instanceof PopulationStrategy);
  }

  private static Touchpoint purchase(String customer, String at, double value) {
    return Touchpoint.builder(customer, Instant.parse(at), Channel.WEB, TouchpointKind.PURCHASE).value(value).build();
  }

  @Test
  void onlyTheTransactionModelsGivenAFittedModel_areIndependentOfThePopulation() {
    ModelSettings weeks = ModelSettings.defaults();
    assertTrue(ScoringStrategies.loyaltyBgNbd(weeks).dependsOnPopulation());
    assertTrue(ScoringStrategies.loyaltyParetoNbd(weeks).dependsOnPopulation());
    assertTrue(!ScoringStrategies.loyaltyBgNbd(CDNOW_BGNBD, weeks).dependsOnPopulation());
    assertTrue(!ScoringStrategies.loyaltyParetoNbd(CDNOW_PARETO, weeks).dependsOnPopulation());
    // Lifetime value is a percentile of the population's values, whatever the models.
    assertTrue(ScoringStrategies.loyaltyClv(CDNOW_BGNBD, CDNOW_SPEND, weeks).dependsOnPopulation());
    assertTrue(ScoringStrategies.loyaltyRfm().dependsOnPopulation());
  }


  /**
   * Issue 23, item 1: as 100 · P(alive), BG/NBD gave all 1,411 of CDNOW's 2,357 customers without a
   * repeat purchase (x = 0, P(alive) = 1 by the model) the top score of 100, above every repeat buyer,
   * and top(n) returned one-time buyers. Scored by the probability of a purchase within the horizon,
   * no one-time buyer ranks above every repeat buyer, and the top tenth holds repeat buyers only.
   */
  @Test
  void onCdnow_oneTimeBuyersDoNotOutrankEveryRepeatBuyer() {
    for (String name : new String[] {"loyalty.bgnbd", "loyalty.paretonbd", "loyalty.mbgnbd"}) {
      EngagementEngine engine = cdnowEngine(ScoringStrategies.named(name));
      List<EngagementEngine.Ranked> all = engine.top(engine.customers(), name, CALIBRATION_END);
      assertEquals(2357, all.size());
      double bestRepeat = all.stream().filter(r -> r.score().measures().get("x") > 0)
          .mapToDouble(r -> r.score().value()).max().orElseThrow();
      long oneTimeAbove = all.stream().filter(r -> r.score().measures().get("x") == 0)
          .filter(r -> r.score().value() >= bestRepeat).count();
      assertEquals(0, oneTimeAbove, name);
      long oneTime = all.stream().filter(r -> r.score().measures().get("x") == 0).count();
      assertEquals(1411, oneTime, name + ": CDNOW's one-time buyers in weeks 1-39 (Fader, Hardie & Lee 2005)");
      assertTrue(all.subList(0, 235).stream().allMatch(r -> r.score().measures().get("x") > 0),
          name + ": a one-time buyer in the top tenth");
      // P(alive) is still reported, and is 1 for one-time buyers under BG/NBD: why it is not the score.
      if (name.equals("loyalty.bgnbd")) {
        assertTrue(all.stream().filter(r -> r.score().measures().get("x") == 0)
            .allMatch(r -> r.score().measures().get("p_alive") == 1.0), name);
      }
    }
  }
}

package io.engagekit.scoring.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.models.BgBb;
import io.engagekit.scoring.models.DiscretePattern;
import io.engagekit.scoring.models.FittedModel;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ModelType;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** {@code loyalty.bgbb} (issue 23): BG/BB on discrete-time purchases, checked on the donations data. */
final class DiscreteLoyaltyTest {
  /** Fader, Hardie &amp; Shang (2010), section 4: the donations of 1995's first-time supporters. */
  static final BgBb DONATIONS = new BgBb(1.204, 0.750, 0.657, 2.783);
  /** The last day of 2001, the last of the six repeat opportunities: the day of the scoring instant counts. */
  private static final Instant END_2001 = Instant.parse("2001-12-31T00:00:00Z");

  @SuppressWarnings("unchecked")
  private static PopulationStrategy<DiscreteLoyalty.State> cast(ScoringStrategy<?> s) {
    return (PopulationStrategy<DiscreteLoyalty.State>) s;
  }

  /** The donations patterns ({@code frequency,recency,periods,weights}; see the models' test-data README). */
  static List<DiscretePattern> donations() throws IOException {
    List<DiscretePattern> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        DiscreteLoyaltyTest.class.getResourceAsStream("/io/engagekit/scoring/models/donations.csv")),
        StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",");
        out.add(new DiscretePattern(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
            Long.parseLong(f[3])));
      }
    }
    return out;
  }

  /**
   * The patterns as donations: each supporter gives on 15 June 1995, then in the years 1995 + k for
   * k = 1..x−1 and at t_x (which years besides the last does not change x, t_x or n).
   */
  static List<EngagementEvent> donationEvents() throws IOException {
    List<EngagementEvent> events = new ArrayList<>();
    int id = 0;
    for (DiscretePattern p : donations()) {
      for (long c = 0; c < p.customers(); c++) {
        String customer = "d" + ++id;
        events.add(gift(customer, 1995));
        for (long k = 1; k < p.frequency(); k++) {
          events.add(gift(customer, 1995 + (int) k));
        }
        if (p.frequency() > 0) {
          events.add(gift(customer, 1995 + (int) p.recency()));
        }
      }
    }
    return events;
  }

  private static Touchpoint gift(String customer, int year) {
    return Touchpoint.builder(customer, LocalDate.of(year, 6, 15).atStartOfDay(ZoneOffset.UTC).toInstant(),
        Channel.WEB, TouchpointKind.PURCHASE).value(25).build();
  }

  private static EngagementEngine engine(ScoringStrategy<?> strategy) throws IOException {
    EngagementEngine engine = EngagementEngine.of(List.of(strategy));
    donationEvents().forEach(engine::record);
    return engine;
  }

  /** Fitted in place on the donations as events, BG/BB's published estimates come back, and scores use them. */
  @Test
  void fittedInPlace_onTheDonations_reproducesThePublishedFit() throws IOException {
    EngagementEngine engine = engine(ScoringStrategies.loyaltyBgBb());
    Map<String, Double> figures = engine.baseline("loyalty.bgbb", END_2001).figures();
    assertEquals(List.of("customers", "purchasers", "alpha", "beta", "gamma", "delta", "logLikelihood", "horizon"),
        List.copyOf(figures.keySet()));
    assertEquals(11_104.0, figures.get("customers"));
    assertEquals(11_104.0, figures.get("purchasers"));
    // Fader, Hardie & Shang (2010), section 4: α, β, γ, δ = 1.204, 0.750, 0.657, 2.783; LL −33,225.6.
    assertEquals(1.204, figures.get("alpha"), 0.002 * 1.204);
    assertEquals(0.750, figures.get("beta"), 0.002 * 0.750);
    assertEquals(0.657, figures.get("gamma"), 0.002 * 0.657);
    assertEquals(2.783, figures.get("delta"), 0.002 * 2.783);
    assertEquals(-33_225.6, figures.get("logLikelihood"), 0.1);
    // And exactly what BgBb.fit gives on the pattern file.
    ModelFit<BgBb> direct = BgBb.fit(donations());
    assertEquals(direct.model().alpha(), figures.get("alpha"), 1e-6 * direct.model().alpha());
    assertEquals(direct.model().delta(), figures.get("delta"), 1e-6 * direct.model().delta());
    BgBb fitted = new BgBb(figures.get("alpha"), figures.get("beta"), figures.get("gamma"), figures.get("delta"));

    // d1 is the first of the 3,464 supporters who never gave again: x = 0, n = 6.
    Score once = engine.score("d1", "loyalty.bgbb", END_2001).orElseThrow();
    DiscretePattern p = new DiscretePattern(0, 0, 6, 1);
    assertEquals(100 * fitted.probabilityOfRepeat(p, 1), once.value(), 1e-9);
    assertEquals(List.of("p_purchase", "expected_transactions", "p_alive", "x", "t_x", "n", "fit_as_of",
        "fit_customers", "fit_log_likelihood"), List.copyOf(once.measures().keySet()));
    assertEquals(fitted.probabilityAlive(p), once.measures().get("p_alive"), 1e-15);
    assertEquals(fitted.expectedTransactions(p, 1), once.measures().get("expected_transactions"), 1e-15);
    assertEquals(6.0, once.measures().get("n"));
  }

  /**
   * The live summary (refitted on the engine's policy) and a batch pass over the states fit the
   * same model and give the same scores, also after a customer's identities are merged (which
   * removes both from the summary and adds the merged state).
   */
  @Test
  void liveSummary_equalsABatchPass_alsoAfterAMerge() throws IOException {
    List<EngagementEvent> events = donationEvents();
    EngagementEngine live = EngagementEngine.of(List.of(ScoringStrategies.loyaltyBgBb()));
    EngagementEngine batch = EngagementEngine.forBatch(List.of(ScoringStrategies.loyaltyBgBb()));
    events.forEach(live::record);
    events.forEach(batch::record);
    live.mergeCustomer("d11104", "d1");
    batch.mergeCustomer("d11104", "d1");
    live.refit(END_2001);
    Map<String, Double> a = live.baseline("loyalty.bgbb", END_2001).figures();
    Map<String, Double> b = batch.baseline("loyalty.bgbb", END_2001).figures();
    assertEquals(11_103.0, a.get("customers"));
    for (String k : List.of("customers", "purchasers", "alpha", "beta", "gamma", "delta", "logLikelihood")) {
      assertEquals(b.get(k), a.get(k), 1e-9 * Math.abs(b.get(k)), k);
    }
    for (String id : List.of("d1", "d2", "d5000", "d11000")) {
      assertEquals(batch.score(id, "loyalty.bgbb", END_2001).orElseThrow().value(),
          live.score(id, "loyalty.bgbb", END_2001).orElseThrow().value(), 1e-9, id);
    }
  }

  /** Who ranks first: supporters who gave every year; no one-time supporter outranks every repeat one. */
  @Test
  void onTheDonations_regularSupportersRankFirst_andOneTimeSupportersLast() throws IOException {
    EngagementEngine engine = engine(ScoringStrategies.loyaltyBgBb(DONATIONS, DiscreteSettings.defaults()));
    List<EngagementEngine.Ranked> all = engine.top(engine.customers(), "loyalty.bgbb", END_2001);
    assertEquals(11_104, all.size());
    Score top = all.get(0).score();
    assertEquals(6.0, top.measures().get("x"));
    double bestOnce = 0;
    double worstRepeat = 100;
    for (EngagementEngine.Ranked r : all) {
      if (r.score().measures().get("x") == 0) {
        bestOnce = Math.max(bestOnce, r.score().value());
      } else if (r.score().measures().get("t_x") == 6) { // gave in 2001
        worstRepeat = Math.min(worstRepeat, r.score().value());
      }
    }
    assertTrue(bestOnce < worstRepeat, bestOnce + " vs " + worstRepeat);
  }

  /** The current, unfinished period is not an opportunity until it ends, or until the customer buys in it. */
  @Test
  void opportunities_countEndedPeriods_andAPurchaseInTheCurrentOne() {
    PopulationStrategy<DiscreteLoyalty.State> s = cast(ScoringStrategies.loyaltyBgBb(DONATIONS,
        DiscreteSettings.defaults()));
    DiscreteLoyalty.State state = s.newState();
    state.accept(gift("c", 1995));
    state.accept(gift("c", 1997));
    Score midYear = s.score(state, Instant.parse("2001-06-30T12:00:00Z"));
    assertEquals(5.0, midYear.measures().get("n")); // 1996..2000 ended; 2001 has not
    assertEquals(6.0, s.score(state, END_2001).measures().get("n"));
    assertEquals(2.0, midYear.measures().get("t_x"));
    state.accept(gift("c", 2001));
    Score bought = s.score(state, Instant.parse("2001-06-30T12:00:00Z"));
    assertEquals(6.0, bought.measures().get("n"));
    assertEquals(2.0, bought.measures().get("x"));
    // Two purchases in one year are one transaction.
    state.accept(gift("c", 2001).toBuilder().at(Instant.parse("2001-11-01T00:00:00Z")).build());
    assertEquals(2.0, s.score(state, END_2001).measures().get("x"));
    // In another zone the year ends 14 hours earlier.
    PopulationStrategy<DiscreteLoyalty.State> kiribati = cast(ScoringStrategies.loyaltyBgBb(DONATIONS,
        DiscreteSettings.defaults().withZone(java.time.ZoneId.of("Pacific/Kiritimati"))));
    DiscreteLoyalty.State k = kiribati.newState();
    k.accept(gift("c", 1995));
    assertEquals(6.0, kiribati.score(k, Instant.parse("2001-12-30T10:00:00Z")).measures().get("n")); // the 31st there
    assertEquals(5.0, s.score(k, Instant.parse("2001-12-30T10:00:00Z")).measures().get("n"));
    assertFalse(kiribati.score(kiribati.newState(), END_2001).hasEvidence());
  }

  @Test
  void fitInPlace_onAPopulationThatDoesNotIdentifyTheModel_scoresNoEvidenceWithTheReason() {
    PopulationStrategy<DiscreteLoyalty.State> s = cast(ScoringStrategies.loyaltyBgBb());
    DiscreteLoyalty.State one = s.newState();
    one.accept(gift("c", 2020));
    PopulationStrategy.Baseline<DiscreteLoyalty.State> b = s.baseline(List.of(one), END_2001.plusSeconds(86_400L * 7000));
    String reason = b.failure().orElseThrow();
    assertTrue(reason.startsWith("loyalty.bgbb cannot fit BG/BB on the 1 customers with purchases as of "), reason);
    assertEquals(Score.noEvidence(reason), b.score(one));
    assertEquals(Map.of("customers", 1.0, "purchasers", 1.0), b.figures());
    PopulationStrategy.Baseline<DiscreteLoyalty.State> none = s.baseline(List.of(s.newState()), END_2001);
    assertTrue(none.failure().orElseThrow().endsWith("no customer has a purchase; fit the model on more data and give"
        + " it to the strategy"), none.failure().orElseThrow());
  }

  /** A given model scores each customer alone, the same in a batch pass and in a live engine. */
  @Test
  void givenModel_scoresAlone_andModelStrategiesTakeABgbbModel() throws IOException {
    PopulationStrategy<?> given = ScoringStrategies.loyaltyBgBb(DONATIONS, DiscreteSettings.defaults());
    assertFalse(given.dependsOnPopulation());
    assertTrue(ScoringStrategies.loyaltyBgBb().dependsOnPopulation());
    FittedModel fitted = new FittedModel(ModelType.BGBB, DONATIONS.parameters(), Map.of("alpha", 0.05, "beta", 0.03, "gamma", 0.05, "delta", 0.3), -33_225.6, 11_104, 10, null,
        null, null);
    ModelStrategies models = ModelStrategies.of(List.of(fitted));
    PopulationStrategy<?> s = models.strategy("loyalty.bgbb", ModelSettings.defaults(),
        DiscreteSettings.defaults()).orElseThrow();
    assertFalse(s.dependsOnPopulation());
    assertEquals(List.of("bgbb"), models.usedBy("loyalty.bgbb"));
    EngagementEngine engine = engine(s);
    Score live = engine.score("d5000", "loyalty.bgbb", END_2001).orElseThrow();
    assertTrue(live.hasEvidence());
    assertFalse(live.measures().containsKey("fit_as_of"));
    assertEquals(List.of("customers", "purchasers", "alpha", "beta", "gamma", "delta", "horizon"),
        List.copyOf(engine.baseline("loyalty.bgbb", END_2001).figures().keySet()));
  }

  @Test
  void state_roundTrips_andRefusesPeriodsOutOfOrder() throws IOException {
    PopulationStrategy<DiscreteLoyalty.State> s = cast(ScoringStrategies.loyaltyBgBb());
    DiscreteLoyalty.State a = s.newState();
    a.accept(gift("c", 1999));
    a.accept(gift("c", 1995));
    a.accept(gift("c", 1997));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    a.writeTo(new DataOutputStream(bytes));
    DiscreteLoyalty.State b = s.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(List.of(25, 27, 29), List.of(b.periods[0], b.periods[1], b.periods[2]));
    ByteArrayOutputStream bad = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bad);
    out.writeInt(2);
    out.writeInt(27);
    out.writeInt(25);
    IOException e = assertThrows(IOException.class,
        () -> s.readState(new DataInputStream(new ByteArrayInputStream(bad.toByteArray()))));
    assertTrue(e.getMessage().contains("purchase period 1 is 25"), e.getMessage());
  }

  @Test
  void settings_validateTheHorizon_andTheRegistryFindsTheStrategy() {
    assertThrows(IllegalArgumentException.class, () -> DiscreteSettings.defaults().withPeriod(CalendarPeriod.WEEK, 0));
    assertThrows(IllegalArgumentException.class,
        () -> DiscreteSettings.defaults().withPeriod(CalendarPeriod.WEEK, DiscretePattern.MAX_PERIODS + 1));
    assertEquals("loyalty.bgbb", ScoringStrategies.named("loyalty.bgbb").name());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> CalendarPeriod.fromCode("fortnight"));
    assertEquals("no calendar period is coded 'fortnight'; known: [day, week, month, quarter, year]",
        unknown.getMessage());
  }
}

package io.engagekit.scoring.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** alert.fading: the worked example of the javadoc, and alerts from an engine. */
final class FadingInterestTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @SuppressWarnings("unchecked")
  private static final ScoringStrategy<FadingDetector.State> FADING =
      (ScoringStrategy<FadingDetector.State>) FadingInterest.strategy();

  /** Daily visits on days 0..89; the last one on day 89. */
  private static FadingDetector.State dailyVisits(String customer) {
    FadingDetector.State s = FADING.newState();
    for (int day = 0; day < 90; day++) {
      s.accept(Touchpoint.of(customer, START.plus(Duration.ofDays(day)), Channel.WEB, TouchpointKind.VISIT));
    }
    return s;
  }

  /** Closed form of the drop after q quiet days: 1 - (S/7) / (L/90), S and L the decayed counts. */
  private static double expectedDrop(int quietDays) {
    double s = 0;
    double l = 0;
    for (int i = 0; i < 90; i++) {
      s += Math.pow(2, -(quietDays + i) / 7.0);
      l += Math.pow(2, -(quietDays + i) / 90.0);
    }
    return 1 - (s / 7) / (l / 90);
  }

  @Test
  void dailyVisitorGoingQuiet_dropsAsTheClosedFormSays() {
    FadingDetector.State s = dailyVisits("c");
    Instant lastVisit = START.plus(Duration.ofDays(89));
    double[] expected = {0.4174, 0.6925, 0.8378}; // after 14, 21, 28 quiet days (javadoc)
    int[] quiet = {14, 21, 28};
    for (int i = 0; i < quiet.length; i++) {
      Score score = FADING.score(s, lastVisit.plus(Duration.ofDays(quiet[i])));
      assertEquals(100 * expectedDrop(quiet[i]), score.value(), 1e-9);
      assertEquals(expected[i], Math.round(score.value() * 100) / 10_000.0, 1e-12);
      assertEquals(score.value(), score.contribution("visit").orElseThrow(), 1e-9);
    }
    assertSame(Score.ZERO, FADING.score(s, lastVisit), "still visiting: rising, no drop");
  }

  @Test
  void tooLittleHistory_isNoEvidence_risingActivity_isZero() {
    FadingDetector.State s = FADING.newState();
    s.accept(Touchpoint.of("c", START, Channel.WEB, TouchpointKind.VISIT));
    s.accept(SurveyResponse.of("c", START, SurveyMetric.NPS, 3));
    assertEquals(Score.noEvidence("too little history (fewer than 3 decayed events)"),
        FADING.score(s, START.plus(Duration.ofDays(60))), "two events: too little history");
  }

  @Test
  void kindsThatRose_contributeNegatively() {
    FadingDetector.State s = dailyVisits("c");
    Instant now = START.plus(Duration.ofDays(89 + 28));
    for (int i = 0; i < 3; i++) {
      s.accept(Touchpoint.of("c", now.minus(Duration.ofHours(i)), Channel.PHONE, TouchpointKind.SUPPORT_CONTACT));
    }
    Score score = FADING.score(s, now);
    assertTrue(score.contribution("visit").orElseThrow() > 0, score.toString());
    assertTrue(score.contribution("support_contact").orElseThrow() < 0, score.toString());
  }

  @Test
  void alerts_mostUrgentFirst_withLevels() {
    EngagementEngine engine = EngagementEngine.of(List.of(FadingInterest.strategy()));
    // Three customers with the same 90-day history; their last visits end 28, 21 and 14 days before NOW.
    Instant now = START.plus(Duration.ofDays(89 + 28));
    int[] offsets = {0, 7, 14};
    String[] ids = {"quiet28", "quiet21", "quiet14"};
    for (int c = 0; c < ids.length; c++) {
      for (int day = 0; day < 90; day++) {
        engine.record(Touchpoint.of(ids[c], START.plus(Duration.ofDays(day + offsets[c])), Channel.WEB,
            TouchpointKind.VISIT));
      }
    }
    List<FadingInterest.Alert> alerts = FadingInterest.alerts(engine, now, 0.4);
    assertEquals(List.of("quiet28", "quiet21", "quiet14"), alerts.stream().map(FadingInterest.Alert::customer).toList());
    assertEquals(List.of(FadingInterest.Level.CRITICAL, FadingInterest.Level.WARNING, FadingInterest.Level.WATCH),
        alerts.stream().map(FadingInterest.Alert::level).toList());
    assertEquals(expectedDrop(28), alerts.get(0).drop(), 1e-9);
    assertEquals("visit", alerts.get(0).fell().get(0).name());
    assertEquals(FadingInterest.NAME, alerts.get(0).strategy());
    assertEquals(2, FadingInterest.alerts(engine, now, 0.6).size());
    // One customer at a time, as a stream processor scores them: the same alerts.
    for (FadingInterest.Alert a : alerts) {
      Score score = engine.score(a.customer(), FadingInterest.NAME, now).orElseThrow();
      assertEquals(a, FadingInterest.alert(a.customer(), score, now, 0.4).orElseThrow());
    }
    Score quiet14 = engine.score("quiet14", FadingInterest.NAME, now).orElseThrow();
    assertTrue(FadingInterest.alert("quiet14", quiet14, now, 0.6).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> FadingInterest.alert("quiet14", quiet14, now, 0));
  }

  @Test
  void arguments_areValidated() {
    EngagementEngine engine = EngagementEngine.of(List.of(FadingInterest.strategy()));
    assertThrows(IllegalArgumentException.class, () -> FadingInterest.alerts(engine, START, 0));
    assertThrows(IllegalArgumentException.class, () -> FadingInterest.alerts(engine, START, 1.5));
    EngagementEngine without = EngagementEngine.of(List.of(ScoringStrategies.satisfactionNps()));
    assertThrows(IllegalArgumentException.class, () -> FadingInterest.alerts(without, START, 0.5));
    assertThrows(IllegalArgumentException.class, () -> FadingInterest.strategy(Duration.ofDays(90), Duration.ofDays(7)));
  }

  /** Events of several kinds over a year, in a seeded random order. */
  private static List<io.engagekit.core.EngagementEvent> mixed(long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    List<io.engagekit.core.EngagementEvent> events = new java.util.ArrayList<>();
    TouchpointKind[] kinds = {TouchpointKind.VISIT, TouchpointKind.PURCHASE, TouchpointKind.SUPPORT_CONTACT};
    for (int i = 0; i < 300; i++) {
      Instant at = START.plusSeconds(r.nextLong(365L * 86_400));
      events.add(r.nextInt(8) == 0
          ? SurveyResponse.of("c", at, SurveyMetric.NPS, r.nextInt(11))
          : Touchpoint.of("c", at, Channel.WEB, kinds[r.nextInt(kinds.length)]));
    }
    return events;
  }

  @Test
  void stateVersion1_isReadIntoTheCompactState_withTheSameScores() throws java.io.IOException {
    // Version 1 kept a decayed sum per kind and decay: write one as that layout did, read it as version 2 state.
    io.engagekit.scoring.decay.Decay shortDecay = io.engagekit.scoring.decay.Decay.exponential(FadingInterest.SHORT);
    io.engagekit.scoring.decay.Decay longDecay = io.engagekit.scoring.decay.Decay.exponential(FadingInterest.LONG);
    for (long seed = 1; seed <= 20; seed++) {
      List<io.engagekit.core.EngagementEvent> events = mixed(seed);
      TouchpointKind[] kinds = TouchpointKind.values();
      io.engagekit.scoring.decay.DecayedSum[][] old = new io.engagekit.scoring.decay.DecayedSum[kinds.length][2];
      for (int k = 0; k < kinds.length; k++) {
        old[k][0] = shortDecay.newSum();
        old[k][1] = longDecay.newSum();
      }
      FadingDetector.State fresh = FADING.newState();
      for (io.engagekit.core.EngagementEvent e : events) {
        int k = e instanceof Touchpoint ? ((Touchpoint) e).kind().ordinal() : TouchpointKind.SURVEY_ANSWER.ordinal();
        old[k][0].add(e.at(), 1.0);
        old[k][1].add(e.at(), 1.0);
        fresh.accept(e);
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
      for (io.engagekit.scoring.decay.DecayedSum[] pair : old) {
        pair[0].writeTo(out);
        pair[1].writeTo(out);
      }
      FadingDetector.State read = FADING.readState(
          new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())), 1);
      for (int days : new int[] {0, 20, 200, 400}) {
        Instant asOf = START.plus(Duration.ofDays(days));
        Score want = FADING.score(fresh, asOf);
        Score got = FADING.score(read, asOf);
        assertEquals(want.value(), got.value(), 1e-9, "seed " + seed + ", day " + days);
        assertEquals(want.contributions().size(), got.contributions().size(), "seed " + seed + ", day " + days);
      }
    }
  }

  @Test
  void damagedState_isRefused() {
    java.util.function.Function<double[], java.io.DataInputStream> bytes = values -> {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      java.io.DataOutputStream out = new java.io.DataOutputStream(b);
      try {
        for (double v : values) {
          out.writeDouble(v);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return new java.io.DataInputStream(new java.io.ByteArrayInputStream(b.toByteArray()));
    };
    int counts = 2 * TouchpointKind.values().length;
    double[] negative = new double[counts + 1];
    negative[0] = 1.0e9;
    negative[3] = -1;
    double[] countsWithoutEvents = new double[counts + 1];
    countsWithoutEvents[0] = Double.NEGATIVE_INFINITY;
    countsWithoutEvents[1] = 2;
    double[] nanLatest = new double[counts + 1];
    nanLatest[0] = Double.NaN;
    for (double[] bad : List.of(negative, countsWithoutEvents, nanLatest)) {
      assertThrows(java.io.IOException.class, () -> FADING.readState(bytes.apply(bad), 2));
    }
    assertThrows(java.io.IOException.class, () -> FADING.readState(bytes.apply(new double[counts + 1]), 3));
  }

  /**
   * Issue 23, item 3: alerts ranked by the size of the drop put the customers silent for months at the
   * top (a 100% drop), though they are gone. On a simulation with ground truth (5,000 customers, seed
   * 7, judged at the calibration end T), the old ranking's top 100 hold no customer whose dropout comes
   * after T − 30 days (every one had dropped out before); the fading list, ranked by what is at stake,
   * holds such customers, and none of its entries has been quiet for longer than {@code LAPSED_AFTER}.
   */
  @Test
  void onASimulation_theTopOfTheFadingList_holdsCustomersWhoChurnLater_whereTheDropRankingHoldsNone() {
    io.engagekit.scoring.simulation.Population p = io.engagekit.scoring.simulation.Simulator.simulate(
        io.engagekit.scoring.simulation.SimulationSettings.of(5000, 7));
    Instant t = p.calibrationEnd();
    EngagementEngine engine = EngagementEngine.of(List.of(FadingInterest.strategy()));
    p.events().stream().filter(e -> !e.at().isAfter(t)).forEach(engine::record);
    java.util.Map<String, java.util.Optional<Instant>> dropout = new java.util.HashMap<>();
    p.truth().forEach(g -> dropout.put(g.customer(), g.dropout()));
    Instant recent = t.minus(Duration.ofDays(30));
    java.util.function.Predicate<String> churnsLater = c -> dropout.get(c).map(d -> d.isAfter(recent)).orElse(false);

    List<String> byDrop = engine.top(100, FadingInterest.NAME, t).stream().map(EngagementEngine.Ranked::customer)
        .toList();
    List<FadingInterest.Alert> alerts = FadingInterest.alerts(engine, t, 0.4);
    List<String> fading = alerts.stream().filter(a -> a.status() == FadingInterest.Status.FADING)
        .map(FadingInterest.Alert::customer).limit(100).toList();
    long before = byDrop.stream().filter(churnsLater).count();
    long after = fading.stream().filter(churnsLater).count();
    assertEquals(0, before, "the drop ranking's top 100: customers long gone");
    assertTrue(after > before, "the fading list's top 100 holds " + after + " customers who churn later");
    assertTrue(alerts.stream().filter(a -> a.status() == FadingInterest.Status.FADING)
        .allMatch(a -> a.quietDays() <= FadingInterest.LAPSED_AFTER.toDays()));
    // Fading before lapsed, each by stake.
    int firstLapsed = alerts.indexOf(alerts.stream().filter(a -> a.status() == FadingInterest.Status.LAPSED)
        .findFirst().orElseThrow());
    assertTrue(alerts.subList(firstLapsed, alerts.size()).stream()
        .allMatch(a -> a.status() == FadingInterest.Status.LAPSED));
    for (int i = 1; i < firstLapsed; i++) {
      assertTrue(alerts.get(i - 1).stake() >= alerts.get(i).stake(), alerts.get(i).toString());
    }
  }
}

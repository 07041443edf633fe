package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Initiator;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointBuilder;
import io.engagekit.core.TouchpointKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The engine's live population summaries against the definition: for seeded populations (ties,
 * one customer, all-equal values), recorded in adversarial orders (by time, against time, customer
 * by customer, at random), split over shards and merged, snapshotted and restored, every live score
 * of {@code loyalty.rfm} and {@code loyalty.decayed} equals the score against a baseline by a pass
 * over the same states ({@link PopulationStrategy#baseline}). RFM's live ranks are exact, so its
 * scores must be equal to the last bit; the decayed median is ordered by a key whose rounding may
 * move it in the last bits, so those scores are compared within 1e-9.
 */
final class LiveSummaryPropertyTest {
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
  private static final List<String> NAMES = List.of("loyalty.rfm", "loyalty.decayed");

  private static List<ScoringStrategy<?>> strategies() {
    return List.of(ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyDecayed());
  }

  /** A population's events; the shape varies with the seed. */
  private static List<EngagementEvent> population(SplittableRandom r, long seed) {
    int customers = seed % 7 == 0 ? 1 : 1 + r.nextInt(400);
    boolean allEqual = seed % 5 == 0;
    int days = seed % 3 == 0 ? 3 : 200; // few days: many ties in recency
    List<EngagementEvent> events = new ArrayList<>();
    int n = customers * (1 + r.nextInt(6));
    for (int i = 0; i < n; i++) {
      String c = "c" + r.nextInt(customers);
      Instant at = allEqual ? T : T.plusSeconds(86_400L * r.nextInt(days) + (seed % 2 == 0 ? 0 : r.nextInt(86_400)));
      TouchpointKind kind = allEqual || r.nextInt(3) > 0 ? TouchpointKind.PURCHASE : TouchpointKind.VISIT;
      TouchpointBuilder b = Touchpoint.builder(c, at, Channel.WEB, kind);
      if (kind == TouchpointKind.PURCHASE) {
        b.value(allEqual ? 10 : r.nextInt(4) * 12.5);
      }
      if (r.nextInt(10) == 0) {
        b.initiator(Initiator.COMPANY);
      }
      events.add(b.build());
    }
    return events;
  }

  private static void order(List<EngagementEvent> events, long seed, SplittableRandom r) {
    switch ((int) (seed % 4)) {
      case 0 -> events.sort(Comparator.comparing(EngagementEvent::at));
      case 1 -> events.sort(Comparator.comparing(EngagementEvent::at).reversed());
      case 2 -> events.sort(Comparator.comparing(EngagementEvent::customer));
      default -> Collections.shuffle(events, new java.util.Random(r.nextLong()));
    }
  }

  @Test
  void liveScores_equalABaselineByAPass_overOrdersSplitsAndRestores() throws IOException {
    for (long seed = 1; seed <= 60; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<EngagementEvent> events = population(r, seed);
      order(events, seed, r);
      EngagementEngine whole = EngagementEngine.of(strategies());
      EngagementEngine a = EngagementEngine.of(strategies());
      EngagementEngine b = EngagementEngine.of(strategies());
      // A batch engine keeps no summary: its scores come from a pass, fed and merged the same way.
      EngagementEngine batch = EngagementEngine.forBatch(strategies());
      EngagementEngine batchB = EngagementEngine.forBatch(strategies());
      for (EngagementEvent e : events) {
        whole.record(e);
        boolean first = r.nextBoolean();
        (first ? a : b).record(e);
        (first ? batch : batchB).record(e);
      }
      if (seed % 4 == 1) {
        whole.register(Customer.of("c0").withRelationship(RelationshipType.SELF_SERVICE));
        a.register(Customer.of("c0").withRelationship(RelationshipType.SELF_SERVICE));
        batch.register(Customer.of("c0").withRelationship(RelationshipType.SELF_SERVICE));
      }
      a.merge(b);
      batch.merge(batchB);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      whole.snapshot(bytes);
      EngagementEngine restored = EngagementEngine.of(strategies());
      restored.restore(new ByteArrayInputStream(bytes.toByteArray()));
      EngagementEngine batchRestored = EngagementEngine.forBatch(strategies());
      batchRestored.restore(new ByteArrayInputStream(bytes.toByteArray()));
      Instant asOf = T.plusSeconds(86_400L * 400);
      try {
        Map<String, Map<String, Score>> expected = byPass(events, asOf, whole);
        for (EngagementEngine engine : List.of(whole, a, restored, batch, batchRestored)) {
          assertScores(expected, engine, asOf);
        }
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  /** The definition: each customer's states from their events, baselined by a pass over all of them. */
  static Map<String, Map<String, Score>> byPass(List<EngagementEvent> events, Instant asOf, EngagementEngine registry) {
    Map<String, Map<String, Score>> scores = new LinkedHashMap<>();
    for (ScoringStrategy<?> s : strategies()) {
      scores.put(s.name(), byPass(s, events, asOf, registry));
    }
    return scores;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Score> byPass(ScoringStrategy s, List<EngagementEvent> events, Instant asOf,
      EngagementEngine registry) {
    Map<String, ScoreState> states = new LinkedHashMap<>();
    for (EngagementEvent e : events) {
      states.computeIfAbsent(e.customer(), c -> s.newState()).accept(e);
    }
    PopulationStrategy.Baseline c = ((PopulationStrategy) s).baseline(states.values(), asOf);
    Map<String, Score> scores = new LinkedHashMap<>();
    states.forEach((id, state) -> scores.put(id, c.score(state, registry.customer(id).orElseThrow())));
    return scores;
  }

  static void assertScores(Map<String, Map<String, Score>> expected, EngagementEngine engine, Instant asOf) {
    for (String name : NAMES) {
      Map<String, Score> want = expected.get(name);
      assertEquals(want.size(), engine.customers(), "customers");
      for (Map.Entry<String, Score> e : want.entrySet()) {
        Score got = engine.score(e.getKey(), name, asOf).orElseThrow();
        if (name.equals("loyalty.rfm")) {
          assertEquals(e.getValue(), got, name + " " + e.getKey());
        } else {
          assertEquals(e.getValue().value(), got.value(), 1e-9, name + " " + e.getKey());
          assertEquals(e.getValue().absence(), got.absence(), name + " " + e.getKey());
        }
      }
      // The frozen baseline ranks like the live scores; customers without evidence are not ranked.
      List<EngagementEngine.Ranked> top = engine.top(want.size(), name, asOf);
      assertEquals(want.values().stream().filter(Score::hasEvidence).count(), top.size(), name);
      for (EngagementEngine.Ranked ranked : top) {
        assertEquals(want.get(ranked.customer()).value(), ranked.score().value(), 1e-9, name + " top " + ranked.customer());
      }
      // A shorter ranking decides most customers on the value alone: it must be the head of the full one.
      for (int n : new int[] {1, 3, want.size() / 2}) {
        assertEquals(top.subList(0, Math.min(n, top.size())), engine.top(n, name, asOf), name + " top " + n);
      }
    }
  }

  @Test
  void decayed_asOfBeforeTheLatestSpend_fallsBackToAPass_withTheSameScores() {
    EngagementEngine e = EngagementEngine.of(strategies());
    List<EngagementEvent> events = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      events.add(Touchpoint.builder("c" + i, T.plusSeconds(86_400L * i), Channel.WEB, TouchpointKind.PURCHASE)
          .value(10 + i % 7).build());
    }
    events.forEach(e::record);
    Instant early = T.plusSeconds(86_400L * 20); // before most customers' purchases
    Map<String, Map<String, Score>> expected = byPass(events, early, e);
    assertScores(expected, e, early);
    assertTrue(e.baseline("loyalty.decayed", early).figures().get("spenders") == 50.0);
  }
}

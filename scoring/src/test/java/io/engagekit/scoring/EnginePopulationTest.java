package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Customer;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Registered customers and population strategies inside the engine. */
final class EnginePopulationTest {
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

  private static Touchpoint purchase(String c, int day, double value) {
    return Touchpoint.builder(c, T.plus(Duration.ofDays(day)), Channel.WEB, TouchpointKind.PURCHASE).value(value).build();
  }

  @Test
  void rfm_isRelativeToEveryCustomerInTheEngine_andTakesANewBaselineAfterNewEvents() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.loyaltyRfm()));
    for (int i = 1; i <= 5; i++) {
      for (int k = 0; k < i; k++) {
        e.record(purchase("c" + i, i, 10));
      }
    }
    Instant asOf = T.plus(Duration.ofDays(10));
    assertEquals(Optional.of("555 champions"), e.score("c5", "loyalty.rfm", asOf).orElseThrow().label());
    assertEquals(Optional.of("111 lost"), e.score("c1", "loyalty.rfm", asOf).orElseThrow().label());
    PopulationStrategy.Baseline<?> first = e.baseline("loyalty.rfm", asOf);
    assertSame(first, e.baseline("loyalty.rfm", asOf), "unchanged engine: the baseline is reused");
    assertEquals(5.0, first.figures().get("purchasers"));

    // Five new, better customers push c5 to the middle: rank 5 of 10.
    for (int i = 6; i <= 10; i++) {
      for (int k = 0; k < 9; k++) {
        e.record(purchase("c" + i, 9, 100));
      }
    }
    assertNotSame(first, e.baseline("loyalty.rfm", asOf));
    assertEquals(Optional.of("333 loyal"), e.score("c5", "loyalty.rfm", asOf).orElseThrow().label());
    // c6..c10 tie (mid-rank 8 of 10: 444); ties are ranked by customer id
    assertEquals("c10", e.top(1, "loyalty.rfm", asOf).get(0).customer());
    assertEquals(Optional.of("444 champions"), e.top(1, "loyalty.rfm", asOf).get(0).score().label());
  }

  @Test
  void registeredRelationshipType_reachesRelationshipAwareStrategies() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.loyaltyDecayed(), ScoringStrategies.compositeBlocks()));
    e.record(purchase("self", 0, 10));
    e.record(purchase("dedicated", 0, 10));
    e.register(Customer.of("self").withRelationship(RelationshipType.SELF_SERVICE));
    e.register(Customer.of("dedicated").withRelationship(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE));
    Instant asOf = T.plus(Duration.ofDays(90));
    double self = e.score("self", "loyalty.decayed", asOf).orElseThrow().contribution("recency").orElseThrow();
    double dedicated = e.score("dedicated", "loyalty.decayed", asOf).orElseThrow().contribution("recency").orElseThrow();
    assertEquals(4 * dedicated, self, 1e-9);
    assertEquals(Optional.of(RelationshipType.SELF_SERVICE), e.customer("self").orElseThrow().relationship());
    assertTrue(e.customer("nobody").isEmpty());
  }

  @Test
  void aRegisteredCustomerWithoutEvents_hasNoEvidence() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.loyaltyDecayed()));
    e.register(Customer.of("quiet").withRelationship(RelationshipType.PERSONAL_ASSISTANCE));
    assertEquals(1, e.customers());
    assertEquals(Optional.of(Score.noEvidence("no activity")), e.score("quiet", "loyalty.decayed", T));
    assertEquals(List.of(), e.top(10, "loyalty.decayed", T), "no evidence is not ranked");
  }

  @Test
  void merge_keepsRegistrations_andShardsEqualTheWhole() {
    EngagementEngine whole = EngagementEngine.of(List.of(ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyDecayed()));
    EngagementEngine a = EngagementEngine.of(List.of(ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyDecayed()));
    EngagementEngine b = EngagementEngine.of(List.of(ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyDecayed()));
    for (int i = 0; i < 300; i++) {
      Touchpoint p = purchase("c" + i % 37, i % 50, i % 13);
      whole.record(p);
      (i % 3 == 0 ? a : b).record(p);
    }
    Customer vip = Customer.of("c3").withRelationship(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE);
    whole.register(vip);
    b.register(vip);
    a.merge(b);
    Instant asOf = T.plus(Duration.ofDays(60));
    assertEquals(Optional.of(vip), a.customer("c3"));
    for (String s : List.of("loyalty.rfm", "loyalty.decayed")) {
      List<EngagementEngine.Ranked> expected = whole.top(37, s, asOf);
      List<EngagementEngine.Ranked> actual = a.top(37, s, asOf);
      for (int i = 0; i < 37; i++) {
        assertEquals(expected.get(i).customer(), actual.get(i).customer(), s + " rank " + i);
        assertEquals(expected.get(i).score().value(), actual.get(i).score().value(), 1e-9, s + " rank " + i);
        assertEquals(expected.get(i).score().label(), actual.get(i).score().label(), s + " rank " + i);
      }
    }
  }

  @Test
  void baseline_ofAStrategyWithoutAPopulation_isRefused() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.satisfactionNps()));
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.baseline("satisfaction.nps", T));
    assertEquals("strategy satisfaction.nps is not relative to a population", x.getMessage());
  }
}

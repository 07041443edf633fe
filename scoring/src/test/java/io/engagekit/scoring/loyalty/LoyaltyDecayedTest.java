package io.engagekit.scoring.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Customer;
import io.engagekit.core.Initiator;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LoyaltyDecayedTest {
  private static final Instant DAY0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final LoyaltyDecayed STRATEGY = (LoyaltyDecayed) ScoringStrategies.loyaltyDecayed();

  private static Touchpoint purchase(int day, double value) {
    return Touchpoint.builder("c", DAY0.plus(Duration.ofDays(day)), Channel.WEB, TouchpointKind.PURCHASE).value(value).build();
  }

  private static LoyaltyDecayed.State state(Touchpoint... events) {
    LoyaltyDecayed.State s = STRATEGY.newState();
    for (Touchpoint t : events) {
      s.accept(t);
    }
    return s;
  }

  /** The worked example of the class javadoc, computed by hand from its formulas. */
  @Test
  void workedExample_selfServiceAndUnknownType() {
    LoyaltyDecayed.State s = state(purchase(0, 50), purchase(30, 50), purchase(60, 50));
    Instant day60 = DAY0.plus(Duration.ofDays(60));
    Customer selfService = Customer.of("c").withRelationship(RelationshipType.SELF_SERVICE);
    Score score = STRATEGY.score(s, day60, selfService);
    // c = 1 + 2^(-1/6) + 2^(-1/3) = 2.684599244; E = 1 / (1 - 2^(-1/2)) = 3.414213562
    assertEquals(40.0, score.contribution("recency").orElseThrow(), 1e-12);
    assertEquals(35 * 0.4401839061635617, score.contribution("frequency").orElseThrow(), 1e-9);
    assertEquals(12.5, score.contribution("monetary").orElseThrow(), 1e-12);
    assertEquals(67.90643671572465, score.value(), 1e-9);
    // No registered type: I = 60 days, E = 1 / (1 - 2^(-1/3)) = 4.847322102
    assertEquals(64.97503382313084, STRATEGY.score(s, day60).value(), 1e-9);
  }

  /** A dedicated-assistance customer silent for 90 days is a warning; a self-service one is not. */
  @Test
  void recency_dependsOnTheRelationshipType() {
    LoyaltyDecayed.State s = state(purchase(0, 10));
    Instant day90 = DAY0.plus(Duration.ofDays(90));
    Score selfService = STRATEGY.score(s, day90, Customer.of("c").withRelationship(RelationshipType.SELF_SERVICE));
    Score dedicated = STRATEGY.score(s, day90,
        Customer.of("c").withRelationship(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE));
    assertEquals(40.0, selfService.contribution("recency").orElseThrow(), 1e-12); // within its 90 days
    assertEquals(40.0 * 0.25, dedicated.contribution("recency").orElseThrow(), 1e-12); // two intervals late
    assertTrue(dedicated.value() < selfService.value());
  }

  @Test
  void monetary_isJudgedAgainstThePopulationMedian() {
    List<LoyaltyDecayed.State> population = List.of(
        state(purchase(10, 10)), state(purchase(10, 20)), state(purchase(10, 40)), state(purchase(10, 0)));
    Instant day10 = DAY0.plus(Duration.ofDays(10));
    PopulationStrategy.Baseline<LoyaltyDecayed.State> c = STRATEGY.baseline(population, day10);
    assertEquals(4.0, c.figures().get("customers"));
    assertEquals(3.0, c.figures().get("spenders"));
    assertEquals(20.0, c.figures().get("medianSpend"), 1e-9);
    // m / (m + 20) of 25 points
    assertEquals(25 * 10 / 30.0, c.score(population.get(0)).contribution("monetary").orElseThrow(), 1e-9);
    assertEquals(12.5, c.score(population.get(1)).contribution("monetary").orElseThrow(), 1e-9);
    assertEquals(25 * 40 / 60.0, c.score(population.get(2)).contribution("monetary").orElseThrow(), 1e-9);
    assertEquals(0.0, c.score(population.get(3)).contribution("monetary").orElseThrow(), 1e-12);
  }

  @Test
  void withoutAnySpend_recencyAndFrequencyShareTheWeight() {
    LoyaltyDecayed.State s = state(Touchpoint.of("c", DAY0, Channel.WEB, TouchpointKind.PURCHASE)); // no value
    Score score = STRATEGY.score(s, DAY0);
    assertEquals(100 * 0.40 / 0.75, score.contribution("recency").orElseThrow(), 1e-9);
    assertTrue(score.contribution("monetary").isEmpty());
  }

  /**
   * Issue 23, item 4: a customer whose only event was a campaign response 9 days ago, who never
   * bought, scored 45.8 next to a buyer of 37 days ago at 50.5. Activity is purchases by default;
   * other kinds count only where the strategy is told they do.
   */
  @Test
  void activity_isPurchasesByDefault_andOtherKindsOnlyWhenNamed() {
    Touchpoint response = Touchpoint.of("c", DAY0, Channel.EMAIL, TouchpointKind.CAMPAIGN_RESPONSE);
    Touchpoint visit = Touchpoint.of("c", DAY0, Channel.WEB, TouchpointKind.VISIT);
    assertEquals(Score.noEvidence("no activity"), STRATEGY.score(state(response), DAY0.plus(Duration.ofDays(9))));
    assertEquals(Score.noEvidence("no activity"), STRATEGY.score(state(visit), DAY0));

    @SuppressWarnings("unchecked")
    PopulationStrategy<LoyaltyDecayed.State> visits = (PopulationStrategy<LoyaltyDecayed.State>)
        LoyaltyStrategies.decayed(LoyaltyDecayed.DEFAULT_HALF_LIFE, Expectations.defaults(),
            java.util.Set.of(TouchpointKind.PURCHASE, TouchpointKind.VISIT));
    LoyaltyDecayed.State visited = visits.newState();
    visited.accept(visit);
    visited.accept(response);
    Score score = visits.score(visited, DAY0);
    assertTrue(score.hasEvidence());
    assertEquals(100 * 0.40 / 0.75, score.contribution("recency").orElseThrow(), 1e-9);
    // One act counted (the visit), not the campaign response: F = 1 / (1 + E), E = 1 / (1 − 2^(−60/180)).
    double e = 1 / (1 - Math.pow(2, -60 / 180.0));
    assertEquals(100 * 0.35 / 0.75 / (1 + e), score.contribution("frequency").orElseThrow(), 1e-9);

    assertThrows(IllegalArgumentException.class, () -> LoyaltyStrategies.decayed(LoyaltyDecayed.DEFAULT_HALF_LIFE,
        Expectations.defaults(), java.util.Set.of()));
    assertThrows(IllegalArgumentException.class, () -> LoyaltyStrategies.decayed(LoyaltyDecayed.DEFAULT_HALF_LIFE,
        Expectations.defaults(), java.util.Set.of(TouchpointKind.SURVEY_ANSWER)));
  }

  @Test
  void companyInitiatedTouchpointsAndSurveys_areNotActivity() {
    Touchpoint mailing = Touchpoint.builder("c", DAY0, Channel.EMAIL, TouchpointKind.CONTENT_VIEW)
        .initiator(Initiator.COMPANY).build();
    assertEquals(Score.noEvidence("no activity"), STRATEGY.score(state(mailing), DAY0));
    assertEquals(Score.noEvidence("no activity"), STRATEGY.score(STRATEGY.newState(), DAY0));
  }
}

package io.engagekit.scoring.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.BuildingBlock;
import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.Customer;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointBuilder;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.ScoringStrategyContract;
import io.engagekit.scoring.loyalty.Expectations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

final class CompositeBlocksTest {
  private static final Instant DAY0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final CompositeBlocks STRATEGY = (CompositeBlocks) ScoringStrategies.compositeBlocks();

  @Nested
  final class Contract extends ScoringStrategyContract<CompositeBlocks.State> {
    @Override
    protected ScoringStrategy<CompositeBlocks.State> strategy() {
      return STRATEGY;
    }
  }

  private static CompositeBlocks.State state(Touchpoint... events) {
    CompositeBlocks.State s = STRATEGY.newState();
    for (Touchpoint t : events) {
      s.accept(t);
    }
    return s;
  }

  private static TouchpointBuilder at(int day, Channel channel, TouchpointKind kind) {
    return Touchpoint.builder("c", DAY0.plus(Duration.ofDays(day)), channel, kind);
  }

  /** The class javadoc's example. */
  @Test
  void workedExample_oneDayOnTwoChannels() {
    CompositeBlocks.State s = state(
        at(0, Channel.WEB, TouchpointKind.PURCHASE).contentType(ContentType.IN_HOUSE).build(),
        at(0, Channel.PHONE, TouchpointKind.SUPPORT_CONTACT).contentType(ContentType.IN_HOUSE).responseSeconds(120).build());
    Score score = STRATEGY.score(s, DAY0);
    assertEquals(100 * (1 + 1 / 3.0 + 1 + 1) / 4, score.value(), 1e-9);
    assertEquals(List.of("channel", "content", "cadence", "context"),
        score.contributions().stream().map(Contribution::name).toList());
    assertEquals(25.0 / 3, score.contribution("content").orElseThrow(), 1e-9);
  }

  /** One channel is all a self-service customer needs; a dedicated one is expected to use two. */
  @Test
  void channelBreadth_dependsOnTheRelationshipType() {
    CompositeBlocks.State s = state(at(0, Channel.WEB, TouchpointKind.VISIT).build());
    Score selfService = STRATEGY.score(s, DAY0, Customer.of("c").withRelationship(RelationshipType.SELF_SERVICE));
    Score dedicated = STRATEGY.score(s, DAY0,
        Customer.of("c").withRelationship(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE));
    assertEquals(50.0, selfService.contribution("channel").orElseThrow(), 1e-9); // 1 of 1, half the weight
    assertEquals(25.0, dedicated.contribution("channel").orElseThrow(), 1e-9); // 1 of 2
    // A community customer who never posts is judged on community too: it scores 0 there.
    Score community = STRATEGY.score(s, DAY0, Customer.of("c").withRelationship(RelationshipType.COMMUNITIES));
    assertEquals(0.0, community.contribution("community").orElseThrow(), 1e-12);
  }

  /** A customer active every 30 days has a regular cadence; one active once, 5 months ago, does not. */
  @Test
  void cadence_isTheShareOfActivePeriods() {
    Touchpoint[] monthly = new Touchpoint[8];
    for (int i = 0; i < 8; i++) {
      monthly[i] = at(30 * i, Channel.WEB, TouchpointKind.VISIT).build();
    }
    // Dedicated: 30-day interval -> periods of 5 weeks; the last 6 periods each hold a visit.
    Customer dedicated = Customer.of("c").withRelationship(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE);
    Instant end = DAY0.plus(Duration.ofDays(210));
    Score regular = STRATEGY.score(state(monthly), end, dedicated);
    assertEquals(100.0 / 2, regular.contribution("cadence").orElseThrow(), 1e-9);
    // One visit 30 weeks before: older than the 6 periods looked at, so no period is active.
    assertEquals(0.0, STRATEGY.score(state(monthly[0]), end, dedicated).contribution("cadence").orElseThrow(), 1e-12);
    // One visit 16 weeks before: 4 periods since the first activity, one of them active.
    Score once = STRATEGY.score(state(at(100, Channel.WEB, TouchpointKind.VISIT).build()), end, dedicated);
    assertEquals(100.0 / 2 / 4, once.contribution("cadence").orElseThrow(), 1e-9);
  }

  @Test
  void credibility_andCommunity_fromAdvocacyAndComplaints() {
    CompositeBlocks.State s = state(
        at(0, Channel.SOCIAL, TouchpointKind.REVIEW).sentiment(0.8).build(),
        at(0, Channel.SOCIAL, TouchpointKind.REFERRAL).build(),
        at(0, Channel.SOCIAL, TouchpointKind.COMMUNITY_POST).build());
    Map<BuildingBlock, Double> only = Map.of(BuildingBlock.CREDIBILITY, 1.0, BuildingBlock.COMMUNITY, 1.0);
    ScoringStrategy<?> s2 = ScoringStrategies.compositeBlocks(only, Expectations.defaults());
    @SuppressWarnings("unchecked")
    Score score = ((ScoringStrategy<CompositeBlocks.State>) s2).score(s, DAY0);
    assertEquals(50 * (1 - Math.pow(2, -1)), score.contribution("credibility").orElseThrow(), 1e-9); // net 2
    assertEquals(50 * (1 - Math.pow(2, -0.5)), score.contribution("community").orElseThrow(), 1e-9); // 1 post
    CompositeBlocks.State angry = state(at(0, Channel.SOCIAL, TouchpointKind.COMPLAINT).build());
    assertEquals(0.0, STRATEGY.score(angry, DAY0).contribution("credibility").orElseThrow(), 1e-12);
  }

  @Test
  void weights_areValidated() {
    Expectations e = Expectations.defaults();
    IllegalArgumentException culture = assertThrows(IllegalArgumentException.class,
        () -> ScoringStrategies.compositeBlocks(Map.of(BuildingBlock.CULTURE, 1.0), e));
    assertTrue(culture.getMessage().startsWith("composite.blocks has no sub-score for block culture"), culture.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ScoringStrategies.compositeBlocks(Map.of(BuildingBlock.CHANNEL, -1.0), e));
    assertThrows(IllegalArgumentException.class,
        () -> ScoringStrategies.compositeBlocks(Map.of(BuildingBlock.CHANNEL, Double.NaN), e));
    assertThrows(IllegalArgumentException.class,
        () -> ScoringStrategies.compositeBlocks(Map.of(BuildingBlock.CHANNEL, 0.0), e));
  }

  /** More than eight channels: breadth counts the eight most recently used, in any order and split. */
  @Test
  void channelTable_keepsTheEightMostRecent() {
    String[] codes = {"web", "mobile", "email", "phone", "chat", "social", "retail", "kiosk", "video", "virtual"};
    CompositeBlocks.State forward = STRATEGY.newState();
    CompositeBlocks.State backward = STRATEGY.newState();
    for (int i = 0; i < codes.length; i++) {
      forward.accept(at(i, Channel.of(codes[i]), TouchpointKind.VISIT).build());
      backward.accept(at(codes.length - 1 - i, Channel.of(codes[codes.length - 1 - i]), TouchpointKind.VISIT).build());
    }
    assertEquals(8, forward.channelCount);
    assertEquals(java.util.Set.of(forward.channels), java.util.Set.of(backward.channels));
    assertTrue(!java.util.Set.of(forward.channels).contains(Channel.WEB));
  }

  /** An expected interval longer than the 64 weeks kept still credits recent activity. */
  @Test
  void cadence_withAnIntervalBeyondTheWeeksKept_seesTheWeeksKept() {
    Expectations yearly = Expectations.defaults()
        .withUnknown(new Expectations.Expectation(Duration.ofDays(500), 1));
    @SuppressWarnings("unchecked")
    ScoringStrategy<CompositeBlocks.State> s = (ScoringStrategy<CompositeBlocks.State>)
        ScoringStrategies.compositeBlocks(Map.of(BuildingBlock.CADENCE, 1.0), yearly);
    assertEquals(100.0, s.score(state(at(0, Channel.WEB, TouchpointKind.VISIT).build()), DAY0.plus(Duration.ofDays(30)))
        .value(), 1e-9);
  }
}

package io.engagekit.scoring.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.BuildingBlock;
import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.Customer;
import io.engagekit.core.Initiator;
import io.engagekit.core.InvalidFieldException;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointBuilder;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.loyalty.Expectations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CompositeBlocksTest {
  private static final Instant DAY0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final CompositeBlocks STRATEGY = (CompositeBlocks) ScoringStrategies.compositeBlocks();

  private static BlocksState state(Touchpoint... events) {
    BlocksState s = STRATEGY.newState();
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
    BlocksState s = state(
        at(0, Channel.WEB, TouchpointKind.PURCHASE).contentType(ContentType.IN_HOUSE).build(),
        at(0, Channel.PHONE, TouchpointKind.SUPPORT_CONTACT).contentType(ContentType.IN_HOUSE).responseSeconds(120).build());
    Score score = STRATEGY.score(s, DAY0);
    assertEquals(100 * (1 + 1 / 3.0 + 1 + 1 + 1 / 4.0) / 5, score.value(), 1e-9);
    assertEquals(71.67, score.value(), 0.005); // the figure the javadoc prints
    assertEquals(List.of("channel", "content", "cadence", "context", "currencies"),
        score.contributions().stream().map(Contribution::name).toList());
    assertEquals(20.0 / 3, score.contribution("content").orElseThrow(), 1e-9);
    assertEquals(5.0, score.contribution("currencies").orElseThrow(), 1e-9); // money 1/2, attention 1/2, of 4
  }

  /** One channel is all a self-service customer needs; a dedicated one is expected to use two. */
  @Test
  void channelBreadth_dependsOnTheRelationshipType() {
    BlocksState s = state(at(0, Channel.WEB, TouchpointKind.VISIT).build());
    Score selfService = STRATEGY.score(s, DAY0, Customer.of("c").withRelationship(RelationshipType.SELF_SERVICE));
    Score dedicated = STRATEGY.score(s, DAY0,
        Customer.of("c").withRelationship(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE));
    // channel, cadence and currencies informed: each a third of the weight
    assertEquals(100.0 / 3, selfService.contribution("channel").orElseThrow(), 1e-9); // 1 of 1
    assertEquals(100.0 / 6, dedicated.contribution("channel").orElseThrow(), 1e-9); // 1 of 2
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
    assertEquals(100.0 / 3, regular.contribution("cadence").orElseThrow(), 1e-9); // channel, cadence, currencies
    // One visit 30 weeks before: older than the 6 periods looked at, so no period is active.
    assertEquals(0.0, STRATEGY.score(state(monthly[0]), end, dedicated).contribution("cadence").orElseThrow(), 1e-12);
    // One visit 16 weeks before: 4 periods since the first activity, one of them active.
    Score once = STRATEGY.score(state(at(100, Channel.WEB, TouchpointKind.VISIT).build()), end, dedicated);
    assertEquals(100.0 / 3 / 4, once.contribution("cadence").orElseThrow(), 1e-9);
  }

  @Test
  void credibility_andCommunity_fromAdvocacyAndComplaints() {
    BlocksState s = state(
        at(0, Channel.SOCIAL, TouchpointKind.REVIEW).sentiment(0.8).build(),
        at(0, Channel.SOCIAL, TouchpointKind.REFERRAL).build(),
        at(0, Channel.SOCIAL, TouchpointKind.COMMUNITY_POST).build());
    Map<BuildingBlock, Double> only = Map.of(BuildingBlock.CREDIBILITY, 1.0, BuildingBlock.COMMUNITY, 1.0);
    ScoringStrategy<?> s2 = ScoringStrategies.compositeBlocks(only, Expectations.defaults());
    @SuppressWarnings("unchecked")
    Score score = ((ScoringStrategy<BlocksState>) s2).score(s, DAY0);
    assertEquals(50 * (1 - Math.pow(2, -1)), score.contribution("credibility").orElseThrow(), 1e-9); // net 2
    assertEquals(50 * (1 - Math.pow(2, -0.5)), score.contribution("community").orElseThrow(), 1e-9); // 1 post
    BlocksState angry = state(at(0, Channel.SOCIAL, TouchpointKind.COMPLAINT).build());
    assertEquals(0.0, STRATEGY.score(angry, DAY0).contribution("credibility").orElseThrow(), 1e-12);
  }

  @Test
  void weights_areValidated() {
    Expectations e = Expectations.defaults();
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
    BlocksState forward = STRATEGY.newState();
    BlocksState backward = STRATEGY.newState();
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
    ScoringStrategy<BlocksState> s = (ScoringStrategy<BlocksState>)
        ScoringStrategies.compositeBlocks(Map.of(BuildingBlock.CADENCE, 1.0), yearly);
    assertEquals(100.0, s.score(state(at(0, Channel.WEB, TouchpointKind.VISIT).build()), DAY0.plus(Duration.ofDays(30)))
        .value(), 1e-9);
  }

  private static Customer withCulture(Map<String, String> attributes) {
    return new Customer("c", java.util.Optional.empty(), java.util.Optional.empty(), attributes);
  }

  /** Every one of the nine building blocks has a sub-score: a customer with every signal informs all nine. */
  @Test
  void allNineBlocks_areScored() {
    assertEquals(java.util.EnumSet.allOf(BuildingBlock.class), java.util.EnumSet.copyOf(CompositeBlocks.BLOCKS));
    BlocksState s = state(
        at(0, Channel.WEB, TouchpointKind.PURCHASE).contentType(ContentType.IN_HOUSE).initiator(Initiator.CUSTOMER).build(),
        at(0, Channel.EMAIL, TouchpointKind.CONTENT_VIEW).initiator(Initiator.COMPANY).build(),
        at(0, Channel.PHONE, TouchpointKind.SUPPORT_CONTACT).responseSeconds(60).build(),
        at(0, Channel.SOCIAL, TouchpointKind.COMMUNITY_POST).build(),
        at(0, Channel.SOCIAL, TouchpointKind.REVIEW).sentiment(0.5).build());
    Customer customer = withCulture(Map.of("culture", "0.6"));
    Score score = STRATEGY.score(s, DAY0, customer);
    assertEquals(CompositeBlocks.BLOCKS.stream().map(BuildingBlock::code).toList(),
        score.contributions().stream().map(Contribution::name).toList());
    assertEquals(100 * 0.6 / 9, score.contribution("culture").orElseThrow(), 1e-9);
    assertEquals(100 * 0.5 / 9, score.contribution("catalyst").orElseThrow(), 1e-9); // 1 of 2 stated
  }

  /** Catalyst: the share of touchpoints the customer started, among those whose initiator is stated. */
  @Test
  void catalyst_isTheShareTheCustomerStarted() {
    ScoringStrategy<?> only = ScoringStrategies.compositeBlocks(Map.of(BuildingBlock.CATALYST, 1.0),
        Expectations.defaults());
    @SuppressWarnings("unchecked")
    ScoringStrategy<BlocksState> catalyst = (ScoringStrategy<BlocksState>) only;
    BlocksState s = state(
        at(0, Channel.WEB, TouchpointKind.VISIT).initiator(Initiator.CUSTOMER).build(),
        at(0, Channel.WEB, TouchpointKind.PURCHASE).initiator(Initiator.CUSTOMER).build(),
        at(0, Channel.MOBILE, TouchpointKind.VISIT).initiator(Initiator.CUSTOMER).build(),
        at(0, Channel.EMAIL, TouchpointKind.CAMPAIGN_RESPONSE).initiator(Initiator.COMPANY).build(),
        at(0, Channel.WEB, TouchpointKind.VISIT).build()); // no initiator: not counted
    assertEquals(75.0, catalyst.score(s, DAY0).value(), 1e-9);
    // Only reached by the company: evidence, and it says 0.
    BlocksState reached = state(at(0, Channel.EMAIL, TouchpointKind.CONTENT_VIEW).initiator(Initiator.COMPANY).build());
    assertEquals(0.0, catalyst.score(reached, DAY0).value(), 1e-12);
    assertTrue(catalyst.score(reached, DAY0).hasEvidence());
    // No initiator stated anywhere: catalyst is not informed.
    assertTrue(!catalyst.score(state(at(0, Channel.WEB, TouchpointKind.VISIT).build()), DAY0).hasEvidence());
  }

  /** Currencies: breadth over money, attention, information and reputation, each saturating and decaying. */
  @Test
  void currencies_isTheBreadthOfWhatTheCustomerGives() {
    @SuppressWarnings("unchecked")
    ScoringStrategy<BlocksState> currencies = (ScoringStrategy<BlocksState>) ScoringStrategies.compositeBlocks(
        Map.of(BuildingBlock.CURRENCIES, 1.0), Expectations.defaults());
    BlocksState buyer = state(at(0, Channel.WEB, TouchpointKind.PURCHASE).build(),
        at(0, Channel.WEB, TouchpointKind.PURCHASE).build());
    assertEquals(100 * (1 - 0.25) / 4, currencies.score(buyer, DAY0).value(), 1e-9); // two purchases: money 3/4
    BlocksState broad = state(at(0, Channel.WEB, TouchpointKind.PURCHASE).build(),
        at(0, Channel.WEB, TouchpointKind.VISIT).build(),
        at(0, Channel.WEB, TouchpointKind.SURVEY_ANSWER).build(),
        at(0, Channel.SOCIAL, TouchpointKind.REFERRAL).build());
    assertEquals(50.0, currencies.score(broad, DAY0).value(), 1e-9); // each currency 1/2
    // One half-life later each count is 1/2: 1 - 2^(-1/2) per currency.
    assertEquals(100 * (1 - Math.pow(2, -0.5)), currencies.score(broad, DAY0.plus(Duration.ofDays(90))).value(), 1e-9);
    // What the company started gives nothing.
    BlocksState sent = state(at(0, Channel.EMAIL, TouchpointKind.CONTENT_VIEW).initiator(Initiator.COMPANY).build());
    assertTrue(!currencies.score(sent, DAY0).hasEvidence());
  }

  /** Culture comes from what the company measured, passed as the customer attribute {@code culture}. */
  @Test
  void culture_isTheCustomersAttribute_andABadOneIsRefused() {
    BlocksState s = state(at(0, Channel.WEB, TouchpointKind.VISIT).build());
    @SuppressWarnings("unchecked")
    ScoringStrategy<BlocksState> culture = (ScoringStrategy<BlocksState>) ScoringStrategies.compositeBlocks(
        Map.of(BuildingBlock.CULTURE, 1.0), Expectations.defaults());
    assertEquals(80.0, culture.score(s, DAY0, withCulture(Map.of("culture", "0.8"))).value(), 1e-9);
    assertTrue(!culture.score(s, DAY0, Customer.of("c")).hasEvidence());
    assertTrue(!culture.score(s, DAY0).hasEvidence());
    for (String bad : List.of("high", "NaN", "Infinity", "1.5", "-0.1", "0.5f", "0x1p-1", "")) {
      InvalidFieldException e = assertThrows(InvalidFieldException.class,
          () -> culture.score(s, DAY0, withCulture(Map.of("culture", bad))), bad);
      assertEquals("attributes.culture", e.field());
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  /** A version 1 state (ten sums) reads with catalyst and currencies empty, and writes back as version 2. */
  @Test
  void versionOneState_readsWithTheNewBlocksUninformed() throws java.io.IOException {
    BlocksState live = state(at(0, Channel.WEB, TouchpointKind.PURCHASE).initiator(Initiator.CUSTOMER).build());
    java.io.ByteArrayOutputStream v1 = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(v1);
    out.writeDouble(live.first);
    out.writeDouble(live.ref);
    out.writeLong(live.weeks);
    out.writeLong(live.newestWeek);
    for (int i = 0; i < BlocksState.LANES_V1; i++) {
      out.writeDouble(live.lanes[i]);
    }
    out.writeByte(1);
    out.writeUTF("web");
    out.writeDouble(live.seen[0]);
    BlocksState read = STRATEGY.readState(new java.io.DataInputStream(
        new java.io.ByteArrayInputStream(v1.toByteArray())), 1);
    Score old = STRATEGY.score(read, DAY0);
    assertEquals(List.of("channel", "cadence"), old.contributions().stream().map(Contribution::name).toList());
    assertEquals(List.of("channel", "cadence", "catalyst", "currencies"),
        STRATEGY.score(live, DAY0).contributions().stream().map(Contribution::name).toList());
    java.io.IOException refused = assertThrows(java.io.IOException.class, () -> STRATEGY.readState(
        new java.io.DataInputStream(new java.io.ByteArrayInputStream(v1.toByteArray())), 3));
    assertTrue(refused.getMessage().contains("reads 1 and 2"), refused.getMessage());
  }

  /** The README names every block composite.blocks scores, so the two cannot disagree. */
  @Test
  void readme_namesEveryBlock() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
    int at = readme.indexOf("  - `composite.blocks`:");
    assertTrue(at >= 0, "README lists composite.blocks");
    String entry = readme.substring(at, readme.indexOf("\n  - ", at + 1));
    for (BuildingBlock b : CompositeBlocks.BLOCKS) {
      assertTrue(entry.contains(b.code()), "README's composite.blocks entry names " + b.code() + ": " + entry);
    }
  }
}

package io.engagekit.core;

import static io.engagekit.core.ModelTestSupport.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class CustomerSurveyJourneyTest {
  @Test
  void customerId_rules() {
    assertEquals("x".repeat(256), Customer.of("x".repeat(256)).id());
    InvalidFieldException tooLong = assertThrows(InvalidFieldException.class, () -> Customer.of("x".repeat(257)));
    assertEquals("customer must be at most 256 characters but was 257", tooLong.getMessage());
    assertEquals("customer", assertThrows(InvalidFieldException.class, () -> Customer.of("")).field());
    assertEquals("customer", assertThrows(InvalidFieldException.class, () -> Customer.of(" \t")).field());
    InvalidFieldException control = assertThrows(InvalidFieldException.class, () -> Customer.of("a\u0007b"));
    assertEquals("customer must not contain control characters but has U+0007 at index 1", control.getMessage());
    assertEquals(" padded ", Customer.of(" padded ").id());
  }

  @Test
  void customer_relationshipSegmentAttributes() {
    Customer c =
        new Customer("c1", Optional.empty(), Optional.empty(), Map.of("tier", "gold"))
            .withRelationship(RelationshipType.SELF_SERVICE)
            .withSegment("smb");
    assertEquals(RelationshipType.SELF_SERVICE, c.relationship().orElseThrow());
    assertEquals("smb", c.segment().orElseThrow());
    assertEquals("gold", c.attributes().get("tier"));
    assertThrows(
        InvalidFieldException.class,
        () -> new Customer("c1", Optional.empty(), Optional.empty(), Map.of("k", "bad\nvalue")));
    assertThrows(InvalidFieldException.class, () -> Customer.of("c1").withSegment(""));
    ModelTestSupport.nullTester().testAllPublicConstructors(Customer.class);
  }

  @Test
  void survey_scoreOutsideScale_isRejectedNamingTheScale() {
    assertEquals(10, SurveyResponse.of("c1", T0, SurveyMetric.NPS, 10).score());
    InvalidFieldException e =
        assertThrows(InvalidFieldException.class, () -> SurveyResponse.of("c1", T0, SurveyMetric.CSAT, 0));
    assertEquals("score must be in [1, 5] for csat but was 0", e.getMessage());
    assertThrows(InvalidFieldException.class, () -> SurveyResponse.of("c1", T0, SurveyMetric.CES, 8));
    assertThrows(InvalidFieldException.class, () -> SurveyResponse.of("c1", T0, SurveyMetric.NPS, -1));
    ModelTestSupport.nullTester().testAllPublicStaticMethods(SurveyResponse.class);
  }

  private static Journey journey(JourneyOutcome outcome, Optional<java.time.Instant> end) {
    return new Journey("j1", "c1", "open account", T0, end, outcome);
  }

  @Test
  void journey_endAndOutcome_mustAgree() {
    assertTrue(journey(JourneyOutcome.IN_PROGRESS, Optional.empty()).end().isEmpty());
    assertEquals("end", assertThrows(InvalidFieldException.class,
        () -> journey(JourneyOutcome.IN_PROGRESS, Optional.of(T0))).field());
    InvalidFieldException missing = assertThrows(InvalidFieldException.class,
        () -> journey(JourneyOutcome.COMPLETED, Optional.empty()));
    assertEquals("end is required for a journey with outcome completed but was absent", missing.getMessage());
    InvalidFieldException before = assertThrows(InvalidFieldException.class,
        () -> journey(JourneyOutcome.FAILED, Optional.of(T0.minusSeconds(1))));
    assertEquals("end", before.field());
    assertEquals(T0, journey(JourneyOutcome.ABANDONED, Optional.of(T0)).end().orElseThrow());
    assertEquals("type", assertThrows(InvalidFieldException.class,
        () -> new Journey("j1", "c1", " ", T0, Optional.empty(), JourneyOutcome.IN_PROGRESS)).field());
  }

  @Test
  void journeyPath_ordersTouchpointsAndChecksMembership() {
    Journey j = journey(JourneyOutcome.COMPLETED, Optional.of(T0.plus(Duration.ofHours(1))));
    Touchpoint late = Touchpoint.builder("c1", T0.plusSeconds(60), Channel.WEB, TouchpointKind.VISIT).build();
    Touchpoint step2 = Touchpoint.builder("c1", T0, Channel.PHONE, TouchpointKind.SUPPORT_CONTACT)
        .journey("j1").step(2).build();
    Touchpoint step1 = step2.toBuilder().step(1).build();
    JourneyPath path = j.withTouchpoints(List.of(late, step2, step1));
    assertEquals(List.of(step1, step2, late), path.touchpoints());

    Touchpoint otherCustomer = Touchpoint.of("c2", T0, Channel.WEB, TouchpointKind.VISIT);
    assertEquals("customer", assertThrows(InvalidFieldException.class,
        () -> j.withTouchpoints(List.of(otherCustomer))).field());
    Touchpoint otherJourney = step1.toBuilder().journey("j2").build();
    assertEquals("journey", assertThrows(InvalidFieldException.class,
        () -> j.withTouchpoints(List.of(otherJourney))).field());
    Touchpoint outside = Touchpoint.of("c1", T0.plus(Duration.ofHours(2)), Channel.WEB, TouchpointKind.VISIT);
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> j.withTouchpoints(List.of(outside)));
    assertEquals("timestamp", e.field());
    assertTrue(e.getMessage().contains("of touchpoint 0 must lie in the journey's window"), e.getMessage());
    Touchpoint before = Touchpoint.of("c1", T0.minusMillis(1), Channel.WEB, TouchpointKind.VISIT);
    assertThrows(InvalidFieldException.class, () -> j.withTouchpoints(List.of(before)));
    // In progress: no upper bound.
    assertEquals(1, journey(JourneyOutcome.IN_PROGRESS, Optional.empty()).withTouchpoints(List.of(outside))
        .touchpoints().size());
  }
}

package io.engagekit.core;

import static io.engagekit.core.ModelTestSupport.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class TouchpointTest {
  private static TouchpointBuilder visit() {
    return Touchpoint.builder("c1", T0, Channel.WEB, TouchpointKind.VISIT);
  }

  @Test
  void of_requiredOnly_hasNoOptionalFields() {
    Touchpoint t = Touchpoint.of("c1", T0, Channel.WEB, TouchpointKind.VISIT);
    assertEquals("c1", t.customer());
    assertEquals(T0, t.at());
    assertTrue(t.value().isEmpty());
    assertTrue(t.reach().isEmpty());
    assertTrue(t.sentiment().isEmpty());
    assertTrue(t.responseSeconds().isEmpty());
    assertTrue(t.journey().isEmpty());
    assertTrue(t.step().isEmpty());
    assertTrue(t.quantity().isEmpty());
    assertTrue(t.contentType().isEmpty());
    assertEquals(7.5, t.valueOr(7.5));
    assertEquals(-1, t.reachOr(-1));
  }

  @Test
  void builder_allFields_areKept() {
    Touchpoint t =
        visit()
            .contentType(ContentType.USER_GENERATED)
            .cadence(Cadence.SCHEDULED)
            .initiator(Initiator.COMPANY)
            .value(12.5)
            .reach(1000)
            .sentiment(-0.25)
            .responseSeconds(300)
            .journey("j1")
            .step(3)
            .quantity(2)
            .build();
    assertEquals(OptionalDouble.of(12.5), t.value());
    assertEquals(1000, t.reach().getAsLong());
    assertEquals(1000, t.reachOr(-1));
    assertEquals(-0.25, t.sentiment().getAsDouble());
    assertEquals(300.0, t.responseSeconds().getAsDouble());
    assertEquals("j1", t.journey().orElseThrow());
    assertEquals(3, t.step().getAsInt());
    assertEquals(2, t.quantity().getAsLong());
    assertEquals(t, t.toBuilder().build());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, -1e300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void value_negativeOrNonFinite_isRejectedNamingTheField(double bad) {
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> visit().value(bad));
    assertEquals("value", e.field());
    assertTrue(e.getMessage().contains(Double.toString(bad)), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1.0000001, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY})
  void sentiment_outsideMinusOneToOne_isRejected(double bad) {
    assertEquals("sentiment", assertThrows(InvalidFieldException.class, () -> visit().sentiment(bad)).field());
  }

  @Test
  void sentiment_bounds_areAccepted() {
    assertEquals(-1.0, visit().sentiment(-1).build().sentiment().getAsDouble());
    assertEquals(1.0, visit().sentiment(1).build().sentiment().getAsDouble());
  }

  @Test
  void responseSeconds_nonFinite_isRejected() {
    assertEquals(
        "response_seconds",
        assertThrows(InvalidFieldException.class, () -> visit().responseSeconds(Double.NaN)).field());
    assertEquals(
        "response_seconds",
        assertThrows(InvalidFieldException.class, () -> visit().responseSeconds(-1)).field());
  }

  @Test
  void counts_negative_areRejected() {
    assertEquals("reach", assertThrows(InvalidFieldException.class, () -> visit().reach(-1)).field());
    assertEquals("quantity", assertThrows(InvalidFieldException.class, () -> visit().quantity(-1)).field());
    assertEquals("step", assertThrows(InvalidFieldException.class, () -> visit().step(-1)).field());
  }

  @Test
  void step_withoutJourney_isRejected() {
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> visit().step(1).build());
    assertEquals("step", e.field());
    assertEquals("step requires a journey but the journey was absent", e.getMessage());
  }

  @Test
  void customer_invalid_isRejectedAtTheBuilder() {
    assertEquals(
        "customer",
        assertThrows(
                InvalidFieldException.class,
                () -> Touchpoint.builder(" ", T0, Channel.WEB, TouchpointKind.VISIT))
            .field());
  }

  @Test
  void instant_outsideYears0000To9999_isRejected() {
    Instant late = Instant.parse("+10000-01-01T00:00:00Z");
    assertEquals(
        "timestamp",
        assertThrows(
                InvalidFieldException.class,
                () -> Touchpoint.of("c1", late, Channel.WEB, TouchpointKind.VISIT))
            .field());
    assertThrows(InvalidFieldException.class, () -> visit().at(Instant.parse("-0001-12-31T23:59:59Z")));
  }

  @Test
  void equals_comparesEveryFieldAndNegativeZero() {
    new EqualsTester()
        .addEqualityGroup(visit().build(), visit().build())
        .addEqualityGroup(visit().value(0.0).build(), visit().value(0.0).build())
        .addEqualityGroup(visit().value(-0.0).build())
        .addEqualityGroup(visit().reach(0).build())
        .addEqualityGroup(visit().journey("j").build())
        .addEqualityGroup(visit().journey("j").step(0).build())
        .addEqualityGroup(visit().channel(Channel.of("kiosk-2")).build())
        .addEqualityGroup(visit().kind(TouchpointKind.REVIEW).build())
        .testEquals();
  }

  @Test
  void toString_showsPresentFieldsOnly() {
    String s = visit().value(3).build().toString();
    assertTrue(s.contains("value=3.0"), s);
    assertFalse(s.contains("reach"), s);
  }

  @Test
  void nulls_areRejectedNamingTheParameter() {
    ModelTestSupport.nullTester().testAllPublicStaticMethods(Touchpoint.class);
    ModelTestSupport.nullTester().testAllPublicInstanceMethods(visit());
  }
}

package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link EngagementEngine#mergeCustomer}: a guest id folded into a known one. */
final class MergeCustomerTest {
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant AS_OF = T.plusSeconds(86_400L * 200);
  private static final List<String> NAMES = List.of("loyalty.rfm", "loyalty.decayed", "satisfaction.nps",
      "loyalty.advocacy", "composite.blocks");

  private static EngagementEngine engine() {
    return EngagementEngine.of(List.of(ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyDecayed(),
        ScoringStrategies.satisfactionNps(), ScoringStrategies.loyaltyAdvocacy(), ScoringStrategies.compositeBlocks()));
  }

  private static List<EngagementEvent> events(String guest, String known) {
    SplittableRandom r = new SplittableRandom(7);
    List<EngagementEvent> events = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String c = i % 10 == 0 ? guest : i % 10 == 1 ? known : "c" + r.nextInt(30);
      Instant at = T.plusSeconds(r.nextInt(150) * 86_400L);
      events.add(r.nextInt(4) == 0
          ? SurveyResponse.of(c, at, SurveyMetric.NPS, r.nextInt(11))
          : Touchpoint.builder(c, at, Channel.WEB, r.nextBoolean() ? TouchpointKind.PURCHASE : TouchpointKind.REVIEW)
              .value(r.nextInt(50)).build());
    }
    return events;
  }

  @Test
  void mergedCustomer_scoresAsIfEveryEventWasTheirs_andThePopulationShrinks() {
    EngagementEngine merged = engine();
    events("guest-9", "u-1").forEach(merged::record);
    int before = merged.customers();
    assertTrue(merged.mergeCustomer("guest-9", "u-1"));

    EngagementEngine expected = engine();
    for (EngagementEvent e : events("u-1", "u-1")) {
      expected.record(e);
    }
    assertEquals(before - 1, merged.customers());
    assertEquals(Optional.empty(), merged.score("guest-9", "loyalty.rfm", AS_OF));
    assertEquals(Optional.empty(), merged.customer("guest-9"));
    assertEquals(expected.events(), merged.events());
    for (String name : NAMES) {
      assertEquals(expected.top(40, name, AS_OF), merged.top(40, name, AS_OF), name);
      assertEquals(expected.score("u-1", name, AS_OF), merged.score("u-1", name, AS_OF), name);
    }
    assertEquals(expected.baseline("loyalty.rfm", AS_OF).figures(), merged.baseline("loyalty.rfm", AS_OF).figures());
  }

  @Test
  void registrations_keepTheSurvivorsValues_andFillTheRestFromTheGuest() {
    EngagementEngine e = engine();
    e.register(new Customer("guest", Optional.of(RelationshipType.SELF_SERVICE), Optional.of("web"),
        Map.of("region", "north", "source", "ad")));
    e.register(new Customer("known", Optional.empty(), Optional.of("vip"), Map.of("region", "south")));
    assertTrue(e.mergeCustomer("guest", "known"));
    assertEquals(new Customer("known", Optional.of(RelationshipType.SELF_SERVICE), Optional.of("vip"),
        Map.of("region", "south", "source", "ad")), e.customer("known").orElseThrow());

    e.register(Customer.of("g2").withSegment("s"));
    assertTrue(e.mergeCustomer("g2", "new-id"));
    assertEquals(Customer.of("new-id").withSegment("s"), e.customer("new-id").orElseThrow());
  }

  @Test
  void unknownOrSameIds() {
    EngagementEngine e = engine();
    assertFalse(e.mergeCustomer("nobody", "x"));
    assertEquals(0, e.customers());
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.mergeCustomer("a", "a"));
    assertEquals("a customer cannot be merged into itself: a", x.getMessage());
  }

  @Test
  void eventsOfTheOldIdAfterTheMerge_startANewCustomer_andSnapshotsStillRestore() throws IOException {
    EngagementEngine e = engine();
    events("guest", "known").forEach(e::record);
    e.mergeCustomer("guest", "known");
    e.record(Touchpoint.builder("guest", T, Channel.WEB, TouchpointKind.PURCHASE).value(3).build());
    assertEquals(1.0, e.score("guest", "loyalty.rfm", AS_OF).orElseThrow().value() > 0 ? 1.0 : 0.0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    e.snapshot(bytes);
    EngagementEngine restored = engine();
    restored.restore(new ByteArrayInputStream(bytes.toByteArray()));
    for (String name : NAMES) {
      assertEquals(e.top(40, name, AS_OF), restored.top(40, name, AS_OF), name);
    }
  }
}

package io.engagekit.scoring.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Journey;
import io.engagekit.core.JourneyOutcome;
import io.engagekit.core.JourneyPath;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class JourneysTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final JourneySettings DEFAULTS = JourneySettings.defaults();

  static Instant at(double hours) {
    return T0.plusSeconds(Math.round(hours * 3600));
  }

  static Touchpoint tp(String customer, double hours, Channel channel, TouchpointKind kind) {
    return Touchpoint.of(customer, at(hours), channel, kind);
  }

  /**
   * Sessionizing one customer's touchpoints (default gap 7 days): an email and a web visit a day
   * apart and a purchase two days later make one completed journey; a visit 8 days after the
   * purchase starts a new one, a complaint 1 hour later ends it as failed; a last visit 10 days
   * before the as-of instant is an abandoned journey, and one a day before it is in progress.
   */
  @Test
  void sessionize_gapsAndTerminalEvents() {
    List<Touchpoint> ts = List.of(
        tp("c1", 0, Channel.EMAIL, TouchpointKind.CAMPAIGN_RESPONSE),
        tp("c1", 24, Channel.WEB, TouchpointKind.VISIT),
        tp("c1", 72, Channel.WEB, TouchpointKind.PURCHASE),
        tp("c1", 72 + 8 * 24, Channel.WEB, TouchpointKind.VISIT),
        tp("c1", 72 + 8 * 24 + 1, Channel.PHONE, TouchpointKind.COMPLAINT),
        tp("c1", 72 + 8 * 24 + 2, Channel.WEB, TouchpointKind.VISIT),
        tp("c2", 0, Channel.WEB, TouchpointKind.VISIT));
    Instant asOf = at(72 + 8 * 24 + 2 + 24);
    List<Touchpoint> shuffled = new ArrayList<>(ts);
    Collections.shuffle(shuffled, new Random(1));
    List<JourneyPath> journeys = Journeys.assemble(shuffled, List.of(), DEFAULTS, asOf);
    assertEquals(journeys, Journeys.assemble(ts, List.of(), DEFAULTS, asOf));
    assertEquals(4, journeys.size());
    JourneyPath first = journeys.get(0);
    assertEquals(new Journey("session-1", "c1", Journeys.SESSION_TYPE, at(0), Optional.of(at(72)),
        JourneyOutcome.COMPLETED), first.journey());
    assertEquals(3, first.touchpoints().size());
    assertEquals(JourneyOutcome.FAILED, journeys.get(1).journey().outcome());
    assertEquals(2, journeys.get(1).touchpoints().size());
    assertEquals(Optional.of(at(72 + 8 * 24 + 1)), journeys.get(1).journey().end());
    assertEquals(JourneyOutcome.IN_PROGRESS, journeys.get(2).journey().outcome());
    assertEquals("c2", journeys.get(3).journey().customer());
    assertEquals(JourneyOutcome.ABANDONED, journeys.get(3).journey().outcome());
    assertEquals(List.of("session-1", "session-2", "session-3", "session-4"),
        journeys.stream().map(p -> p.journey().id()).toList());
    // A shorter gap cuts the first journey at the day between email and visit.
    List<JourneyPath> hourly = Journeys.assemble(ts, List.of(), DEFAULTS.withGap(Duration.ofHours(12)), asOf);
    assertEquals(JourneyOutcome.ABANDONED, hourly.get(0).journey().outcome());
    assertEquals(1, hourly.get(0).touchpoints().size());
  }

  /** A gap of exactly the gap splits; touchpoints at the instant of a purchase stay in its journey. */
  @Test
  void sessionize_boundaries() {
    List<Touchpoint> ts = List.of(
        tp("c", 0, Channel.WEB, TouchpointKind.VISIT),
        tp("c", 7 * 24, Channel.WEB, TouchpointKind.VISIT),
        tp("c", 7 * 24 + 1, Channel.WEB, TouchpointKind.PURCHASE),
        tp("c", 7 * 24 + 1, Channel.EMAIL, TouchpointKind.CONTENT_VIEW));
    List<JourneyPath> journeys = Journeys.assemble(ts, List.of(), DEFAULTS, at(7 * 24 + 1));
    assertEquals(2, journeys.size());
    assertEquals(JourneyOutcome.ABANDONED, journeys.get(0).journey().outcome());
    assertEquals(3, journeys.get(1).touchpoints().size());
    // The purchase is ordered last among touchpoints at its instant.
    assertEquals(TouchpointKind.PURCHASE, journeys.get(1).touchpoints().get(2).kind());
    assertEquals(JourneyOutcome.COMPLETED, journeys.get(1).journey().outcome());
  }

  /**
   * Journey ids: touchpoints naming a known journey join it (with its type and outcome); those
   * naming an unknown id make an untyped journey; a known journey without touchpoints is kept;
   * session ids skip ids in use.
   */
  @Test
  void journeyIds_knownAndUnknown() {
    Journey known = new Journey("session-1", "c", "open account", at(0), Optional.of(at(5)), JourneyOutcome.ABANDONED);
    Journey empty = new Journey("j-empty", "c", "return", at(10), Optional.empty(), JourneyOutcome.IN_PROGRESS);
    List<Touchpoint> ts = List.of(
        Touchpoint.builder("c", at(1), Channel.WEB, TouchpointKind.VISIT).journey("session-1").build(),
        Touchpoint.builder("c", at(2), Channel.PHONE, TouchpointKind.SUPPORT_CONTACT).journey("x").build(),
        Touchpoint.builder("c", at(3), Channel.PHONE, TouchpointKind.PURCHASE).journey("x").build(),
        tp("c", 4, Channel.CHAT, TouchpointKind.VISIT));
    List<JourneyPath> journeys = Journeys.assemble(ts, List.of(known, empty), DEFAULTS, at(6));
    assertEquals(List.of("session-1", "x", "session-2", "j-empty"), journeys.stream().map(p -> p.journey().id()).toList());
    assertEquals(known, journeys.get(0).journey());
    assertEquals(1, journeys.get(0).touchpoints().size());
    assertEquals(new Journey("x", "c", Journeys.UNTYPED, at(2), Optional.of(at(3)), JourneyOutcome.COMPLETED),
        journeys.get(1).journey());
    assertEquals(JourneyOutcome.IN_PROGRESS, journeys.get(2).journey().outcome());
    assertTrue(journeys.get(3).touchpoints().isEmpty());
  }

  @Test
  void badInput_isRefusedWithTheReason() {
    Journey known = new Journey("j", "c", "open account", at(0), Optional.of(at(5)), JourneyOutcome.COMPLETED);
    Touchpoint late = Touchpoint.builder("c", at(6), Channel.WEB, TouchpointKind.VISIT).journey("j").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Journeys.assemble(List.of(late), List.of(known), DEFAULTS, at(7)));
    assertTrue(e.getMessage().contains("outside its window"), e.getMessage());
    Touchpoint other = Touchpoint.builder("d", at(1), Channel.WEB, TouchpointKind.VISIT).journey("j").build();
    e = assertThrows(IllegalArgumentException.class,
        () -> Journeys.assemble(List.of(other), List.of(known), DEFAULTS, at(7)));
    assertTrue(e.getMessage().contains("which is customer c's"), e.getMessage());
    Touchpoint a = Touchpoint.builder("a", at(1), Channel.WEB, TouchpointKind.VISIT).journey("y").build();
    Touchpoint b = Touchpoint.builder("b", at(1), Channel.WEB, TouchpointKind.VISIT).journey("y").build();
    e = assertThrows(IllegalArgumentException.class, () -> Journeys.assemble(List.of(a, b), List.of(), DEFAULTS, at(7)));
    assertTrue(e.getMessage().contains("belongs to one customer"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Journeys.assemble(List.of(tp("c", 8, Channel.WEB, TouchpointKind.VISIT)), List.of(), DEFAULTS, at(7)));
    assertTrue(e.getMessage().contains("after the instant"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Journeys.assemble(List.of(), List.of(known, known), DEFAULTS, at(7)));
    assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withGap(Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> DEFAULTS.withKinds(java.util.Set.of(TouchpointKind.PURCHASE), java.util.Set.of(TouchpointKind.PURCHASE)));
  }
}

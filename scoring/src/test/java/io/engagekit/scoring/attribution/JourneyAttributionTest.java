package io.engagekit.scoring.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagekit.core.Channel;
import io.engagekit.core.ConversionPath;
import io.engagekit.core.Journey;
import io.engagekit.core.JourneyOutcome;
import io.engagekit.core.JourneyPath;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class JourneyAttributionTest {
  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  private static JourneyPath journey(String id, JourneyOutcome outcome, Touchpoint... touchpoints) {
    Instant end = touchpoints[touchpoints.length - 1].at();
    Optional<Instant> e = outcome == JourneyOutcome.IN_PROGRESS ? Optional.empty() : Optional.of(end);
    return new Journey(id, "c", "buy", touchpoints[0].at(), e, outcome).withTouchpoints(List.of(touchpoints));
  }

  private static Touchpoint tp(double days, Channel channel, TouchpointKind kind) {
    return Touchpoint.of("c", T0.plusSeconds(Math.round(days * 86_400)), channel, kind);
  }

  private static Touchpoint purchase(double days, double value) {
    return Touchpoint.builder("c", T0.plusSeconds(Math.round(days * 86_400)), Channel.WEB, TouchpointKind.PURCHASE)
        .value(value).build();
  }

  /**
   * Journeys become paths: completed ones are conversions with their purchases' value, abandoned
   * and failed ones nulls, equal channel sequences merged; in-progress journeys are left out.
   */
  @Test
  void paths_fromJourneys() {
    List<JourneyPath> journeys = List.of(
        journey("a", JourneyOutcome.COMPLETED, tp(0, Channel.EMAIL, TouchpointKind.CAMPAIGN_RESPONSE), purchase(1, 30)),
        journey("b", JourneyOutcome.COMPLETED, tp(0, Channel.EMAIL, TouchpointKind.CAMPAIGN_RESPONSE), purchase(2, 10)),
        journey("c", JourneyOutcome.ABANDONED, tp(0, Channel.EMAIL, TouchpointKind.CAMPAIGN_RESPONSE),
            tp(1, Channel.WEB, TouchpointKind.VISIT)),
        journey("d", JourneyOutcome.FAILED, tp(0, Channel.PHONE, TouchpointKind.COMPLAINT)),
        journey("e", JourneyOutcome.IN_PROGRESS, tp(0, Channel.PHONE, TouchpointKind.VISIT)));
    assertEquals(List.of(new ConversionPath(List.of("email", "web"), 2, 40, 1),
        new ConversionPath(List.of("phone"), 0, 0, 1)), Attributions.paths(journeys));
  }

  /**
   * Time-decay by hand (half-life 7 days): an email 7 days before the purchase weighs 1/2, a web
   * visit at the purchase 1 and the purchase itself 1: shares 0.2, 0.4, 0.4, so email 0.2 and web
   * 0.8 of the conversion and of its value 50. A null journey's channel is listed with no credit.
   * With a 1-day half-life the email weighs 2^−7.
   */
  @Test
  void timeDecay_byHand() {
    List<JourneyPath> journeys = List.of(
        journey("a", JourneyOutcome.COMPLETED, tp(0, Channel.EMAIL, TouchpointKind.CAMPAIGN_RESPONSE),
            tp(7, Channel.WEB, TouchpointKind.VISIT), purchase(7, 50)),
        journey("b", JourneyOutcome.ABANDONED, tp(0, Channel.SOCIAL, TouchpointKind.VISIT)));
    Attribution a = Attributions.timeDecay(journeys);
    assertEquals("time-decay", a.model());
    assertEquals(1, a.totalConversions());
    assertEquals(50, a.totalValue());
    assertEquals(0.2, a.channels().get("email").conversions(), 1e-12);
    assertEquals(0.8, a.channels().get("web").conversions(), 1e-12);
    assertEquals(40, a.channels().get("web").value(), 1e-12);
    assertEquals(0, a.channels().get("social").conversions());
    double w = Math.pow(2, -7);
    assertEquals(w / (w + 2), Attributions.timeDecay(journeys, Duration.ofDays(1)).channels().get("email").conversions(),
        1e-12);
    assertThrows(IllegalArgumentException.class, () -> Attributions.timeDecay(journeys, Duration.ZERO));
  }
}

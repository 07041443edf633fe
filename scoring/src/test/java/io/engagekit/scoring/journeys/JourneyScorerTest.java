package io.engagekit.scoring.journeys;

import static io.engagekit.scoring.journeys.JourneysTest.T0;
import static io.engagekit.scoring.journeys.JourneysTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagekit.core.Channel;
import io.engagekit.core.Journey;
import io.engagekit.core.JourneyOutcome;
import io.engagekit.core.JourneyPath;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Score;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class JourneyScorerTest {
  private static final double EPS = 1e-9;

  /**
   * The source material's case, by hand: five pleasant contacts, and still a frustrating journey.
   * A "return" journey (expected 2 days) that took 4 days and was abandoned: outcome 0.2, duration
   * 2/4, four channel switches in four steps (quality 0), response times 60 s, 600 s and 1200 s
   * against 300 s (qualities 1, 1/2, 1/4: mean 7/12), no failures (1), three support contacts (two
   * repeats: 1/3). Weights 0.35, 0.15, 0.10, 0.15, 0.15, 0.10 (all informed, sum 1): score =
   * 100 (0.07 + 0.075 + 0 + 0.0875 + 0.15 + 0.0333…) = 41.583…. Every contact has sentiment 0.8
   * (quality 0.9) and none failed: the contacts with a response time r have quality (0.9 + r + 1)/3,
   * the others (0.9 + 1)/2.
   */
  @Test
  void pleasantContacts_frustratingJourney() {
    Journey j = new Journey("r1", "c", "return", T0, Optional.of(T0.plus(Duration.ofDays(4))), JourneyOutcome.ABANDONED);
    List<Touchpoint> ts = List.of(
        Touchpoint.builder("c", at(0), Channel.WEB, TouchpointKind.VISIT).sentiment(0.8).build(),
        Touchpoint.builder("c", at(1), Channel.PHONE, TouchpointKind.SUPPORT_CONTACT).sentiment(0.8)
            .responseSeconds(60).build(),
        Touchpoint.builder("c", at(2), Channel.EMAIL, TouchpointKind.SUPPORT_CONTACT).sentiment(0.8)
            .responseSeconds(600).build(),
        Touchpoint.builder("c", at(3), Channel.CHAT, TouchpointKind.SUPPORT_CONTACT).sentiment(0.8)
            .responseSeconds(1200).build(),
        Touchpoint.builder("c", at(96), Channel.WEB, TouchpointKind.VISIT).sentiment(0.8).build());
    JourneyScorer scorer = new JourneyScorer(JourneySettings.defaults()
        .withExpectedDurations(Map.of("return", Duration.ofDays(2))));
    Score s = scorer.journey(j.withTouchpoints(ts));
    assertEquals(100 * (0.35 * 0.2 + 0.15 * 0.5 + 0 + 0.15 * 7 / 12 + 0.15 + 0.10 / 3), s.value(), EPS);
    assertEquals(7.0, s.contribution("outcome").orElseThrow(), EPS);
    assertEquals(7.5, s.contribution("duration").orElseThrow(), EPS);
    assertEquals(0.0, s.contribution("channel_switches").orElseThrow(), EPS);
    Score t = scorer.touchpoints(ts);
    double touch = (2 * 1.9 / 2 + (1.9 + 1) / 3 + (1.9 + 0.5) / 3 + (1.9 + 0.25) / 3) / 5;
    assertEquals(100 * touch, t.value(), EPS);
    assertEquals(100 * (2 * 0.9 / 2 + 3 * 0.9 / 3) / 5, t.contribution("sentiment").orElseThrow(), EPS);
    // The touchpoints look good (about 88), the journey does not (about 42).
    Score customer = scorer.customer(List.of(j.withTouchpoints(ts)), 0.7);
    assertEquals(0.7 * s.value() + 0.3 * t.value(), customer.value(), EPS);
    assertEquals(s.value(), customer.measures().get("journey_score"), EPS);
    assertEquals(t.value(), customer.measures().get("touchpoint_score"), EPS);
    assertEquals(0.7 * 7.0, customer.contribution("journey:outcome").orElseThrow(), EPS);
  }

  /**
   * Factors a journey does not inform are left out and the rest rescaled: a completed journey with
   * one touchpoint and no response time or expected duration has outcome (0.35), failures (0.15)
   * and repeat contacts (0.10), all of quality 1: 100. A failed journey with no touchpoints: 0.
   */
  @Test
  void uninformedFactors_areLeftOut() {
    JourneyScorer scorer = new JourneyScorer(JourneySettings.defaults());
    Journey done = new Journey("a", "c", "buy", T0, Optional.of(T0), JourneyOutcome.COMPLETED);
    Score s = scorer.journey(done.withTouchpoints(List.of(Touchpoint.of("c", T0, Channel.WEB, TouchpointKind.PURCHASE))));
    assertEquals(100, s.value(), EPS);
    assertEquals(100 * 0.35 / 0.6, s.contribution("outcome").orElseThrow(), EPS);
    assertEquals(3, s.contributions().size());
    Journey failed = new Journey("b", "c", "buy", T0, Optional.of(T0), JourneyOutcome.FAILED);
    assertEquals(0, scorer.journey(failed.withTouchpoints(List.of())).value());
    // Journeys without touchpoints: the customer score is the journey score alone.
    JourneyPath inProgress = new Journey("d", "c", "buy", T0, Optional.empty(), JourneyOutcome.IN_PROGRESS)
        .withTouchpoints(List.of());
    assertEquals(50, scorer.customer(List.of(inProgress), 0.3).value(), EPS);
    assertEquals(Score.noEvidence("no journeys"), scorer.customer(List.of(), 0.7));
    assertEquals(Score.noEvidence("no touchpoints"), scorer.touchpoints(List.of()));
    assertThrows(IllegalArgumentException.class, () -> scorer.customer(List.of(inProgress), 1.5));
    assertThrows(IllegalArgumentException.class, () -> scorer.customer(List.of(inProgress), Double.NaN));
  }

  /** A complaint is a failure: it costs the journey and fails its touchpoint. */
  @Test
  void failures_countAgainstBoth() {
    JourneyScorer scorer = new JourneyScorer(JourneySettings.defaults());
    Journey j = new Journey("a", "c", "buy", T0, Optional.of(at(1)), JourneyOutcome.FAILED);
    JourneyPath p = j.withTouchpoints(List.of(Touchpoint.of("c", T0, Channel.WEB, TouchpointKind.VISIT),
        Touchpoint.of("c", at(1), Channel.WEB, TouchpointKind.COMPLAINT)));
    // outcome 0, switches 1 (no switch), failures 1/2, repeats 1 (one contact): (0.10 + 0.075 + 0.10)/0.7.
    assertEquals(100 * (0.10 + 0.15 * 0.5 + 0.10) / 0.70, scorer.journey(p).value(), EPS);
    assertEquals(50, scorer.touchpoints(p.touchpoints()).value(), EPS);
  }
}

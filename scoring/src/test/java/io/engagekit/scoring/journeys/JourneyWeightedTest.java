package io.engagekit.scoring.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagekit.core.Channel;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.journeys.JourneyScorer;
import io.engagekit.scoring.journeys.JourneySettings;
import io.engagekit.scoring.journeys.Journeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class JourneyWeightedTest {
  /**
   * The strategy scores what {@link JourneyScorer#customer} gives for the journeys {@link
   * Journeys#assemble} builds, survey answers ignored, and an instant before the last touchpoint
   * reads as of it.
   */
  @Test
  void scoresTheAssembledJourneys() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    List<Touchpoint> ts = List.of(Touchpoint.of("c", t0, Channel.EMAIL, TouchpointKind.CAMPAIGN_RESPONSE),
        Touchpoint.of("c", t0.plusSeconds(3600), Channel.WEB, TouchpointKind.PURCHASE),
        Touchpoint.of("c", t0.plusSeconds(86_400 * 20), Channel.PHONE, TouchpointKind.COMPLAINT));
    JourneyWeighted s = new JourneyWeighted(0.7, JourneySettings.defaults(), List.of());
    JourneyWeighted.State state = s.newState();
    ts.forEach(state::accept);
    state.accept(SurveyResponse.of("c", t0, SurveyMetric.NPS, 0));
    Instant asOf = t0.plusSeconds(86_400 * 30);
    JourneyScorer scorer = new JourneyScorer(JourneySettings.defaults());
    Score expected = scorer.customer(Journeys.assemble(ts, List.of(), JourneySettings.defaults(), asOf), 0.7);
    assertEquals(expected, s.score(state, asOf));
    assertEquals(2.0, expected.measures().get("journeys"));
    assertEquals(scorer.customer(Journeys.assemble(ts, List.of(), JourneySettings.defaults(), ts.get(2).at()), 0.7),
        s.score(state, t0));
    assertEquals(Score.noEvidence("no touchpoints"), s.score(s.newState(), asOf));
    assertThrows(IllegalArgumentException.class, () -> new JourneyWeighted(-0.1, JourneySettings.defaults(), List.of()));
  }
}

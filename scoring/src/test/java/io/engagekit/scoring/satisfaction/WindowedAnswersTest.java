package io.engagekit.scoring.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class WindowedAnswersTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @SuppressWarnings("unchecked")
  private static final ScoringStrategy<WindowedAnswers.State> NPS_90 =
      (ScoringStrategy<WindowedAnswers.State>) ScoringStrategies.satisfaction(SurveyMetric.NPS, Duration.ofDays(90));

  /** The class javadoc's example. */
  @Test
  void meanWithinTheWindow() {
    WindowedAnswers.State s = NPS_90.newState();
    s.accept(SurveyResponse.of("c", T, SurveyMetric.NPS, 6));
    s.accept(SurveyResponse.of("c", T.plus(Duration.ofDays(61)), SurveyMetric.NPS, 10));
    s.accept(SurveyResponse.of("c", T, SurveyMetric.CSAT, 1)); // another metric: ignored
    Score both = NPS_90.score(s, T.plus(Duration.ofDays(61)));
    assertEquals(80.0, both.value(), 1e-9);
    assertEquals(80.0, both.contribution("mean_nps").orElseThrow(), 1e-9);
    assertEquals(100.0, NPS_90.score(s, T.plus(Duration.ofDays(91))).value(), 1e-9);
    assertEquals(Score.noEvidence("no answer in the window"), NPS_90.score(s, T.plus(Duration.ofDays(200))));
    assertEquals("satisfaction.nps", NPS_90.name());
    assertThrows(IllegalArgumentException.class, () -> ScoringStrategies.satisfaction(SurveyMetric.CES, Duration.ZERO));
  }
}

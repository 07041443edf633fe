package io.engagekit.scoring.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagekit.core.Channel;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The satisfaction strategies: their worked examples (the contract runs in engagekit-testkit). */
final class SatisfactionStrategiesTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @SuppressWarnings("unchecked")
  static ScoringStrategy<LatestAnswer.State> latest(ScoringStrategy<?> s) {
    return (ScoringStrategy<LatestAnswer.State>) s;
  }

  @Test
  void nps_latestAnswerWins_6then9_is90() {
    ScoringStrategy<LatestAnswer.State> nps = latest(ScoringStrategies.satisfactionNps());
    LatestAnswer.State s = nps.newState();
    s.accept(SurveyResponse.of("c", T, SurveyMetric.NPS, 6));
    s.accept(SurveyResponse.of("c", T.plusSeconds(60), SurveyMetric.NPS, 9));
    s.accept(SurveyResponse.of("c", T.plusSeconds(120), SurveyMetric.CSAT, 1)); // another metric: ignored
    s.accept(Touchpoint.of("c", T.plusSeconds(180), Channel.WEB, TouchpointKind.COMPLAINT)); // not a survey
    Score score = nps.score(s, T.plusSeconds(3600));
    assertEquals(new Score(90.0, List.of(new Contribution("latest_nps", 90.0))), score);
  }

  @Test
  void scales_mapLinearlyOntoZeroToHundred() {
    assertEquals(0.0, scoreOf(ScoringStrategies.satisfactionCsat(), SurveyMetric.CSAT, 1));
    assertEquals(75.0, scoreOf(ScoringStrategies.satisfactionCsat(), SurveyMetric.CSAT, 4));
    assertEquals(100.0, scoreOf(ScoringStrategies.satisfactionCes(), SurveyMetric.CES, 7));
    assertEquals(50.0, scoreOf(ScoringStrategies.satisfactionCes(), SurveyMetric.CES, 4));
    assertEquals(0.0, scoreOf(ScoringStrategies.satisfactionNps(), SurveyMetric.NPS, 0));
  }

  private static double scoreOf(ScoringStrategy<?> strategy, SurveyMetric metric, int answer) {
    ScoringStrategy<LatestAnswer.State> s = latest(strategy);
    LatestAnswer.State state = s.newState();
    state.accept(SurveyResponse.of("c", T, metric, answer));
    Score score = s.score(state, T);
    assertEquals(1, score.contributions().size());
    return score.value();
  }

  @Test
  void noAnswer_isNoEvidence_whileAWorstAnswerIsAZero() {
    ScoringStrategy<LatestAnswer.State> csat = latest(ScoringStrategies.satisfactionCsat());
    assertEquals(Score.noEvidence("no CSAT answer"), csat.score(csat.newState(), T));
    LatestAnswer.State worst = csat.newState();
    worst.accept(SurveyResponse.of("c", T, SurveyMetric.CSAT, 1));
    assertEquals(List.of(new Contribution("latest_csat", 0.0)), csat.score(worst, T).contributions());
  }

  @Test
  void tiesAtOneInstant_keepTheHigherAnswer_inEitherOrder() {
    ScoringStrategy<LatestAnswer.State> ces = latest(ScoringStrategies.satisfactionCes());
    LatestAnswer.State a = ces.newState();
    a.accept(SurveyResponse.of("c", T, SurveyMetric.CES, 2));
    a.accept(SurveyResponse.of("c", T, SurveyMetric.CES, 6));
    LatestAnswer.State b = ces.newState();
    b.accept(SurveyResponse.of("c", T, SurveyMetric.CES, 6));
    b.accept(SurveyResponse.of("c", T, SurveyMetric.CES, 2));
    assertEquals(ces.score(a, T), ces.score(b, T));
    assertEquals(100.0 * 5 / 6, ces.score(a, T).value(), 1e-12);
  }

  @Test
  void combine_ofStatesOfDifferentMetrics_isRejected() {
    LatestAnswer.State csat = latest(ScoringStrategies.satisfactionCsat()).newState();
    LatestAnswer.State nps = latest(ScoringStrategies.satisfactionNps()).newState();
    assertThrows(IllegalArgumentException.class, () -> csat.combine(nps));
  }
}

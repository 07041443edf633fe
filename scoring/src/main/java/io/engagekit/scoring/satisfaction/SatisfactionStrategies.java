package io.engagekit.scoring.satisfaction;

import io.engagekit.core.SurveyMetric;
import io.engagekit.scoring.ScoringStrategy;
import java.time.Duration;

/**
 * The satisfaction strategies: what customers say in surveys (CSAT, NPS, CES), as opposed to what
 * they do ({@code io.engagekit.scoring.loyalty}). {@link SurveyTally} summarises the same answers
 * for a population.
 *
 * <p>The implementations are package-private; {@link io.engagekit.scoring.ScoringStrategies} offers
 * the same strategies by name. Every returned strategy is immutable and thread-safe.
 */
public final class SatisfactionStrategies {
  private static final LatestAnswer CSAT = new LatestAnswer(SurveyMetric.CSAT, "satisfaction.csat",
      "Latest CSAT answer (1-5) mapped to 0-100; population: top-2-box share with a Wilson interval.");
  private static final LatestAnswer NPS = new LatestAnswer(SurveyMetric.NPS, "satisfaction.nps",
      "Latest NPS answer (0-10) mapped to 0-100; population: promoters minus detractors, -100 to 100.");
  private static final LatestAnswer CES = new LatestAnswer(SurveyMetric.CES, "satisfaction.ces",
      "Latest CES answer (1-7, 7 = easy) mapped to 0-100; population: mean and share of 5-7.");

  private SatisfactionStrategies() {}

  /**
   * {@code satisfaction.csat}: the latest CSAT answer mapped to 0–100.
   *
   * @return the strategy
   */
  public static ScoringStrategy<?> csat() {
    return CSAT;
  }

  /**
   * {@code satisfaction.nps}: the latest NPS answer mapped to 0–100.
   *
   * @return the strategy
   */
  public static ScoringStrategy<?> nps() {
    return NPS;
  }

  /**
   * {@code satisfaction.ces}: the latest CES answer mapped to 0–100.
   *
   * @return the strategy
   */
  public static ScoringStrategy<?> ces() {
    return CES;
  }

  /**
   * The mean answer to {@code metric} over a sliding {@code window}, mapped to 0–100.
   *
   * @param metric the survey metric
   * @param window the sliding window
   * @return the strategy
   */
  public static ScoringStrategy<?> windowed(SurveyMetric metric, Duration window) {
    return new WindowedAnswers(metric, window);
  }

  /**
   * Returns a latest-answer satisfaction strategy ({@code satisfaction.csat}, {@code .nps}, {@code
   * .ces}) scored over a sliding window instead, under the same registry name; any other strategy
   * as it is.
   *
   * @param strategy a strategy
   * @param window the sliding window
   * @return the windowed strategy, or {@code strategy}
   */
  public static ScoringStrategy<?> within(ScoringStrategy<?> strategy, Duration window) {
    if (strategy instanceof LatestAnswer latest) {
      return new WindowedAnswers(latest.metric(), window);
    }
    return strategy;
  }
}

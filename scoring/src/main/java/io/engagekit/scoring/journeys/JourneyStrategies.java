package io.engagekit.scoring.journeys;

import io.engagekit.core.Journey;
import io.engagekit.scoring.ScoringStrategy;
import java.util.Collection;
import java.util.List;

/**
 * The journey strategy {@code journey.weighted}: journeys weighted over single touchpoints, with the
 * weight {@code lambda} a researcher can vary ({@code evaluation.LambdaSweep}). The implementation is
 * package-private; {@link io.engagekit.scoring.ScoringStrategies} offers it by name. Every returned
 * strategy is immutable and thread-safe.
 */
public final class JourneyStrategies {
  private static final JourneyWeighted WEIGHTED = new JourneyWeighted(JourneyWeighted.DEFAULT_LAMBDA,
      JourneySettings.defaults(), List.of());

  private JourneyStrategies() {}

  /**
   * {@code journey.weighted} with the default lambda and settings and no known journeys.
   *
   * @return the strategy
   */
  public static ScoringStrategy<?> weighted() {
    return WEIGHTED;
  }

  /**
   * {@code journey.weighted} with the given journey weight, settings and known journeys.
   *
   * @param known journeys known beforehand
   * @param lambda the weight of journeys over single touchpoints, in [0, 1]
   * @param settings the settings
   * @return the strategy
   */
  public static ScoringStrategy<?> weighted(double lambda, JourneySettings settings, Collection<Journey> known) {
    return new JourneyWeighted(lambda, settings, known);
  }
}

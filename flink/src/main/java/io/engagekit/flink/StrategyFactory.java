package io.engagekit.flink;

import io.engagekit.scoring.ScoringStrategy;
import java.io.Serializable;
import java.util.List;

/**
 * Builds the strategies a Flink job scores with, on every task manager: strategies are not
 * serializable, so the job ships this factory and each task builds its own. The factory travels
 * with the job graph by Java serialization, so a lambda may capture only serializable values (names,
 * numbers, a fitted {@link io.engagekit.scoring.models.BgNbd} model, {@link
 * io.engagekit.scoring.loyalty.ModelSettings}):
 *
 * <pre>{@code
 * BgNbd model = BgNbd.fit(patterns.patterns()).model();
 * StrategyFactory factory = () -> List.of(ScoringStrategies.satisfactionNps(),
 *     ScoringStrategies.loyaltyBgNbd(model, ModelSettings.defaults()));
 * }</pre>
 *
 * <p>It must return equal strategies (the same names, in the same order, with the same settings)
 * every time it is called: state written by one task is read by another after a restart.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface StrategyFactory extends Serializable {
  /**
   * Returns new strategies with distinct names.
   *
   * @return one or more strategies
   */
  List<ScoringStrategy<?>> create();
}

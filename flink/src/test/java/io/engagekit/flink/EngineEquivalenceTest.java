package io.engagekit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.CdnowEvents;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.alerts.FadingInterest;
import io.engagekit.scoring.evaluation.Backtest;
import io.engagekit.scoring.loyalty.ModelSettings;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.RepeatPatterns;
import io.engagekit.scoring.simulation.Population;
import io.engagekit.scoring.simulation.SimulationSettings;
import io.engagekit.scoring.simulation.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance test of the Flink operator: on a MiniCluster, the scores the job computes as of an
 * instant equal the in-process engine's for the same events: exactly (every double to the last bit)
 * when events are applied in event-time order, and within rounding when applied on arrival,
 * at parallelism 1 and 2, for the CDNOW sample and a simulated population, population strategies
 * ({@code loyalty.rfm}, {@code loyalty.decayed}) included: at a fixed instant (a summary instant) the
 * job's population summaries are exact, so their scores equal too. The BG/NBD model is
 * fitted on RFM summaries aggregated by a Flink batch job; the engine fits its own on its population,
 * and the two models are equal. Kryo is switched off ({@code pipeline.generic-types: false}).
 */
final class EngineEquivalenceTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final ModelSettings WEEKS = ModelSettings.defaults();

  static StreamExecutionEnvironment env(int parallelism) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    return env;
  }

  /** Fits BG/NBD on RFM summaries counted by a Flink batch job. */
  /**
   * The engine fits BG/NBD itself, so its scores name that fit in their measures ({@code fit_as_of},
   * {@code fit_customers}, {@code fit_log_likelihood}, issue 19); the job scores with the model fitted
   * on the client, which it was given. The fits are asserted equal parameter by parameter; the scores
   * are compared with every other number.
   */
  private static Score withoutFit(Score score) {
    if (!score.hasEvidence()) {
      return score;
    }
    Map<String, Double> measures = new java.util.LinkedHashMap<>(score.measures());
    measures.keySet().removeIf(k -> k.startsWith("fit_"));
    return new Score(score.value(), score.contributions(), score.label(), measures);
  }

  static BgNbd fitInFlink(List<EngagementEvent> events, Instant asOf, int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(parallelism);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    RepeatPatterns summaries = RfmSummaries.collect(RfmSummaries.patterns(
        Streams.source(env, events, parallelism, Duration.ZERO, 0), WEEKS, asOf));
    return BgNbd.fit(summaries.patterns()).model();
  }

  @ParameterizedTest(name = "parallelism {0}, in event-time order {1}")
  @CsvSource({"1, true", "2, true", "1, false", "2, false"})
  void cdnow_scoresEqualTheEngines(int parallelism, boolean ordered) throws Exception {
    // Calibration end of the BG/NBD paper (Fader, Hardie and Lee 2005): week 39, 1997-09-30.
    Instant asOf = Backtest.endOfDay(LocalDate.of(1997, 9, 30), ZoneOffset.UTC);
    check(CdnowEvents.purchases(), asOf, parallelism, Duration.ofDays(3), false, ordered);
  }

  @ParameterizedTest(name = "parallelism {0}, in event-time order {1}")
  @CsvSource({"1, true", "2, true", "1, false", "2, false"})
  void simulatedPopulation_scoresEqualTheEngines(int parallelism, boolean ordered) throws Exception {
    Population p = Simulator.simulate(SimulationSettings.of(400, 20261122));
    check(p.events(), p.calibrationEnd(), parallelism, Duration.ofHours(12), true, ordered);
  }

  /**
   * Applied on arrival (the default), events that arrive out of order are summed in another order
   * than the engine's, so sums of doubles may differ in their last bits: every number within
   * 1e-12 (relative), every label and name exactly.
   */
  static void assertClose(Score expected, Score actual, String message) {
    assertEquals(expected.absence(), actual.absence(), message);
    assertEquals(expected.label(), actual.label(), message);
    assertClose(expected.value(), actual.value(), message);
    assertEquals(expected.contributions().size(), actual.contributions().size(), message);
    for (int i = 0; i < expected.contributions().size(); i++) {
      assertEquals(expected.contributions().get(i).name(), actual.contributions().get(i).name(), message);
      assertClose(expected.contributions().get(i).value(), actual.contributions().get(i).value(), message);
    }
    assertEquals(expected.measures().keySet(), actual.measures().keySet(), message);
    for (String k : expected.measures().keySet()) {
      assertClose(expected.measures().get(k), actual.measures().get(k), message + " " + k);
    }
  }

  private static void assertClose(double expected, double actual, String message) {
    assertEquals(expected, actual, 1e-12 * Math.max(1.0, Math.abs(expected)), message);
  }

  private static void check(List<EngagementEvent> all, Instant asOf, int parallelism, Duration outOfOrderness,
      boolean surveys, boolean ordered) throws Exception {
    List<EngagementEvent> events = Streams.inTimeOrder(all);
    BgNbd model = fitInFlink(events, asOf, parallelism);
    StrategyFactory factory = surveys
        ? () -> List.of(ScoringStrategies.satisfactionCsat(), ScoringStrategies.satisfactionNps(),
            ScoringStrategies.loyaltyAdvocacy(), ScoringStrategies.compositeBlocks(), FadingInterest.strategy(),
            ScoringStrategies.journeyWeighted(), ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyDecayed(),
            ScoringStrategies.loyaltyBgNbd(model, WEEKS))
        : () -> List.of(ScoringStrategies.compositeBlocks(), FadingInterest.strategy(),
            ScoringStrategies.journeyWeighted(), ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyDecayed(),
            ScoringStrategies.loyaltyBgNbd(model, WEEKS));

    // The in-process engine: the same strategies, but BG/NBD fitted on its own population.
    List<ScoringStrategy<?>> inProcess = new java.util.ArrayList<>(factory.create());
    inProcess.set(inProcess.size() - 1, ScoringStrategies.loyaltyBgNbd(WEEKS));
    EngagementEngine engine = EngagementEngine.of(inProcess);
    Map<String, Long> counts = new HashMap<>();
    // In the order the job applies them in event-time order (ties by their bytes), so that every sum
    // of doubles is summed in the same order.
    for (EngagementEvent e : all.stream().sorted(CustomerState.ORDER).toList()) {
      if (!e.at().isAfter(asOf)) {
        engine.record(e);
        counts.merge(e.customer(), 1L, Long::sum);
      }
    }
    Map<String, Double> fitted = engine.baseline("loyalty.bgnbd", asOf).figures();
    assertEquals(List.of(fitted.get("r"), fitted.get("alpha"), fitted.get("a"), fitted.get("b")),
        List.of(model.r(), model.alpha(), model.a(), model.b()), "the model fitted on Flink's RFM summaries");

    StreamExecutionEnvironment env = env(parallelism);
    FlinkScoring scoring = ordered ? FlinkScoring.of(factory).at(asOf).inEventTimeOrder()
        : FlinkScoring.of(factory).at(asOf);
    List<CustomerScores> out = Streams.collect(scoring
        .score(Streams.source(env, events, parallelism, outOfOrderness, 0)));

    assertEquals(engine.customers(), out.size(), "one AS_OF record per customer with events up to asOf");
    int compared = 0;
    for (CustomerScores s : out) {
      assertEquals(CustomerScores.Cause.AS_OF, s.cause());
      assertEquals(asOf, s.asOf());
      assertEquals(counts.get(s.customer()), s.events(), s.customer());
      for (ScoringStrategy<?> strategy : inProcess) {
        Score expected = withoutFit(engine.score(s.customer(), strategy.name(), asOf).orElseThrow());
        if (ordered) {
          assertEquals(expected, s.score(strategy.name()), s.customer() + " " + strategy.name());
        } else {
          assertClose(expected, s.score(strategy.name()), s.customer() + " " + strategy.name());
        }
        compared++;
      }
    }
    assertTrue(compared >= engine.customers() * inProcess.size(), "compared " + compared);
  }
}

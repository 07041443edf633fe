package io.engagekit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.VersionedCounter;
import io.engagekit.scoring.alerts.FadingInterest;
import io.engagekit.scoring.simulation.Population;
import io.engagekit.scoring.simulation.SimulationSettings;
import io.engagekit.scoring.simulation.Simulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job stopped with a savepoint mid-stream and resumed from it emits exactly what an uninterrupted
 * run emits: every count-triggered emission (which depends on each customer's event counter), every
 * fading alert, and the final scores with their event counts. Nothing is lost and nothing counted
 * twice. The second test resumes with a strategy whose state layout changed (version 1 to 2) and
 * shows the new version reading the state the old one wrote.
 */
final class SavepointTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());


  @TempDir
  Path savepoints;

  @Test
  void stoppedWithASavepointAndResumed_emitsExactlyWhatAnUninterruptedRunEmits() throws Exception {
    Population p = Simulator.simulate(SimulationSettings.of(300, 7));
    List<EngagementEvent> events = Streams.inTimeOrder(p.events());
    Instant asOf = p.holdoutEnd();
    StrategyFactory factory = () -> List.of(ScoringStrategies.satisfactionNps(), ScoringStrategies.loyaltyAdvocacy(),
        ScoringStrategies.compositeBlocks(), FadingInterest.strategy(), ScoringStrategies.journeyWeighted());
    FlinkScoring scoring = FlinkScoring.of(factory).everyEvents(5).at(asOf).alertThreshold(0.3);

    List<Object> reference = run(scoring, events);
    List<Object> resumed = stopAndResume(scoring, scoring, events);
    assertEquals(sorted(reference), sorted(resumed));
    assertTrue(reference.stream().anyMatch(o -> o instanceof FadingInterest.Alert), "no alert was emitted");
    assertEquals(p.customers().size(), reference.stream()
        .filter(o -> o instanceof CustomerScores s && s.cause() == CustomerScores.Cause.AS_OF).count());
  }

  @Test
  void aSavepointOfOneStrategyVersion_isReadByTheNext() throws Exception {
    Population p = Simulator.simulate(SimulationSettings.of(200, 8));
    List<EngagementEvent> events = Streams.inTimeOrder(p.events());
    Instant asOf = p.holdoutEnd();
    FlinkScoring v1 = FlinkScoring.of(() -> List.of(ScoringStrategies.satisfactionNps(), new VersionedCounter(1)))
        .everyEvents(5).at(asOf);
    FlinkScoring v2 = FlinkScoring.of(() -> List.of(ScoringStrategies.satisfactionNps(), new VersionedCounter(2)))
        .everyEvents(5).at(asOf);
    List<Object> reference = run(v2, events);
    List<Object> upgraded = stopAndResume(v1, v2, events);
    assertEquals(sorted(reference), sorted(upgraded));
    for (Object o : upgraded) {
      CustomerScores s = (CustomerScores) o;
      assertEquals(Math.min(100, s.events()), s.score("test.counter").value(), s.customer());
    }
  }

  @Test
  void populationSummaries_surviveASavepoint() throws Exception {
    // The population-scoring operator's state: the copy of every customer's population states that
    // subtask 0 writes, the updates not applied yet, and the scores waiting for the watermark.
    Population p = Simulator.simulate(SimulationSettings.of(300, 9));
    List<EngagementEvent> events = Streams.inTimeOrder(p.events());
    Instant asOf = p.holdoutEnd();
    FlinkScoring scoring = FlinkScoring.of(() -> List.of(ScoringStrategies.loyaltyRfm(), FadingInterest.strategy(),
            ScoringStrategies.loyaltyDecayed()))
        .summaryEvery(Duration.ofDays(7)).at(asOf).everyEvents(5).alertThreshold(0.3).inEventTimeOrder();
    List<Object> reference = run(scoring, events);
    List<Object> resumed = stopAndResume(scoring, scoring, events);
    assertSame(sorted(reference), sorted(resumed));
    assertTrue(reference.stream().anyMatch(o -> o instanceof FadingInterest.Alert), "no alert was emitted");
    assertTrue(reference.stream().anyMatch(o -> o instanceof CustomerScores s
        && s.score("loyalty.rfm").label().orElse("").endsWith("champions")), "no RFM champion was scored");
  }

  /** Runs until a third of the events are in, stops with a savepoint, resumes with {@code after}. */
  private List<Object> stopAndResume(FlinkScoring before, FlinkScoring after, List<EngagementEvent> events)
      throws Exception {
    String key = Streams.queue();
    String sourceKey = Streams.register(events);
    StreamExecutionEnvironment env = env(null);
    // About 4 s for the whole input, so that the stop lands mid-stream.
    wire(env, before, sourceKey, events.size(), key, events.size() / 4.0);
    JobClient client = env.executeAsync("engagekit-before");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (Streams.OUT.get(key).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(300);
    String savepoint = client.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
        .get();
    List<Object> first = new ArrayList<>(Streams.OUT.get(key));
    assertFalse(first.isEmpty(), "nothing was emitted before the stop");
    assertFalse(first.stream().anyMatch(o -> o instanceof CustomerScores s && s.cause() == CustomerScores.Cause.AS_OF),
        "the job reached the final instant before it was stopped; the test must stop it mid-stream");

    StreamExecutionEnvironment resumed = env(savepoint);
    wire(resumed, after, sourceKey, events.size(), key, 0);
    resumed.execute("engagekit-after");
    return new ArrayList<>(Streams.OUT.get(key));
  }

  private List<Object> run(FlinkScoring scoring, List<EngagementEvent> events) throws Exception {
    String key = Streams.queue();
    StreamExecutionEnvironment env = env(null);
    wire(env, scoring, Streams.register(events), events.size(), key, 0);
    env.execute("engagekit-reference");
    return new ArrayList<>(Streams.OUT.get(key));
  }

  private static StreamExecutionEnvironment env(String savepoint) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    if (savepoint != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  private static void wire(StreamExecutionEnvironment env, FlinkScoring scoring, String sourceKey, int count,
      String key, double perSecond) {
    var scores = scoring.score(Streams.source(env, sourceKey, count, 2, Duration.ofHours(6), perSecond));
    scores.sinkTo(new Streams.ToQueue<>(key)).uid("scores-sink");
    scores.getSideOutput(FlinkScoring.ALERTS).sinkTo(new Streams.ToQueue<>(key)).uid("alerts-sink");
    scores.getSideOutput(FlinkScoring.LATE_EVENTS).sinkTo(new Streams.ToQueue<>(key)).uid("late-sink");
  }

  /** Equal lists, or a failure naming the first few records only one of them holds. */
  private static void assertSame(List<String> expected, List<String> actual) {
    if (!expected.equals(actual)) {
      List<String> missing = new ArrayList<>(expected);
      missing.removeAll(actual);
      List<String> extra = new ArrayList<>(actual);
      extra.removeAll(expected);
      throw new AssertionError(expected.size() + " records expected, " + actual.size() + " emitted ("
          + kinds(expected) + " against " + kinds(actual) + "); missing "
          + missing.stream().limit(3).map(r -> r.substring(0, Math.min(300, r.length()))).toList() + "; unexpected "
          + extra.stream().limit(3).map(r -> r.substring(0, Math.min(300, r.length()))).toList());
    }
  }

  private static java.util.Map<String, Long> kinds(List<String> records) {
    return records.stream().collect(java.util.stream.Collectors.groupingBy(
        r -> r.startsWith("Alert") ? "alert" : r.contains("|") ? r.split("\\|")[2] : "other", java.util.TreeMap::new,
        java.util.stream.Collectors.counting()));
  }

  private static List<String> sorted(List<Object> records) {
    return records.stream().map(o -> o instanceof CustomerScores s ? s.customer() + "|" + s.asOf() + "|" + s.cause()
        + "|" + s.events() + "|" + s.scores() : o.toString()).sorted().toList();
  }
}

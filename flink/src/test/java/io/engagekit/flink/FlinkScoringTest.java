package io.engagekit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.VersionedCounter;
import io.engagekit.scoring.VisitCounter;
import io.engagekit.scoring.alerts.FadingInterest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The triggers, late events, alerts and requests of the operator, and the settings it refuses. */
final class FlinkScoringTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static Touchpoint visit(String customer, long day) {
    return Touchpoint.of(customer, START.plus(Duration.ofDays(day)), Channel.WEB, TouchpointKind.VISIT);
  }

  @Test
  void everyNEvents_emitsAsOfTheNthEvent_andAPeriodicTimerShowsACustomerGoingQuiet() throws Exception {
    // c1 visits daily for 90 days, then goes quiet; c2 visits twice.
    List<EngagementEvent> events = new ArrayList<>();
    for (int day = 0; day < 90; day++) {
      events.add(visit("c1", day));
    }
    events.add(visit("c2", 10));
    events.add(visit("c2", 11));
    events.add(visit("c3", 200)); // holds the watermark past c1's quiet weeks
    StreamExecutionEnvironment env = EngineEquivalenceTest.env(1);
    SingleOutputStreamOperator<CustomerScores> scores = FlinkScoring
        .of(() -> List.of(new VersionedCounter(2), FadingInterest.strategy()))
        .everyEvents(30).every(Duration.ofDays(7)).until(START.plus(Duration.ofDays(200))).alertThreshold(0.4)
        .score(Streams.source(env, Streams.inTimeOrder(events), 1, Duration.ofDays(1), 0));
    String key = sinks(scores);
    env.execute();
    List<CustomerScores> out = scores(key);

    List<CustomerScores> counted = out.stream().filter(s -> s.cause() == CustomerScores.Cause.EVENTS).toList();
    assertEquals(List.of(30L, 60L, 90L), counted.stream().filter(s -> s.customer().equals("c1"))
        .map(CustomerScores::events).toList());
    assertEquals(START.plus(Duration.ofDays(29)), counted.get(0).asOf());
    // Weekly scores at multiples of 7 days since the epoch, from the first event to the end given.
    List<CustomerScores> weekly = out.stream()
        .filter(s -> s.cause() == CustomerScores.Cause.TIMER && s.customer().equals("c1")).toList();
    for (CustomerScores s : weekly) {
      assertEquals(0, s.asOf().toEpochMilli() % Duration.ofDays(7).toMillis(), s.toString());
    }
    assertEquals(29, weekly.size(), "weekly scores");
    assertTrue(weekly.get(weekly.size() - 1).asOf().isBefore(START.plus(Duration.ofDays(200))));
    // The alerts: c1's interest fades after day 90, and the weekly scores catch it.
    List<FadingInterest.Alert> alerts = alerts(key);
    assertTrue(alerts.stream().anyMatch(a -> a.customer().equals("c1") && a.level() == FadingInterest.Level.CRITICAL),
        alerts.toString());
    assertTrue(alerts.stream().allMatch(a -> a.customer().equals("c1")), alerts.toString());
  }

  @Test
  void lateEvents_areMergedCountedAndCopied_neverDropped() throws Exception {
    // c1's events arrive out of order by more than the watermark allows: days 0..9, then day 2 again.
    List<EngagementEvent> events = new ArrayList<>();
    for (int day = 0; day < 10; day++) {
      events.add(visit("c1", day));
    }
    events.add(visit("c1", 2));
    events.add(visit("c2", 20));
    Instant end = START.plus(Duration.ofDays(30));
    StreamExecutionEnvironment env = EngineEquivalenceTest.env(1);
    SingleOutputStreamOperator<CustomerScores> scores = FlinkScoring.of(() -> List.of(new VersionedCounter(2)))
        .at(end).score(Streams.punctuated(env, events));
    String key = sinks(scores);
    scores.getSideOutput(FlinkScoring.LATE_EVENTS).sinkTo(new Streams.ToQueue<>(key));
    env.execute();
    List<Object> all = new ArrayList<>(Streams.OUT.get(key));
    assertEquals(List.of(visit("c1", 2)), all.stream().filter(o -> o instanceof Touchpoint).toList());
    CustomerScores c1 = scores(key).stream().filter(s -> s.customer().equals("c1")).findFirst().orElseThrow();
    assertEquals(11, c1.events(), "the late event is in the state");
  }

  @Test
  void requests_areAnsweredInEventTime() throws Exception {
    List<EngagementEvent> events = new ArrayList<>();
    for (int day = 0; day < 20; day++) {
      events.add(visit("c1", day));
    }
    StreamExecutionEnvironment env = EngineEquivalenceTest.env(1);
    DataStream<ScoreRequest> requests = env.fromData(EngageKitTypes.requests(),
            new ScoreRequest("c1", START.plus(Duration.ofDays(4)).plusSeconds(1)), new ScoreRequest("c9", START))
        .assignTimestampsAndWatermarks(FlinkScoring.requestWatermarks(Duration.ofSeconds(1)));
    SingleOutputStreamOperator<CustomerScores> scores = FlinkScoring.of(() -> List.of(new VersionedCounter(2)))
        .score(Streams.source(env, events, 1, Duration.ofDays(1), 0), requests);
    String key = sinks(scores);
    env.execute();
    List<CustomerScores> out = scores(key);
    CustomerScores c1 = out.stream().filter(s -> s.customer().equals("c1")).findFirst().orElseThrow();
    assertEquals(CustomerScores.Cause.REQUEST, c1.cause());
    assertEquals(5, c1.events(), "days 0 to 4 are at or before the request's instant");
    CustomerScores c9 = out.stream().filter(s -> s.customer().equals("c9")).findFirst().orElseThrow();
    assertEquals(0, c9.events());
  }

  @Test
  void settingsTheOperatorCannotHonour_areRefusedWithTheReason() {
    IllegalArgumentException population = assertThrows(IllegalArgumentException.class,
        () -> FlinkScoring.of(() -> List.of(ScoringStrategies.loyaltyBgNbd())));
    assertTrue(population.getMessage().contains(
        "loyalty.bgnbd scores customers relative to the population against a model fitted on it"),
        population.getMessage());
    FlinkScoring rfm = FlinkScoring.of(() -> List.of(ScoringStrategies.loyaltyRfm(),
        ScoringStrategies.loyaltyDecayed()));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    IllegalStateException instants = assertThrows(IllegalStateException.class, () -> rfm.everyEvents(3)
        .score(env.fromData(List.<EngagementEvent>of(), EngageKitTypes.events())));
    assertTrue(instants.getMessage().contains("give fixed instants (at), a scoring period (every) or a summary"
        + " period (summaryEvery)"), instants.getMessage());
    assertThrows(IllegalArgumentException.class, () -> rfm.summaryEvery(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> rfm.summaryEvery(Duration.ofNanos(1500)));
    IllegalArgumentException snapshots = assertThrows(IllegalArgumentException.class,
        () -> FlinkScoring.of(() -> List.of(new VisitCounter())));
    assertTrue(snapshots.getMessage().contains("does not support snapshots"), snapshots.getMessage());
    Object notSerializable = new Object();
    IllegalArgumentException serializable = assertThrows(IllegalArgumentException.class,
        () -> FlinkScoring.of(() -> List.of(notSerializable.hashCode() > 0 ? new VersionedCounter(2)
            : new VisitCounter())));
    assertTrue(serializable.getMessage().contains("must be serializable"), serializable.getMessage());
    FlinkScoring ok = FlinkScoring.of(() -> List.of(new VersionedCounter(2)));
    assertThrows(IllegalArgumentException.class, () -> ok.everyEvents(0));
    assertThrows(IllegalArgumentException.class, () -> ok.every(Duration.ofNanos(1500)));
    assertThrows(IllegalArgumentException.class, () -> ok.alertThreshold(0));
  }

  private static String sinks(SingleOutputStreamOperator<CustomerScores> scores) {
    String key = Streams.queue();
    scores.sinkTo(new Streams.ToQueue<>(key));
    scores.getSideOutput(FlinkScoring.ALERTS).sinkTo(new Streams.ToQueue<>(key));
    return key;
  }

  private static List<CustomerScores> scores(String key) {
    return Streams.OUT.get(key).stream().filter(o -> o instanceof CustomerScores).map(o -> (CustomerScores) o).toList();
  }

  private static List<FadingInterest.Alert> alerts(String key) {
    return Streams.OUT.get(key).stream().filter(o -> o instanceof FadingInterest.Alert)
        .map(o -> (FadingInterest.Alert) o)
        .toList();
  }
}

package io.engagekit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.alerts.FadingInterest;
import io.engagekit.scoring.simulation.Population;
import io.engagekit.scoring.simulation.SimulationSettings;
import io.engagekit.scoring.simulation.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The staleness the job documents for population strategies, checked record by record: a score as
 * of T is the customer's states as of T against the population as of the latest summary instant at
 * or before T (a fixed instant, a multiple of the scoring period or of the summary period). The
 * expected scores come from in-process engines fed the same events, in the order the job applies
 * them, up to each instant.
 */
final class PopulationScoringTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void everyNEvents_isScoredAgainstThePopulationAsOfTheLatestSummaryInstant() throws Exception {
    Population p = Simulator.simulate(SimulationSettings.of(300, 9));
    Instant asOf = p.holdoutEnd();
    FlinkScoring scoring = FlinkScoring.of(() -> List.of(ScoringStrategies.loyaltyRfm(), FadingInterest.strategy(),
            ScoringStrategies.loyaltyDecayed()))
        .summaryEvery(WEEK).at(asOf).everyEvents(5).inEventTimeOrder();
    // Two readers of contiguous halves: the second half's events arrive long before the first's end.
    List<CustomerScores> out = run(scoring, p.events(), 2);
    int checked = check(out, p.events(), List.of(asOf), WEEK.toMillis(), true);
    assertTrue(out.stream().anyMatch(s -> s.cause() == CustomerScores.Cause.EVENTS), "no EVENTS score");
    assertEquals(out.size(), checked);
  }

  @Test
  void requests_areScoredAgainstThePopulationAsOfTheLatestSummaryInstant() throws Exception {
    Population p = Simulator.simulate(SimulationSettings.of(200, 13));
    List<EngagementEvent> events = Streams.inTimeOrder(p.events());
    java.util.SplittableRandom random = new java.util.SplittableRandom(13);
    List<ScoreRequest> requests = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      EngagementEvent e = events.get(random.nextInt(events.size()));
      requests.add(new ScoreRequest(e.customer(), e.at().plus(Duration.ofMinutes(random.nextInt(20_000)))));
    }
    requests.sort(Comparator.comparing(ScoreRequest::asOf));
    StreamExecutionEnvironment env = EngineEquivalenceTest.env(2);
    FlinkScoring scoring = FlinkScoring.of(() -> List.of(ScoringStrategies.loyaltyRfm(),
        ScoringStrategies.loyaltyDecayed())).summaryEvery(WEEK);
    List<CustomerScores> out = Streams.collect(scoring.score(
        Streams.source(env, events, 2, Duration.ofHours(6), 0),
        env.fromData(requests, EngageKitTypes.requests()).setParallelism(1)
            .assignTimestampsAndWatermarks(FlinkScoring.requestWatermarks(Duration.ofSeconds(5)))));
    assertEquals(requests.size(), out.size());
    assertTrue(out.stream().allMatch(s -> s.cause() == CustomerScores.Cause.REQUEST));
    assertEquals(out.size(), check(out, events, List.of(), WEEK.toMillis(), true));
  }

  @Test
  void appliedOnArrival_periodicScoresMatchWithinRounding() throws Exception {
    Population p = Simulator.simulate(SimulationSettings.of(300, 11));
    Instant asOf = p.holdoutEnd();
    FlinkScoring scoring = FlinkScoring.of(() -> List.of(ScoringStrategies.loyaltyDecayed(),
            ScoringStrategies.loyaltyRfm()))
        .every(Duration.ofDays(30)).until(asOf).at(asOf);
    List<CustomerScores> out = run(scoring, p.events(), 2);
    assertTrue(out.stream().filter(s -> s.cause() == CustomerScores.Cause.TIMER).count() > 300, "few periodic scores");
    assertEquals(out.size(), check(out, p.events(), List.of(asOf), Duration.ofDays(30).toMillis(), false));
  }

  @Test
  void lateEventsAndAlerts_leaveThroughTheOperatorUsersSee() throws Exception {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<EngagementEvent> events = new ArrayList<>();
    for (int day = 0; day < 60; day++) {
      events.add(purchase(start.plus(Duration.ofDays(day))));
    }
    events.add(purchase(start.plus(Duration.ofDays(2)).plusSeconds(1))); // late: the watermark is past day 58
    events.add(Touchpoint.of("c2", start.plus(Duration.ofDays(200)), io.engagekit.core.Channel.WEB,
        io.engagekit.core.TouchpointKind.VISIT));
    StreamExecutionEnvironment env = EngineEquivalenceTest.env(1);
    SingleOutputStreamOperator<CustomerScores> scores = FlinkScoring
        .of(() -> List.of(ScoringStrategies.loyaltyRfm(), FadingInterest.strategy()))
        .every(WEEK).until(start.plus(Duration.ofDays(200))).alertThreshold(0.4)
        .score(Streams.punctuated(env, events));
    String key = Streams.queue();
    scores.sinkTo(new Streams.ToQueue<>(key));
    scores.getSideOutput(FlinkScoring.ALERTS).sinkTo(new Streams.ToQueue<>(key));
    scores.getSideOutput(FlinkScoring.LATE_EVENTS).sinkTo(new Streams.ToQueue<>(key));
    env.execute();
    List<Object> all = new ArrayList<>(Streams.OUT.get(key));
    assertEquals(List.of(events.get(60)), all.stream().filter(o -> o instanceof Touchpoint).toList());
    assertTrue(all.stream().anyMatch(o -> o instanceof FadingInterest.Alert a && a.customer().equals("c1")),
        "c1 went quiet after day 60 and no alert came");
    CustomerScores last = all.stream().filter(o -> o instanceof CustomerScores s && s.customer().equals("c1"))
        .map(o -> (CustomerScores) o).max(Comparator.comparing(CustomerScores::asOf)).orElseThrow();
    assertEquals(61, last.events(), "the late purchase is in the state");
    assertEquals("555 champions", last.score("loyalty.rfm").label().orElseThrow(),
        "the only purchaser is the whole population");
  }

  private static Touchpoint purchase(Instant at) {
    return Touchpoint.builder("c1", at, io.engagekit.core.Channel.WEB, io.engagekit.core.TouchpointKind.PURCHASE)
        .value(10.0).build();
  }

  private static List<CustomerScores> run(FlinkScoring scoring, List<EngagementEvent> events, int parallelism)
      throws Exception {
    StreamExecutionEnvironment env = EngineEquivalenceTest.env(parallelism);
    return Streams.collect(scoring.score(Streams.source(env, Streams.inTimeOrder(events), parallelism,
        Duration.ofHours(6), 0)));
  }

  /**
   * Checks every record against engines fed the events up to its instant (the customer's own states)
   * and up to the latest summary instant at or before it (the population); returns how many.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int check(List<CustomerScores> out, List<EngagementEvent> all, List<Instant> fixed, long period,
      boolean exact) throws Exception {
    List<EngagementEvent> ordered = all.stream().sorted(CustomerState.ORDER).toList();
    List<CustomerScores> records = out.stream().sorted(Comparator.comparing(CustomerScores::asOf)).toList();
    String[] names = records.get(0).scores().keySet().toArray(String[]::new);
    List<ScoringStrategy<?>> strategies = new ArrayList<>();
    for (String name : names) {
      strategies.add(name.equals("loyalty.rfm") ? ScoringStrategies.loyaltyRfm()
          : name.equals("loyalty.decayed") ? ScoringStrategies.loyaltyDecayed() : FadingInterest.strategy());
    }
    EngagementEngine own = EngagementEngine.of(strategies);
    EngagementEngine population = EngagementEngine.of(strategies);
    Set<String> counted = new LinkedHashSet<>();
    int nextOwn = 0;
    int nextPopulation = 0;
    long populationAt = Long.MIN_VALUE;
    List<List<ScoreState>> states = new ArrayList<>();
    int checked = 0;
    for (CustomerScores r : records) {
      long t = r.asOf().toEpochMilli();
      long b = Math.floorDiv(t, period) * period;
      for (Instant f : fixed) {
        if (f.toEpochMilli() <= t) {
          b = Math.max(b, f.toEpochMilli());
        }
      }
      while (nextOwn < ordered.size() && !ordered.get(nextOwn).at().isAfter(r.asOf())) {
        own.record(ordered.get(nextOwn++));
      }
      if (b != populationAt) {
        while (nextPopulation < ordered.size() && ordered.get(nextPopulation).at().toEpochMilli() <= b) {
          EngagementEvent e = ordered.get(nextPopulation++);
          population.record(e);
          counted.add(e.customer());
        }
        populationAt = b;
        states.clear();
        for (int i = 0; i < names.length; i++) {
          List<ScoreState> column = new ArrayList<>();
          for (String id : counted) {
            column.add(population.stateRecord(id).orElseThrow().states(strategies)[i]);
          }
          states.add(column);
        }
      }
      ScoreState<?>[] mine = own.stateRecord(r.customer()).orElseThrow().states(strategies);
      for (int i = 0; i < names.length; i++) {
        ScoringStrategy s = strategies.get(i);
        Score expected = s instanceof PopulationStrategy ps
            ? ps.baseline(states.get(i), r.asOf()).score(mine[i], Customer.of(r.customer()))
            : s.score(mine[i], r.asOf(), Customer.of(r.customer()));
        String what = r.customer() + " " + r.cause() + " " + r.asOf() + " " + names[i];
        if (exact) {
          assertEquals(expected, r.score(names[i]), what);
        } else {
          EngineEquivalenceTest.assertClose(expected, r.score(names[i]), what);
        }
      }
      checked++;
    }
    return checked;
  }
}

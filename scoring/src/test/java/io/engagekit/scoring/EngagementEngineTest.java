package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class EngagementEngineTest {
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

  private static EngagementEngine engine() {
    return EngagementEngine.of(List.of(ScoringStrategies.satisfactionNps(), new VisitCounter()));
  }

  private static Touchpoint visit(String customer) {
    return Touchpoint.of(customer, T, Channel.WEB, TouchpointKind.VISIT);
  }

  @Test
  void customerIds_areEveryCustomerWithState_andLeaveOutOnesMergedAway() {
    EngagementEngine engine = EngagementEngine.of(List.of(ScoringStrategies.loyaltyRfm()));
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (String id : List.of("b", "a", "c", "a")) {
      engine.record(Touchpoint.of(id, t, Channel.WEB, TouchpointKind.VISIT));
    }
    List<String> ids = engine.customerIds();
    ids.sort(null);
    assertEquals(List.of("a", "b", "c"), ids);
    assertTrue(engine.mergeCustomer("c", "a"));
    List<String> after = engine.customerIds();
    after.sort(null);
    assertEquals(List.of("a", "b"), after);
    assertEquals(engine.customers(), after.size());
  }

  @Test
  void record_thenScore_perStrategy() {
    EngagementEngine e = engine();
    e.record(SurveyResponse.of("a", T, SurveyMetric.NPS, 9));
    for (int i = 0; i < 5; i++) {
      e.record(visit("a"));
    }
    assertEquals(90.0, e.score("a", "satisfaction.nps", T).orElseThrow().value());
    assertEquals(50.0, e.score("a", "test.visits", T).orElseThrow().value(), 1e-12);
    assertEquals(Optional.empty(), e.score("nobody", "test.visits", T));
    assertEquals(6, e.events());
    assertEquals(1, e.customers());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> e.score("a", "loyalty.x", T));
    assertTrue(unknown.getMessage().startsWith("this engine keeps no strategy named 'loyalty.x'"), unknown.getMessage());
  }

  @Test
  void top_ranksHighestFirst_tiesByCustomerId() {
    EngagementEngine e = engine();
    int[] visits = {3, 7, 7, 1, 0, 12};
    for (int c = 0; c < visits.length; c++) {
      e.record(SurveyResponse.of("c" + c, T, SurveyMetric.NPS, 5)); // every customer known
      for (int i = 0; i < visits[c]; i++) {
        e.record(visit("c" + c));
      }
    }
    List<String> top = e.top(4, "test.visits", T).stream().map(EngagementEngine.Ranked::customer).toList();
    assertEquals(List.of("c5", "c1", "c2", "c0"), top);
    // c4 never visited: no evidence, so not ranked, though it is known.
    assertEquals(5, e.top(100, "test.visits", T).size());
    assertFalse(e.score("c4", "test.visits", T).orElseThrow().hasEvidence());
    assertEquals(List.of(), e.top(0, "test.visits", T));
    assertThrows(IllegalArgumentException.class, () -> e.top(-1, "test.visits", T));
  }

  /** Shards merged equal one engine that saw every event: the sharding the design promises. */
  @Test
  void merge_ofShards_equalsOneEngine() {
    SplittableRandom r = new SplittableRandom(3);
    EngagementEngine whole = engine();
    List<EngagementEngine> shards = List.of(engine(), engine(), engine());
    for (int i = 0; i < 5_000; i++) {
      String customer = "c" + r.nextInt(300);
      EngagementEvent event = r.nextBoolean()
          ? visit(customer)
          : SurveyResponse.of(customer, T.plusSeconds(r.nextInt(1000)), SurveyMetric.NPS, r.nextInt(11));
      whole.record(event);
      shards.get(r.nextInt(3)).record(event);
    }
    EngagementEngine merged = engine();
    for (EngagementEngine shard : shards) {
      merged.merge(shard);
    }
    assertEquals(whole.customers(), merged.customers());
    assertEquals(whole.events(), merged.events());
    for (String strategy : List.of("satisfaction.nps", "test.visits")) {
      assertEquals(whole.top(300, strategy, T), merged.top(300, strategy, T), strategy);
    }
  }

  @Test
  void merge_rejectsOtherStrategiesAndItself() {
    EngagementEngine e = engine();
    assertThrows(IllegalArgumentException.class, () -> e.merge(e));
    EngagementEngine other = EngagementEngine.of(List.of(new VisitCounter()));
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.merge(other));
    assertEquals("cannot merge an engine keeping [test.visits] into one keeping [satisfaction.nps, test.visits]",
        x.getMessage());
  }

  @Test
  void of_rejectsNoStrategiesAndDuplicateNames() {
    assertThrows(IllegalArgumentException.class, () -> EngagementEngine.of(List.of()));
    assertThrows(IllegalArgumentException.class, () -> EngagementEngine.of(List.of(new VisitCounter(), new VisitCounter())));
  }

  /** Concurrent record from several threads loses no event: every one is counted in its customer's state. */
  @Test
  void record_fromManyThreads_losesNoEvent() throws Exception {
    EngagementEngine e = EngagementEngine.of(List.of(new EventCount()));
    int threads = 4;
    int perThread = 50_000;
    int customers = 64; // few customers: heavy contention on each one's lock
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        done.add(pool.submit(() -> {
          SplittableRandom r = new SplittableRandom(seed);
          start.await();
          for (int i = 0; i < perThread; i++) {
            e.record(visit("c" + r.nextInt(customers)));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals((long) threads * perThread, e.events());
    long counted = 0;
    for (int c = 0; c < customers; c++) {
      counted += EventCount.count(e.score("c" + c, EventCount.NAME, T).orElseThrow());
    }
    assertEquals((long) threads * perThread, counted);
  }

  /**
   * {@code recordAll} from two threads while a third folds customers into one another: no event is
   * lost or counted twice (a batch's customer merged away between its lookup and its lock is
   * looked up again), and every event ends in a surviving customer.
   */
  @Test
  void recordAll_fromTwoThreads_withMergesMeanwhile_losesNoEvent() throws Exception {
    EngagementEngine e = EngagementEngine.of(List.of(new EventCount()));
    int perThread = 200_000;
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch start = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean recording = new java.util.concurrent.atomic.AtomicBoolean(true);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int seed = t;
        done.add(pool.submit(() -> {
          SplittableRandom r = new SplittableRandom(seed);
          start.await();
          List<EngagementEvent> batch = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            batch.add(visit("c" + r.nextInt(200)));
            if (batch.size() == 1 + r.nextInt(300)) {
              e.recordAll(batch);
              batch.clear();
            }
          }
          e.recordAll(batch);
          return null;
        }));
      }
      Future<Integer> merges = pool.submit(() -> {
        SplittableRandom r = new SplittableRandom(9);
        start.await();
        int n = 0;
        while (recording.get()) {
          int from = r.nextInt(200);
          int into = r.nextInt(200);
          if (from != into && e.mergeCustomer("c" + from, "c" + into)) {
            n++;
          }
        }
        return n;
      });
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      recording.set(false);
      assertTrue(merges.get(60, TimeUnit.SECONDS) > 0, "no merge ran during the recording");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2L * perThread, e.events());
    long counted = 0;
    for (String id : e.customerIds()) {
      counted += EventCount.count(e.score(id, EventCount.NAME, T).orElseThrow());
    }
    assertEquals(2L * perThread, counted);
  }

  /** Counts events exactly: score = 100 * count / 2^20, exact in binary floating point. */
  static final class EventCount implements ScoringStrategy<EventCount.State> {
    static final String NAME = "test.count";
    private static final double CAPACITY = 1 << 20;

    static long count(Score score) {
      return Math.round(score.value() * CAPACITY / 100.0);
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String family() {
      return "custom";
    }

    @Override
    public String description() {
      return "Counts events.";
    }

    @Override
    public State newState() {
      return new State();
    }

    @Override
    public Score score(State state, Instant asOf) {
      double value = 100.0 * state.n / CAPACITY;
      return new Score(value, List.of(new Contribution("events", value)));
    }

    static final class State implements ScoreState<State> {
      long n;

      @Override
      public void accept(EngagementEvent event) {
        n++; // deliberately not atomic: the engine's per-customer lock must make it safe
      }

      @Override
      public void combine(State other) {
        n += other.n;
      }
    }
  }
}

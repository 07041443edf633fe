package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: 10,000,000 events recorded from 8 threads (half by {@code record}, half by {@code
 * recordAll}) into a live engine leave every one of 100,000 customers' states exactly as one thread
 * recording them in order does, byte for byte ({@link StateRecord}), with the same event count and
 * the same ranking. The strategies are those whose states are exact whatever the order (latest
 * answers, counts, whole-number spend): what this tests is that no update is lost, duplicated or
 * torn under contention; floating-point order dependence of decayed sums is issue 22's item 6.
 */
final class ConcurrentRecordStressTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 1_250_000;
  private static final int CUSTOMERS = 100_000;
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static List<ScoringStrategy<?>> strategies() {
    return List.of(ScoringStrategies.satisfactionNps(), ScoringStrategies.satisfactionCsat(),
        ScoringStrategies.loyaltyRfm());
  }

  /** Thread t's events, the same every time: purchases of whole amounts and NPS and CSAT answers. */
  private static void events(int t, Consumer<EngagementEvent> sink) {
    SplittableRandom r = new SplittableRandom(1_000 + t);
    for (int i = 0; i < PER_THREAD; i++) {
      String id = "c" + r.nextInt(CUSTOMERS);
      Instant at = T.plusSeconds(r.nextInt(365 * 86_400));
      sink.accept(switch (r.nextInt(4)) {
        case 0 -> SurveyResponse.of(id, at, SurveyMetric.NPS, r.nextInt(11));
        case 1 -> SurveyResponse.of(id, at, SurveyMetric.CSAT, 1 + r.nextInt(5));
        default -> Touchpoint.builder(id, at, Channel.WEB, TouchpointKind.PURCHASE).value(1 + r.nextInt(200)).build();
      });
    }
  }

  @Test
  void eightThreads_leaveEveryStateAsOneThreadDoes() throws Exception {
    EngagementEngine many = EngagementEngine.of(strategies());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          if (thread % 2 == 0) {
            events(thread, many::record);
          } else {
            List<EngagementEvent> batch = new ArrayList<>(500);
            events(thread, e -> {
              batch.add(e);
              if (batch.size() == 500) {
                many.recordAll(batch);
                batch.clear();
              }
            });
            many.recordAll(batch);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    EngagementEngine one = EngagementEngine.of(strategies());
    for (int t = 0; t < THREADS; t++) {
      events(t, one::record);
    }
    assertEquals((long) THREADS * PER_THREAD, many.events());
    assertEquals(one.events(), many.events());
    assertEquals(one.customers(), many.customers());
    int differing = 0;
    String first = null;
    for (String id : one.customerIds()) {
      if (!one.stateRecord(id).equals(many.stateRecord(id))) {
        differing++;
        first = first == null ? id : first;
      }
    }
    assertEquals(0, differing, differing + " customers differ, the first " + first);
    Instant asOf = T.plusSeconds(366L * 86_400);
    for (ScoringStrategy<?> s : strategies()) {
      assertEquals(one.top(20, s.name(), asOf), many.top(20, s.name(), asOf), s.name());
    }
  }
}

package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.ScoringStrategies;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The engine's allocation promise ({@code EngagementEngine}'s class javadoc): once every customer
 * is known and no view is open, {@code record} allocates nothing of its own. Measured with {@code
 * com.sun.management.ThreadMXBean#getThreadAllocatedBytes} over 200,000 records of the satisfaction
 * strategies (whose states allocate nothing) after a warm-up that lets the JIT compile the path.
 */
final class EngineAllocationTest {
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void record_ofKnownCustomers_allocatesNothing() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.satisfactionCsat(),
        ScoringStrategies.satisfactionNps(), ScoringStrategies.satisfactionCes()));
    EngagementEvent[] events = events(5);
    for (int round = 0; round < 30; round++) { // every customer known, the path compiled
      for (EngagementEvent event : events) {
        e.record(event);
      }
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    int records = 0;
    for (int round = 0; round < 12; round++) {
      for (EngagementEvent event : events) {
        e.record(event);
        records++;
      }
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    // A compiled record allocates 0 B; allow a few KB for the measurement itself and a late compilation.
    assertTrue(allocated < 16_384, allocated + " bytes over " + records + " records");
  }

  /** {@code recordAll}'s promise: a few KB per call (its lookup blocks), nothing per event. */
  @Test
  void recordAll_ofKnownCustomers_allocatesPerCallNotPerEvent() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.satisfactionCsat(),
        ScoringStrategies.satisfactionNps(), ScoringStrategies.satisfactionCes()));
    EngagementEvent[] events = events(6);
    List<List<EngagementEvent>> batches = new java.util.ArrayList<>();
    for (int from = 0; from < events.length; from += 1024) {
      batches.add(List.of(events).subList(from, from + 1024));
    }
    for (int round = 0; round < 30; round++) {
      batches.forEach(e::recordAll);
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    int calls = 0;
    for (int round = 0; round < 12; round++) {
      for (List<EngagementEvent> batch : batches) {
        e.recordAll(batch);
        calls++;
      }
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    // Three arrays of 128 per call (about 1.6 KB): 192 calls of 1,024 events are about 300 KB; one
    // byte per event more would be 196 KB more.
    assertTrue(allocated < calls * 2_048L + 16_384, allocated + " bytes over " + calls + " calls");
  }

  /** 16,384 visits and NPS answers of 2,000 customers. */
  private static EngagementEvent[] events(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    EngagementEvent[] events = new EngagementEvent[1 << 14];
    for (int i = 0; i < events.length; i++) {
      String id = "c" + r.nextInt(2_000);
      events[i] = r.nextBoolean()
          ? SurveyResponse.of(id, T.plusSeconds(i), SurveyMetric.NPS, r.nextInt(11))
          : Touchpoint.of(id, T.plusSeconds(i), Channel.WEB, TouchpointKind.VISIT);
    }
    return events;
  }
}

package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's own memory per customer, beyond its states and its id string (which the caller's
 * events hold anyway), as {@code EngagementEngine}'s javadoc and the README state it: heap in use
 * after a full collection, before and after 200,000 customers are recorded, less their states
 * (measured as {@code StateSizeTest} does). 64-bit JVM with compressed references.
 */
final class EngineOverheadTest {
  private static final int CUSTOMERS = 200_000;
  /** What {@code EngagementEngine}'s javadoc and the README say, in bytes a customer. */
  private static final int DOCUMENTED = 120;

  @Test
  void perCustomerOverhead_isNoMoreThanDocumented() {
    ScoringStrategy<?> strategy = ScoringStrategies.satisfactionNps();
    String[] ids = new String[CUSTOMERS];
    Touchpoint[] events = new Touchpoint[CUSTOMERS];
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int c = 0; c < CUSTOMERS; c++) {
      ids[c] = "c" + c;
      events[c] = Touchpoint.of(ids[c], t, Channel.WEB, TouchpointKind.VISIT);
    }
    long stateBytes = stateBytes(strategy);
    long before = usedAfterGc();
    EngagementEngine engine = EngagementEngine.forBatch(List.of(strategy));
    for (Touchpoint e : events) {
      engine.record(e);
    }
    long after = usedAfterGc();
    long perCustomer = (after - before) / CUSTOMERS - stateBytes;
    System.out.printf("engine overhead: %d bytes a customer beyond a %d-byte state (%d customers)%n",
        perCustomer, stateBytes, engine.customers());
    assertTrue(perCustomer <= DOCUMENTED, perCustomer + " bytes a customer, documented " + DOCUMENTED);
    assertTrue(events.length == engine.customers() && ids.length == CUSTOMERS); // keeps both reachable
  }

  private static long stateBytes(ScoringStrategy<?> strategy) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    ScoreState<?>[] states = new ScoreState<?>[10_000];
    long bytes = 0;
    for (int round = 0; round < 3; round++) {
      long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
      for (int i = 0; i < states.length; i++) {
        states[i] = strategy.newState();
      }
      bytes = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / states.length;
    }
    return bytes;
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int k = 0; k < 4; k++) { // the least of a few: a collection may leave floating garbage
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}

package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state sizes the strategies' javadoc and the README state, measured as the bytes this thread
 * allocates making empty states (ThreadMXBean, 64-bit JVM with compressed references); states of
 * these strategies do not grow with events. Issue 21 asks for at most 256 bytes a strategy.
 */
final class StateSizeTest {
  @Test
  void emptyStates_areNoLargerThanDocumented() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<String, Integer> documented = Map.of(
        "alert.fading", 224,
        "loyalty.decayed", 48,
        "loyalty.rfm", 40,
        "composite.blocks", 336);
    for (Map.Entry<String, Integer> e : documented.entrySet()) {
      ScoringStrategy<?> strategy = ScoringStrategies.named(e.getKey());
      ScoreState<?>[] states = new ScoreState<?>[10_000];
      for (int round = 0; round < 3; round++) {
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < states.length; i++) {
          states[i] = strategy.newState();
        }
        long bytes = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        if (round > 0) {
          assertTrue(bytes <= (long) e.getValue() * states.length + 1024,
              e.getKey() + ": " + bytes / states.length + " bytes a state, documented " + e.getValue());
        }
      }
    }
  }
}

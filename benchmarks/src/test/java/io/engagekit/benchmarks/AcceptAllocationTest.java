package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ScoreState.accept} "must not allocate on the hot path" (the SPI's contract), and {@code
 * loyalty.advocacy} and the {@code satisfaction.*} strategies promise it in their own javadoc: every
 * built-in strategy keeps it. The model strategies keep purchase days; the benchmark's 4,096 events
 * span 28 days, so after the warm-up no day is new and nothing grows. {@code journey.weighted} keeps
 * every touchpoint (its javadoc says why), so it may allocate only to grow its list: at most {@value
 * #GROWTH_BYTES} B an event, amortized (an {@code ArrayList} of compressed references grows by half). Measured with {@code ThreadMXBean#getThreadAllocatedBytes} over 200,000
 * of {@link StrategyBenchmark}'s events, each strategy fed its own kind (survey answers, acts of
 * advocacy, purchases), with and without sub-second times, after a warm-up that compiles the path.
 */
final class AcceptAllocationTest {
  /** The amortized growth of a list of compressed references, 4 B a slot over half again as many slots, rounded up. */
  static final int GROWTH_BYTES = 16;

  @Test
  void accept_allocatesNothing_inEveryBuiltInStrategy() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    List<String> failures = new ArrayList<>();
    for (ScoringStrategy<?> strategy : ScoringStrategies.all()) {
      for (boolean subsecond : new boolean[] {false, true}) {
        StrategyBenchmark b = new StrategyBenchmark();
        b.strategy = strategy.name();
        b.subsecond = subsecond;
        b.setup();
        for (int i = 0; i < 300_000; i++) {
          b.accept();
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 200_000; i++) {
          b.accept();
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // 0 B per accept once compiled; a few KB for the measurement itself and a late compilation.
        long allowed = 16_384 + (strategy.name().equals("journey.weighted") ? GROWTH_BYTES * 200_000L : 0);
        if (allocated >= allowed) {
          failures.add(strategy.name() + (subsecond ? " (sub-second)" : "") + ": " + allocated
              + " bytes over 200,000 accepts");
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}

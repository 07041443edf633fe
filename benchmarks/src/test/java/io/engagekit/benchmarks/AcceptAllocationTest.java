package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The strategies whose javadoc promises an allocation-free {@code accept} ({@code loyalty.advocacy},
 * the {@code satisfaction.*} strategies through {@code LatestAnswer}) and {@code loyalty.decayed}
 * (issue 3's 0 B/op target) keep it: {@code ThreadMXBean#getThreadAllocatedBytes} over 200,000 of
 * {@link StrategyBenchmark}'s events, each strategy fed its own kind, after a warm-up that compiles
 * the path.
 */
final class AcceptAllocationTest {
  @Test
  void accept_allocatesNothing_wherePromised() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    for (String name : new String[] {"loyalty.advocacy", "satisfaction.nps", "loyalty.decayed"}) {
      StrategyBenchmark b = new StrategyBenchmark();
      b.strategy = name;
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
      assertTrue(allocated < 16_384, name + ": " + allocated + " bytes over 200,000 accepts");
    }
  }
}

package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.scoring.decay.Decay;
import io.engagekit.scoring.decay.DecayedSum;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * DecayedSum's memory promise: an exponential (or none) sum is 48 bytes on a 64-bit JVM with
 * compressed references, the decay's constants and the empty slot arrays shared by all its sums.
 * Measured as the bytes this thread allocates making them (ThreadMXBean); here rather than in the
 * scoring module, whose tests run as a named module without java.management.
 */
final class DecayedSumAllocationTest {
  @Test
  void exponentialSums_are48Bytes() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (Decay decay : new Decay[] {Decay.exponential(Duration.ofDays(7)), Decay.none()}) {
      DecayedSum[] sums = new DecayedSum[10_000];
      for (int round = 0; round < 3; round++) { // the first round also makes the shared constants
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < sums.length; i++) {
          sums[i] = decay.newSum();
        }
        long bytes = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        if (round > 0) {
          assertTrue(bytes <= 48L * sums.length + 1024, decay + ": " + bytes / sums.length + " bytes a sum");
        }
      }
      assertEquals(decay, sums[0].decay());
    }
  }
}

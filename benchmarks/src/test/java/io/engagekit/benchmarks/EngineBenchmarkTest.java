package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.decay.DecayedSum;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The engine and decayed-sum benchmarks measure the real paths. */
final class EngineBenchmarkTest {
  @Test
  void setup_recordsEveryCustomerOnce_andEventsSpreadOverThem() {
    EngineBenchmark b = new EngineBenchmark();
    b.customers = 1000;
    b.setup();
    assertEquals(1000, b.engine.customers());
    assertEquals(1000, b.engine.events());
    EngineBenchmark.Cursor cursor = new EngineBenchmark.Cursor();
    for (int i = 0; i < 10_000; i++) {
      b.recordOneThread(cursor);
    }
    assertEquals(11_000, b.engine.events());
    assertEquals(1000, b.engine.customers()); // steady state: no new customers
    EngagementEvent[] events = EngineBenchmark.events(new SplittableRandom(1), 10, 1 << 10);
    assertTrue(java.util.Arrays.stream(events).map(EngagementEvent::customer).distinct().count() == 10);
  }

  @Test
  void decayedSum_everyKindAddsAndReads() {
    for (DecayedSumBenchmark.Kind kind : DecayedSumBenchmark.Kind.values()) {
      DecayedSumBenchmark b = new DecayedSumBenchmark();
      b.kind = kind;
      b.setup();
      for (int i = 0; i < 1000; i++) {
        b.add();
      }
      DecayedSum sum = b.add();
      assertTrue(sum.valueAt(sum.latest()) > 0, kind.name());
      assertTrue(Double.isFinite(b.valueAt()), kind.name());
    }
  }

  @Test
  void strategyBenchmark_everyStrategyAccepts() {
    for (String name : new String[] {"loyalty.decayed", "loyalty.rfm", "loyalty.advocacy", "composite.blocks",
        "satisfaction.nps", "alert.fading"}) {
      StrategyBenchmark b = new StrategyBenchmark();
      b.strategy = name;
      b.setup();
      for (int i = 0; i < 10_000; i++) {
        b.accept();
      }
      assertTrue(b.newState() != null, name);
    }
  }
}

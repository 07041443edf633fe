package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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
      byte[] empty = bytes(b.newState());
      for (int i = 0; i < 10_000; i++) {
        b.accept();
      }
      assertFalse(java.util.Arrays.equals(empty, bytes(b.accept())), name + ": the benchmark's events changed nothing");
      assertNotSame(b.newState(), b.newState(), name + ": newState must make a state, as it measures");
      assertArrayEquals(empty, bytes(b.newState()), name);
    }
  }

  private static byte[] bytes(io.engagekit.scoring.ScoreState<?> state) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      state.writeTo(new java.io.DataOutputStream(out));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** recordAll records every event of its batch (the benchmark's op count is events, not calls). */
  @Test
  void recordAll_recordsTheWholeBatch() {
    EngineBenchmark b = new EngineBenchmark();
    b.customers = 1000;
    b.setup();
    EngineBenchmark.Cursor cursor = new EngineBenchmark.Cursor();
    cursor.index = 0;
    for (int i = 0; i < 5; i++) {
      b.recordAllOneThread(cursor);
    }
    assertEquals(1000 + 5L * EngineBenchmark.BATCH, b.engine.events());
    assertEquals(1000, b.engine.customers());
  }
}

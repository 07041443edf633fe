package io.engagekit.benchmarks;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.ScoringStrategies;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link EngagementEngine#record} with 1,000,000 distinct customers and events in random order,
 * after every customer has been seen once (steady state: no new customers). The engine keeps the
 * three satisfaction strategies, whose states are a few fields each, so this measures the engine's
 * own cost: the customer lookup, the per-customer lock and one accept per strategy. Issue 3's
 * target: at least 5 million events/s on one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Xmx4g")
@State(Scope.Benchmark)
public class EngineBenchmark {
  @Param({"1000000"})
  int customers;

  EngagementEngine engine;
  EngagementEvent[] events; // length a power of two
  /** The events in consecutive lists of {@link #BATCH}. */
  List<List<EngagementEvent>> batches;
  static final int BATCH = 1024;

  @Setup
  public void setup() {
    engine = EngagementEngine.of(List.of(
        ScoringStrategies.satisfactionCsat(), ScoringStrategies.satisfactionNps(), ScoringStrategies.satisfactionCes()));
    events = events(new SplittableRandom(42), customers, 1 << 21);
    batches = new java.util.ArrayList<>();
    for (int from = 0; from < events.length; from += BATCH) {
      batches.add(java.util.Arrays.asList(events).subList(from, from + BATCH));
    }
    for (int c = 0; c < customers; c++) {
      engine.record(Touchpoint.of("c" + c, Instant.EPOCH, Channel.WEB, TouchpointKind.VISIT));
    }
  }

  /**
   * Random events of random customers: four visits to one NPS answer. Each event has its own id
   * string, as an event read from a file or a queue has, rather than sharing one per customer:
   * the engine then has to compare ids by content, and the id's characters are as close in memory
   * to the event as a reader leaves them.
   */
  static EngagementEvent[] events(SplittableRandom r, int customers, int count) {
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    EngagementEvent[] events = new EngagementEvent[count];
    for (int i = 0; i < count; i++) {
      String id = "c" + r.nextInt(customers);
      Instant at = base.plusSeconds(r.nextInt(365 * 86_400));
      events[i] = r.nextInt(5) == 0
          ? SurveyResponse.of(id, at, SurveyMetric.NPS, r.nextInt(11))
          : Touchpoint.of(id, at, Channel.WEB, TouchpointKind.VISIT);
    }
    return events;
  }

  /**
   * Each thread walks the events from its own start, half the array apart from the previous
   * thread's, so that no thread finds customers another has just brought into the cache.
   */
  @State(Scope.Thread)
  public static class Cursor {
    private static final AtomicInteger THREADS = new AtomicInteger();
    int index = THREADS.getAndIncrement() << 20;
  }

  @Benchmark
  @Threads(1)
  public void recordOneThread(Cursor cursor) {
    engine.record(events[cursor.index++ & (events.length - 1)]);
  }

  /**
   * {@link EngagementEngine#recordAll} over blocks of {@code batch} events; one op is one event,
   * so the figure compares with {@link #recordOneThread} in the same run.
   */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(BATCH)
  public void recordAllOneThread(Cursor cursor) {
    int from = cursor.index & (events.length - 1) & ~(BATCH - 1);
    cursor.index += BATCH;
    engine.recordAll(batches.get(from / BATCH));
  }

  @Benchmark
  @Threads(2)
  public void recordTwoThreads(Cursor cursor) {
    engine.record(events[cursor.index++ & (events.length - 1)]);
  }
}

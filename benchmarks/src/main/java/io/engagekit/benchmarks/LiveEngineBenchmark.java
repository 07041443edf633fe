package io.engagekit.benchmarks;

import io.engagekit.core.Channel;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.EngineView;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategies;
import java.io.DataInput;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 19's live engine at 1,000,000 customers: a score read right after an event was recorded
 * ({@code recordThenScore}, sampled so that JMH reports the median and p99), a view taken right
 * after an event and read once ({@code recordThenView}), {@code top(100)}, and what recording one
 * purchase costs ({@code record}). {@code summary = LIVE} is the
 * engine as it is; {@code PASS} hides the strategy's live summary, so the engine takes the baseline by a
 * pass over every customer whenever anything changed, as every engine did before issue 19: the
 * baseline, measured in the same run.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@State(Scope.Benchmark)
public class LiveEngineBenchmark {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant AS_OF = START.plusSeconds(86_400L * 400);

  /** Whether the engine keeps the strategy's live summary or takes the baseline by a pass. */
  public enum Summary {
    LIVE,
    PASS
  }

  @Param({"1000000"})
  int customers;

  @Param({"loyalty.rfm", "loyalty.decayed"})
  String strategy;

  @Param({"LIVE", "PASS"})
  Summary summary;

  EngagementEngine engine;
  Touchpoint[] purchases; // length a power of two
  String[] ids; // length a power of two
  int next;

  @Setup
  public void setup() {
    PopulationStrategy<?> s = (PopulationStrategy<?>) ScoringStrategies.named(strategy);
    engine = EngagementEngine.of(List.of(summary == Summary.LIVE ? s : PassOnly.of(s)));
    SplittableRandom r = new SplittableRandom(19);
    for (int c = 0; c < customers; c++) {
      for (int k = 1 + r.nextInt(3); k > 0; k--) {
        engine.record(purchase(r, c));
      }
    }
    purchases = new Touchpoint[1 << 16];
    for (int i = 0; i < purchases.length; i++) {
      purchases[i] = purchase(r, r.nextInt(customers));
    }
    ids = new String[1 << 16];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "c" + r.nextInt(customers);
    }
  }

  static Touchpoint purchase(SplittableRandom r, int customer) {
    return Touchpoint.builder("c" + customer, START.plusSeconds(r.nextInt(365 * 86_400)), Channel.WEB,
        TouchpointKind.PURCHASE).value(r.nextInt(1, 500)).build();
  }

  /** One event recorded, then one customer scored: the score must reflect the event. */
  @Benchmark
  public Optional<Score> recordThenScore() {
    int i = next++;
    engine.record(purchases[i & (purchases.length - 1)]);
    return engine.score(ids[i & (ids.length - 1)], strategy, AS_OF);
  }

  /** One event recorded: what keeping the summary current costs (PASS keeps none). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void record() {
    engine.record(purchases[next++ & (purchases.length - 1)]);
  }

  /**
   * One event recorded, then a view taken, one customer read from it, and the view closed (a view
   * of a strategy without a live summary takes the baseline by a pass on its first read: PASS pays it here).
   */
  @Benchmark
  public Optional<Score> recordThenView() {
    int i = next++;
    engine.record(purchases[i & (purchases.length - 1)]);
    try (EngineView view = engine.view(AS_OF)) {
      return view.score(ids[i & (ids.length - 1)], strategy);
    }
  }

  /** The hundred best customers, nothing recorded between calls. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<EngagementEngine.Ranked> top100() {
    return engine.top(100, strategy, AS_OF);
  }

  /** A population strategy with its live summary hidden: the engine takes its baseline by a pass, as before issue 19. */
  static final class PassOnly<S extends ScoreState<S>> implements PopulationStrategy<S> {
    private final PopulationStrategy<S> delegate;

    private PassOnly(PopulationStrategy<S> delegate) {
      this.delegate = delegate;
    }

    static <S extends ScoreState<S>> PassOnly<S> of(PopulationStrategy<S> delegate) {
      return new PassOnly<>(delegate);
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public String family() {
      return delegate.family();
    }

    @Override
    public String description() {
      return delegate.description();
    }

    @Override
    public S newState() {
      return delegate.newState();
    }

    @Override
    public Baseline<S> baseline(Iterable<? extends S> states, Instant asOf) {
      return delegate.baseline(states, asOf);
    }

    @Override
    public S readState(DataInput in) throws IOException {
      return delegate.readState(in);
    }
  }
}

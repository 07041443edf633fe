package io.engagekit.benchmarks;

import io.engagekit.core.EngagementEvent;
import io.engagekit.flink.CustomerScores;
import io.engagekit.flink.EngageKitTypes;
import io.engagekit.flink.FlinkScoring;
import io.engagekit.flink.StrategyFactory;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.FadingInterest;
import io.engagekit.scoring.ModelSettings;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.simulation.Population;
import io.engagekit.scoring.simulation.SimulationSettings;
import io.engagekit.scoring.simulation.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
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
 * The Flink job against the in-process engine on the same events and strategies: a simulated
 * population (seed 20261122) in time order, scored by {@code satisfaction.csat}, {@code
 * satisfaction.nps}, {@code loyalty.advocacy}, {@code composite.blocks}, {@code alert.fading} and
 * {@code loyalty.bgnbd} (with a model fitted beforehand), every customer as of the holdout end.
 *
 * <ul>
 *   <li>{@code flinkJob}: one whole job on a local MiniCluster in this JVM (start-up included, about a
 *       second), events from a checkpointable generator source through the keyed scoring operator to
 *       a collecting sink. Events per second = events / (seconds per op).
 *   <li>{@code inProcess}: record every event into a new engine, then score every customer.
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Benchmark)
public class FlinkBenchmark {
  @Param({"10000"})
  int customers;

  @Param({"1", "2"})
  int parallelism;

  static volatile List<EngagementEvent> events;
  Instant asOf;
  StrategyFactory factory;

  @Setup
  public void setup() {
    Population p = Simulator.simulate(SimulationSettings.of(customers, 20261122));
    events = p.events().stream().sorted(Comparator.comparing(EngagementEvent::at)).toList();
    asOf = p.holdoutEnd();
    BgNbd model = new BgNbd(0.242594, 4.413603, 0.792923, 2.425898); // CDNOW's (Fader, Hardie and Lee 2005)
    ModelSettings weeks = ModelSettings.defaults();
    factory = () -> List.of(ScoringStrategies.satisfactionCsat(), ScoringStrategies.satisfactionNps(),
        ScoringStrategies.loyaltyAdvocacy(), ScoringStrategies.compositeBlocks(), FadingInterest.strategy(),
        ScoringStrategies.loyaltyBgNbd(model, weeks));
    System.out.println("\nevents: " + events.size());
  }

  @Benchmark
  public long flinkJob() throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    DataGeneratorSource<EngagementEvent> source = new DataGeneratorSource<>(new Nth(), events.size(),
        RateLimiterStrategy.noOp(), EngageKitTypes.events());
    long n = 0;
    CloseableIterator<CustomerScores> it = FlinkScoring.of(factory).at(asOf)
        .score(env.fromSource(source, FlinkScoring.watermarks(Duration.ofHours(1)), "events"))
        .executeAndCollect("engagekit-benchmark");
    try {
      while (it.hasNext()) {
        n += it.next().events();
      }
    } finally {
      it.close();
    }
    return n;
  }

  @Benchmark
  public long inProcess() {
    EngagementEngine engine = EngagementEngine.of(factory.create());
    for (EngagementEvent e : events) {
      engine.record(e);
    }
    long n = 0;
    for (EngagementEngine.Ranked r : engine.top(engine.customers(), "composite.blocks", asOf)) {
      n += (long) r.score().value();
    }
    return n + engine.top(engine.customers(), "loyalty.bgnbd", asOf).size();
  }

  /** The n-th event of the benchmark's list (the MiniCluster runs in this JVM). */
  static final class Nth implements GeneratorFunction<Long, EngagementEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public EngagementEvent map(Long index) {
      return events.get(Math.toIntExact(index));
    }
  }
}

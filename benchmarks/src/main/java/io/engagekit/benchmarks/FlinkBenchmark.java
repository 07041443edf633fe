package io.engagekit.benchmarks;

import io.engagekit.core.EngagementEvent;
import io.engagekit.flink.CustomerScores;
import io.engagekit.flink.EngageKitTypes;
import io.engagekit.flink.FlinkScoring;
import io.engagekit.flink.StrategyFactory;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.EngineView;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.alerts.FadingInterest;
import io.engagekit.scoring.loyalty.ModelSettings;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.simulation.Population;
import io.engagekit.scoring.simulation.SimulationSettings;
import io.engagekit.scoring.simulation.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Flink job against the in-process engine on the same events and strategies: a simulated
 * population (seed 20261122) in time order, scored by {@code satisfaction.csat}, {@code
 * satisfaction.nps}, {@code loyalty.advocacy}, {@code composite.blocks}, {@code alert.fading} and
 * {@code loyalty.bgnbd} (with a model fitted beforehand), every customer as of the holdout end.
 *
 * <ul>
 *   <li>{@code flinkJob}: one whole job on a local MiniCluster in this JVM, started once per trial
 *       (the job's deployment and shutdown are inside each op, the cluster's start is not), events from
 *       a checkpointable generator source through the scoring operators to a counting sink. Events per
 *       second = events / (seconds per op).
 *   <li>{@code flinkStartup}: the same job over one event, its fixed cost.
 *   <li>{@code inProcess}: record every event into a new engine, then score every customer under
 *       every strategy through a view.
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

  /**
   * {@code population}: the six strategies above plus {@code loyalty.rfm} and {@code loyalty.decayed}
   * (issue 19); {@code keyed}: the six only, as measured before the job could keep population
   * summaries.
   */
  @Param({"population", "keyed"})
  String strategies;

  static volatile List<EngagementEvent> events;
  Instant asOf;
  StrategyFactory factory;
  List<String> ids;
  List<String> names;

  @Setup
  public void setup() {
    Population p = Simulator.simulate(SimulationSettings.of(customers, 20261122));
    events = p.events().stream().sorted(Comparator.comparing(EngagementEvent::at)).toList();
    asOf = p.holdoutEnd();
    BgNbd model = new BgNbd(0.242594, 4.413603, 0.792923, 2.425898); // CDNOW's (Fader, Hardie and Lee 2005)
    ModelSettings weeks = ModelSettings.defaults();
    factory = strategies.equals("population")
        ? () -> List.of(ScoringStrategies.satisfactionCsat(), ScoringStrategies.satisfactionNps(),
            ScoringStrategies.loyaltyAdvocacy(), ScoringStrategies.compositeBlocks(), FadingInterest.strategy(),
            ScoringStrategies.loyaltyBgNbd(model, weeks), ScoringStrategies.loyaltyRfm(),
            ScoringStrategies.loyaltyDecayed())
        : () -> List.of(ScoringStrategies.satisfactionCsat(), ScoringStrategies.satisfactionNps(),
            ScoringStrategies.loyaltyAdvocacy(), ScoringStrategies.compositeBlocks(), FadingInterest.strategy(),
            ScoringStrategies.loyaltyBgNbd(model, weeks));
    ids = events.stream().map(EngagementEvent::customer).distinct().toList();
    names = factory.create().stream().map(s -> s.name()).toList();
    System.out.println("\nevents: " + events.size());
  }

  /** One cluster per trial, so that an op measures a job, not the start of a cluster. */
  @State(Scope.Benchmark)
  public static class Cluster {
    MiniCluster cluster;

    /**
     * Starts the cluster.
     *
     * @throws Exception if it cannot start
     */
    @Setup(Level.Trial)
    public void start() throws Exception {
      Configuration conf = new Configuration();
      conf.set(PipelineOptions.GENERIC_TYPES, false);
      cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
          .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
      cluster.start();
    }

    /**
     * Stops the cluster.
     *
     * @throws Exception if it cannot stop
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
      cluster.close();
    }
  }

  @Benchmark
  public long flinkJob(Cluster cluster) throws Exception {
    return run(cluster.cluster, events.size());
  }

  private long run(MiniCluster cluster, int count) throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    DataGeneratorSource<EngagementEvent> source = new DataGeneratorSource<>(new Nth(), count,
        RateLimiterStrategy.noOp(), EngageKitTypes.events());
    FlinkScoring.of(factory).at(asOf)
        .score(env.fromSource(source, FlinkScoring.watermarks(Duration.ofHours(1)), "events"))
        .sinkTo(new Counting());
    SCORED.reset();
    cluster.executeJobBlocking(env.getStreamGraph().getJobGraph());
    return SCORED.sum();
  }

  @Benchmark
  public long inProcess() {
    EngagementEngine engine = EngagementEngine.of(factory.create());
    for (EngagementEvent e : events) {
      engine.record(e);
    }
    // What the job emits: every customer's score under every strategy, as of the instant.
    long n = 0;
    try (EngineView view = engine.view(asOf)) {
      for (String id : ids) {
        for (String name : names) {
          n += (long) view.score(id, name).orElseThrow().value();
        }
      }
    }
    return n;
  }

  /**
   * The fixed cost of a job: the same pipeline over one event (cluster start-up, deployment,
   * shutdown), to tell the per-event cost of {@code flinkJob} from its start-up.
   */
  @Benchmark
  public long flinkStartup(Cluster cluster) throws Exception {
    return run(cluster.cluster, 1);
  }

  static final LongAdder SCORED = new LongAdder();

  /** Adds up the events behind every record (the MiniCluster runs in this JVM). */
  static final class Counting implements Sink<CustomerScores> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<CustomerScores> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(CustomerScores element, Context ctx) {
          SCORED.add(element.events());
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
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

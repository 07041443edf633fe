package io.engagekit.flink;

import io.engagekit.core.Customer;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.PopulationSummary;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.StateRecord;
import io.engagekit.scoring.alerts.FadingInterest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.jspecify.annotations.Nullable;

/**
 * The second operator of a job with population strategies. Every subtask keeps the population
 * summaries of all customers, from the {@link PopulationUpdate}s broadcast by every subtask of the
 * keyed scoring operator, and completes the keyed operator's {@link Staged} scores with the scores
 * of the population strategies.
 *
 * <p>Staged scores as of an instant T wait (in keyed state, with a timer) until the watermark
 * passes T: by then every update sent at a summary instant at or before T has arrived, since the
 * keyed operator sends an update before its watermark passes the update's instant. The updates are
 * applied in the order of their summary instants, only up to the instant being scored, so a score
 * as of T is against the population as of the latest summary instant at or before T.
 *
 * <p>The summaries are rebuilt from the customers' population states, which every subtask holds.
 * Subtask 0 writes them (and the updates not applied yet) to union operator state at a checkpoint;
 * on restore every subtask reads that copy, whatever the new parallelism.
 */
final class PopulationScoring extends KeyedBroadcastProcessFunction<String, Staged, PopulationUpdate, CustomerScores>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;
  /** Flink's broadcast pattern needs a descriptor; the summaries live in the function, checkpointed as below. */
  static final MapStateDescriptor<String, byte[]> BROADCAST = new MapStateDescriptor<>("engagekit-population-broadcast",
      Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
  private static final ListStateDescriptor<Staged> WAITING =
      new ListStateDescriptor<>("engagekit-waiting-scores", FlinkScoring.STAGED);
  private static final ListStateDescriptor<byte[]> POPULATION =
      new ListStateDescriptor<>("engagekit-population", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

  private final FlinkScoring settings;
  private transient @Nullable Population population;
  private transient @Nullable ListState<byte[]> checkpointed;
  private transient @Nullable Counter emitted;
  private transient @Nullable Counter alerts;

  PopulationScoring(FlinkScoring settings) {
    this.settings = settings;
  }

  /**
   * Adds the second operator to a job with population strategies: the staged scores keyed by
   * customer, the population updates broadcast to every subtask.
   */
  static SingleOutputStreamOperator<CustomerScores> attach(FlinkScoring settings,
      SingleOutputStreamOperator<Staged> staged) {
    settings.checkSummaryInstants();
    BroadcastStream<PopulationUpdate> updates = staged.getSideOutput(FlinkScoring.UPDATES).broadcast(BROADCAST);
    return staged.keyBy(Staged::customer, Types.STRING)
        .connect(updates)
        .process(new PopulationScoring(settings), EngageKitTypes.scores())
        .uid(FlinkScoring.POPULATION_UID)
        .name("EngageKit population scoring");
  }

  /**
   * Refuses a strategy fitted on the population: the job keeps live summaries but cannot trigger
   * refits.
   */
  static void checkSupported(ScoringStrategy<?> s) {
    if (s instanceof PopulationStrategy<?> p && p.dependsOnPopulation()) {
      PopulationSummary<?> summary = p.newSummary();
      if (summary == null || !summary.answersFromStates()) {
        throw new IllegalArgumentException("strategy " + s.name() + " scores customers relative to the population"
            + (summary == null ? " and keeps no live summary of it" : " against a model fitted on it")
            + ", which the Flink job cannot keep; fit the model on RFM summaries aggregated in Flink"
            + " (RfmSummaries) and give it to the strategy, or score it in the in-process engine");
      }
    }
  }

  /** The indices of the strategies scored against the population, in the factory's order. */
  static int[] populationIndices(List<ScoringStrategy<?>> strategies) {
    return java.util.stream.IntStream.range(0, strategies.size())
        .filter(i -> strategies.get(i) instanceof PopulationStrategy<?> p && p.dependsOnPopulation())
        .toArray();
  }

  /** A new live summary of a population strategy (checked to exist by {@link FlinkScoring#of}). */
  static PopulationSummary<?> summaryOf(ScoringStrategy<?> strategy) {
    PopulationSummary<?> summary = ((PopulationStrategy<?>) strategy).newSummary();
    if (summary == null) {
      throw new IllegalStateException("strategy " + strategy.name() + " returned no population summary");
    }
    return summary;
  }

  private Population population() {
    if (population == null) {
      population = new Population(List.copyOf(settings.factory().create()));
    }
    return population;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    checkpointed = context.getOperatorStateStore().getUnionListState(POPULATION);
    if (context.isRestored()) {
      Population p = population();
      for (byte[] entry : checkpointed.get()) {
        p.restore(entry);
      }
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    ListState<byte[]> state = checkpointed;
    if (state == null) {
      throw new IllegalStateException("the population state was not initialised");
    }
    state.clear();
    if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
      // Every subtask holds the same population; one copy restores them all.
      state.update(population().entries());
    }
  }

  @Override
  public void open(OpenContext context) {
    MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("engagekit");
    emitted = metrics.counter("scoresEmitted");
    alerts = metrics.counter("alertsEmitted");
  }

  @Override
  public void processBroadcastElement(PopulationUpdate update, Context ctx, Collector<CustomerScores> out) {
    Population p = population();
    p.receive(update);
    p.applyUpTo(ctx.currentWatermark()); // keeps the waiting updates to those ahead of the watermark
  }

  @Override
  public void processElement(Staged staged, ReadOnlyContext ctx, Collector<CustomerScores> out) throws Exception {
    if (staged.late() != null) {
      ctx.output(FlinkScoring.LATE_EVENTS, staged.late());
      return;
    }
    CustomerScores scores = java.util.Objects.requireNonNull(staged.scores());
    long t = scores.asOf().toEpochMilli();
    long watermark = ctx.currentWatermark();
    if (t <= watermark) {
      // Scored at once by the keyed operator (a request for a past instant): against the population reached.
      Population p = population();
      p.applyUpTo(watermark);
      complete(p, staged, ctx, out);
      return;
    }
    getRuntimeContext().getListState(WAITING).add(staged);
    ctx.timerService().registerEventTimeTimer(t);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CustomerScores> out) throws Exception {
    ListState<Staged> waiting = getRuntimeContext().getListState(WAITING);
    List<Staged> later = new ArrayList<>();
    Population p = population();
    p.applyUpTo(timestamp);
    Iterable<Staged> all = waiting.get();
    if (all == null) {
      return;
    }
    for (Staged s : all) {
      if (java.util.Objects.requireNonNull(s.scores()).asOf().toEpochMilli() <= timestamp) {
        complete(p, s, ctx, out);
      } else {
        later.add(s);
      }
    }
    waiting.update(later);
  }

  private void complete(Population p, Staged staged, ReadOnlyContext ctx, Collector<CustomerScores> out) {
    CustomerScores partial = java.util.Objects.requireNonNull(staged.scores());
    CustomerScores scores = p.complete(partial, java.util.Objects.requireNonNull(staged.states()));
    out.collect(scores);
    java.util.Objects.requireNonNull(emitted).inc();
    if (scores.scores().containsKey(FadingInterest.NAME)) {
      Optional<FadingInterest.Alert> alert = FadingInterest.alert(scores.customer(),
          scores.score(FadingInterest.NAME), scores.asOf(), settings.alertThreshold());
      if (alert.isPresent()) {
        ctx.output(FlinkScoring.ALERTS, alert.get());
        java.util.Objects.requireNonNull(alerts).inc();
      }
    }
  }

  /**
   * One subtask's copy of the population: every customer's population states, a live summary per
   * population strategy, and the updates received ahead of the instants scored so far. Not
   * thread-safe: it belongs to the task.
   */
  static final class Population {
    private final List<ScoringStrategy<?>> strategies;
    private final int[] index;
    private final List<ScoringStrategy<?>> populationStrategies;
    private final PopulationSummary<?>[] summaries;
    private final Map<String, ScoreState<?>[]> states = new HashMap<>();
    private final TreeMap<Long, List<PopulationUpdate>> ahead = new TreeMap<>();
    /** Bumped by every applied update: baselines are cached per instant and version. */
    private long version;
    private final PopulationStrategy.@Nullable Baseline<?>[] cached;
    private final long[] cachedVersion;
    private final @Nullable Instant[] cachedAsOf;

    Population(List<ScoringStrategy<?>> strategies) {
      this.strategies = strategies;
      this.index = populationIndices(strategies);
      List<ScoringStrategy<?>> pop = new ArrayList<>();
      this.summaries = new PopulationSummary<?>[index.length];
      for (int j = 0; j < index.length; j++) {
        pop.add(strategies.get(index[j]));
        summaries[j] = summaryOf(strategies.get(index[j]));
      }
      this.populationStrategies = List.copyOf(pop);
      this.cached = new PopulationStrategy.Baseline<?>[index.length];
      this.cachedVersion = new long[index.length];
      this.cachedAsOf = new Instant[index.length];
    }

    void receive(PopulationUpdate update) {
      ahead.computeIfAbsent(update.at(), k -> new ArrayList<>()).add(update);
    }

    /** Applies the updates sent at summary instants up to {@code t}, in the order of their instants. */
    void applyUpTo(long t) {
      while (!ahead.isEmpty() && ahead.firstKey() <= t) {
        for (PopulationUpdate u : ahead.pollFirstEntry().getValue()) {
          apply(u.customer(), read(u.states()));
        }
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void apply(String customer, ScoreState<?>[] now) {
      ScoreState<?>[] before = states.put(customer, now);
      for (int j = 0; j < summaries.length; j++) {
        PopulationSummary summary = summaries[j];
        if (before != null) {
          summary.remove(before[j]);
        }
        summary.add(now[j]);
      }
      version++;
    }

    private ScoreState<?>[] read(byte[] bytes) {
      try {
        return StateRecord.read(new DataInputDeserializer(bytes)).states(populationStrategies);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read a customer's population states: " + e.getMessage(), e);
      }
    }

    /** The scores in the job's order: the staged ones, and the population strategies' scored now. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    CustomerScores complete(CustomerScores partial, byte[] bytes) {
      ScoreState<?>[] own = read(bytes);
      Customer customer = Customer.of(partial.customer());
      Map<String, Score> scores = new LinkedHashMap<>();
      int j = 0;
      for (int i = 0; i < strategies.size(); i++) {
        String name = strategies.get(i).name();
        if (j < index.length && index[j] == i) {
          PopulationStrategy.Baseline baseline = baseline(j, partial.asOf());
          scores.put(name, baseline.score(own[j], customer));
          j++;
        } else {
          scores.put(name, partial.score(name));
        }
      }
      return new CustomerScores(partial.customer(), partial.asOf(), partial.cause(), partial.events(), scores);
    }

    private PopulationStrategy.Baseline<?> baseline(int j, Instant asOf) {
      PopulationStrategy.Baseline<?> c = cached[j];
      if (c != null && cachedVersion[j] == version && asOf.equals(cachedAsOf[j])) {
        return c;
      }
      c = summaries[j].baseline(asOf);
      if (c == null) {
        throw new IllegalStateException("the population summary of strategy " + strategies.get(index[j]).name()
            + " cannot score as of " + asOf + ", before some of the states it holds");
      }
      cached[j] = c;
      cachedVersion[j] = version;
      cachedAsOf[j] = asOf;
      return c;
    }

    /** Every customer's states (tag 0), then the updates not applied yet (tag 1), one entry each. */
    List<byte[]> entries() throws IOException {
      List<byte[]> entries = new ArrayList<>(states.size() + ahead.size());
      DataOutputSerializer out = new DataOutputSerializer(128);
      for (Map.Entry<String, ScoreState<?>[]> e : states.entrySet()) {
        out.clear();
        out.writeByte(0);
        out.writeUTF(e.getKey());
        StateRecord.write(out, populationStrategies, e.getValue());
        entries.add(out.getCopyOfBuffer());
      }
      for (List<PopulationUpdate> updates : ahead.values()) {
        for (PopulationUpdate u : updates) {
          out.clear();
          out.writeByte(1);
          Serializers.PopulationUpdates.INSTANCE.serialize(u, out);
          entries.add(out.getCopyOfBuffer());
        }
      }
      return entries;
    }

    void restore(byte[] entry) throws IOException {
      DataInputDeserializer in = new DataInputDeserializer(entry);
      int tag = in.readUnsignedByte();
      if (tag == 0) {
        String customer = in.readUTF();
        apply(customer, StateRecord.read(in).states(populationStrategies));
      } else if (tag == 1) {
        receive(Serializers.PopulationUpdates.INSTANCE.deserialize(in));
      } else {
        throw new IOException("invalid population state entry: tag " + tag);
      }
    }
  }
}

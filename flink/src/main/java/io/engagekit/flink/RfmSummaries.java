package io.engagekit.flink;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.loyalty.ModelSettings;
import io.engagekit.scoring.models.PurchaseHistory;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.RepeatPatterns;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.jspecify.annotations.Nullable;

/**
 * Population models at scale: the RFM summaries (each customer's repeat pattern x, t<sub>x</sub>, T)
 * are built and counted in Flink, and the model is fitted on the collected counts, which are as many
 * as the distinct patterns, not the customers.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * env.setRuntimeMode(RuntimeExecutionMode.BATCH);
 * DataStream<EngagementEvent> events = ...; // with timestamps (FlinkScoring.watermarks)
 * RepeatPatterns summaries = RfmSummaries.collect(RfmSummaries.patterns(events, settings, asOf));
 * BgNbd model = BgNbd.fit(summaries.patterns()).model();
 * // then score in a second job: FlinkScoring.of(() -> List.of(ScoringStrategies.loyaltyBgNbd(model, settings)))
 * }</pre>
 *
 * <p>The pattern is the one {@code loyalty.bgnbd} and {@code loyalty.paretonbd} fit on in the
 * in-process engine ({@link ModelSettings#summarize}, counted in {@link RepeatPatterns}' canonical
 * order), so the model, and every score made with it, equals the engine's to the last bit.
 *
 * <p>Two keyed steps: purchases up to {@code asOf} are kept per customer ({@link PurchaseHistory},
 * one entry per purchase day) until the watermark passes {@code asOf}, when each customer's pattern
 * is emitted; the patterns are then counted per distinct pattern, and each count is emitted when the
 * watermark passes {@code asOf}. Purchases after {@code asOf} are outside the summaries' period. A
 * purchase at or before {@code asOf} that arrives after the watermark has passed {@code asOf} cannot
 * join its customer's pattern any more: it goes to the side output {@link #LATE_PURCHASES} and the
 * metric {@code engagekit.latePurchases}, never silently away. In batch mode nothing is late.
 *
 * @since 0.1
 */
public final class RfmSummaries {
  /** Purchases that arrived after their summary was emitted. */
  public static final OutputTag<EngagementEvent> LATE_PURCHASES =
      new OutputTag<>("engagekit-late-purchases", EngageKitTypes.events());

  private RfmSummaries() {}

  /**
   * Returns the distinct repeat patterns as of an instant, each with the number of customers who
   * have it: {@code counts(perCustomer(events, settings, asOf), asOf)}. A pattern may appear more
   * than once in a stream with late customers; the counts add.
   *
   * @param events touchpoints (purchases are used) with timestamps and watermarks
   * @param settings the zone of purchase days and the unit of the model's times
   * @param asOf the end of the summaries' period
   * @return the pattern counts
   */
  public static SingleOutputStreamOperator<RepeatPattern> patterns(DataStream<EngagementEvent> events,
      ModelSettings settings, Instant asOf) {
    return counts(perCustomer(events, settings, asOf), asOf);
  }

  /**
   * The first step: each customer's pattern as of an instant, emitted when the watermark passes it.
   *
   * @param events touchpoints (purchases are used) with timestamps and watermarks
   * @param settings the zone of purchase days and the unit of the model's times
   * @param asOf the end of the summaries' period
   * @return one pattern per customer with a purchase; {@link #LATE_PURCHASES} is its side output
   */
  public static SingleOutputStreamOperator<RepeatPattern> perCustomer(DataStream<EngagementEvent> events,
      ModelSettings settings, Instant asOf) {
    requireNonNull(settings, "settings");
    requireNonNull(asOf, "asOf");
    return events
        .filter(e -> e instanceof Touchpoint t && t.kind() == TouchpointKind.PURCHASE && !t.at().isAfter(asOf))
        .returns(EngageKitTypes.events())
        .name("EngageKit purchases up to " + asOf)
        .keyBy(EngagementEvent::customer, Types.STRING)
        .process(new PerCustomer(settings, asOf), EngageKitTypes.patterns())
        .uid("engagekit-rfm-customers")
        .name("EngageKit RFM summary per customer");
  }

  /**
   * The second step: the customers of each distinct pattern, counted, emitted when the watermark
   * passes the instant.
   *
   * @param perCustomer the output of {@link #perCustomer}
   * @param asOf the end of the summaries' period
   * @return the pattern counts
   */
  public static SingleOutputStreamOperator<RepeatPattern> counts(DataStream<RepeatPattern> perCustomer, Instant asOf) {
    requireNonNull(asOf, "asOf");
    return perCustomer
        .keyBy(RfmSummaries::key, Types.STRING)
        .process(new Count(asOf), EngageKitTypes.patterns())
        .uid("engagekit-rfm-counts")
        .name("EngageKit RFM summary counts");
  }

  /**
   * Runs the job that ends in a patterns stream and merges what it emits.
   *
   * @param patterns the output of {@link #patterns}
   * @return every customer's pattern, counted
   * @throws Exception if the job fails
   */
  public static RepeatPatterns collect(DataStream<RepeatPattern> patterns) throws Exception {
    RepeatPatterns all = new RepeatPatterns();
    CloseableIterator<RepeatPattern> it = patterns.executeAndCollect("EngageKit RFM summaries");
    try {
      it.forEachRemaining(all::add);
    } finally {
      it.close();
    }
    return all;
  }

  /** The key of a pattern's x, t_x and T (doubles written exactly). */
  static String key(RepeatPattern p) {
    return p.x() + ":" + Double.toString(p.tx()) + ":" + Double.toString(p.T());
  }

  /** Keeps a customer's purchase days and emits their pattern once the watermark passes asOf. */
  static final class PerCustomer extends KeyedProcessFunction<String, EngagementEvent, RepeatPattern> {
    private static final long serialVersionUID = 1L;
    private final ModelSettings settings;
    private final Instant asOf;
    private transient @Nullable ValueState<PurchaseHistory> history;
    private transient @Nullable Counter late;

    PerCustomer(ModelSettings settings, Instant asOf) {
      this.settings = settings;
      this.asOf = asOf;
    }

    @Override
    public void open(OpenContext context) {
      history = getRuntimeContext().getState(
          new ValueStateDescriptor<>("engagekit-purchases", PurchaseHistorySerializer.INSTANCE));
      late = getRuntimeContext().getMetricGroup().addGroup("engagekit").counter("latePurchases");
    }

    @Override
    public void processElement(EngagementEvent event, Context ctx, Collector<RepeatPattern> out) throws Exception {
      ValueState<PurchaseHistory> state = requireNonNull(history);
      if (ctx.timerService().currentWatermark() >= asOf.toEpochMilli()) {
        requireNonNull(late).inc();
        ctx.output(LATE_PURCHASES, event);
        return;
      }
      PurchaseHistory h = state.value();
      if (h == null) {
        h = new PurchaseHistory();
        ctx.timerService().registerEventTimeTimer(asOf.toEpochMilli());
      }
      h.record(event, settings.zone()); // the purchases were selected upstream
      state.update(h);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RepeatPattern> out) throws Exception {
      ValueState<PurchaseHistory> state = requireNonNull(history);
      PurchaseHistory h = state.value();
      if (h != null) {
        Optional<PurchaseHistory.Calibration> c = settings.summarize(h, asOf);
        c.ifPresent(s -> out.collect(s.pattern()));
        state.clear();
      }
    }
  }

  /** Counts the customers of one pattern and emits the count once the watermark passes asOf. */
  static final class Count extends KeyedProcessFunction<String, RepeatPattern, RepeatPattern> {
    private static final long serialVersionUID = 1L;
    private final Instant asOf;
    private transient @Nullable ValueState<RepeatPattern> count;

    Count(Instant asOf) {
      this.asOf = asOf;
    }

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("engagekit-pattern-count",
          Serializers.Patterns.INSTANCE));
    }

    @Override
    public void processElement(RepeatPattern p, Context ctx, Collector<RepeatPattern> out) throws Exception {
      ValueState<RepeatPattern> state = requireNonNull(count);
      if (ctx.timerService().currentWatermark() >= asOf.toEpochMilli()) {
        out.collect(p); // a late customer's pattern: its count adds to what was emitted
        return;
      }
      RepeatPattern sum = state.value();
      if (sum == null) {
        ctx.timerService().registerEventTimeTimer(asOf.toEpochMilli());
        state.update(p);
      } else {
        state.update(new RepeatPattern(p.x(), p.tx(), p.T(), Math.addExact(sum.customers(), p.customers())));
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RepeatPattern> out) throws Exception {
      ValueState<RepeatPattern> state = requireNonNull(count);
      RepeatPattern sum = state.value();
      if (sum != null) {
        out.collect(sum);
        state.clear();
      }
    }
  }
}

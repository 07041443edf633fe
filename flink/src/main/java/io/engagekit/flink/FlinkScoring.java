package io.engagekit.flink;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.alerts.FadingInterest;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.ConnectedStreams;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.InstantiationUtil;
import org.apache.flink.util.OutputTag;

/**
 * EngageKit strategies as a keyed Flink operator: each customer's strategy states live in Flink
 * keyed state, events are applied in event time, and scores are emitted on triggers; population
 * strategies are scored against population summaries kept by a second operator.
 *
 * <pre>{@code
 * DataStream<EngagementEvent> events = env.fromSource(source,
 *     FlinkScoring.watermarks(Duration.ofMinutes(5)), "events");
 * SingleOutputStreamOperator<CustomerScores> scores = FlinkScoring.of(
 *         () -> List.of(ScoringStrategies.satisfactionNps(), FadingInterest.strategy(),
 *             ScoringStrategies.loyaltyRfm()))
 *     .every(Duration.ofDays(1))
 *     .score(events);
 * DataStream<FadingInterest.Alert> alerts = scores.getSideOutput(FlinkScoring.ALERTS);
 * }</pre>
 *
 * <h2>Time</h2>
 * Events are applied in event time. A score "as of T" is emitted once the watermark passes T, after
 * every event at or before T and before every event after T: the same score the in-process {@link
 * EngagementEngine} gives for the same events as of T. An event that no pending emission of its
 * customer precedes (nor, with population strategies, the next summary instant) is applied to the
 * states on arrival; any other waits in the customer's state until the watermark passes its instant.
 * The strategies are order-independent, so the states are those of an application in time order,
 * except that sums of doubles may differ in their last bits when events arrive out of order. {@link
 * #inEventTimeOrder()} makes every event wait and applies them in the order of their instants (ties
 * in the order of their encoded bytes), bit-for-bit independent of the arrival order; with {@link
 * #everyEvents(long)}, score requests, or a strategy that is not order-independent, events always
 * wait. Flink's timestamps are milliseconds; EngageKit's instants keep their nanoseconds.
 *
 * <h2>Triggers</h2>
 * Any combination of:
 * <ul>
 *   <li>{@link #everyEvents(long) every N events} applied to a customer's state, as of the N-th
 *       event's instant ({@link CustomerScores.Cause#EVENTS});
 *   <li>{@link #every(Duration) a period} of event time: at each multiple of the period since the
 *       epoch from the customer's first event on, whether or not they were active, which is what
 *       shows a customer going quiet ({@link CustomerScores.Cause#TIMER}), {@link #until(Instant) up
 *       to an end} if given;
 *   <li>{@link #at(Instant...) fixed instants}, for every customer seen before the watermark passed
 *       the instant ({@link CustomerScores.Cause#AS_OF});
 *   <li>{@link ScoreRequest requests} on a second stream, given to {@link #score(DataStream,
 *       DataStream)} ({@link CustomerScores.Cause#REQUEST}). The operator's watermark is the lower
 *       of the two streams', so give an unbounded request stream {@link
 *       WatermarkStrategy#withIdleness idleness}.
 * </ul>
 *
 * <h2>Late events</h2>
 * An event whose instant the watermark has already passed is not dropped: it is merged into the
 * customer's states at once (every built-in strategy is order-independent, so the states become
 * exactly what they would have been), counted in the metric {@code engagekit.lateEvents}, and a copy
 * goes to the side output {@link #LATE_EVENTS}. Scores already emitted are not revised; the next
 * emission includes the event. A customer first seen through a late event gets no {@link
 * CustomerScores.Cause#AS_OF} scores for instants the watermark had already passed. With population
 * strategies, a late event reaches the population at the next summary instant after the watermark.
 *
 * <h2>Alerts</h2>
 * When the strategies include {@code alert.fading}, every emission whose fading score reaches the
 * {@link #alertThreshold(double) threshold} (0.5 by default) also emits a {@link
 * io.engagekit.scoring.alerts.FadingInterest.Alert} to the side output {@link #ALERTS}.
 *
 * <h2>Strategies</h2>
 * Every strategy must support snapshots (Flink keeps state in them). Customers are scored as bare
 * customers ({@link io.engagekit.core.Customer#of}); registration is not part of the operator.
 * Strategies fitted on the population ({@code loyalty.clv}, and the model strategies without a
 * model) are refused: fit the model on RFM summaries aggregated in Flink ({@link RfmSummaries}) and
 * give it to the strategy, as in {@code ScoringStrategies.loyaltyBgNbd(model, settings)}.
 *
 * <h2>Population strategies</h2>
 * Strategies scored relative to the population with a {@linkplain
 * io.engagekit.scoring.PopulationSummary live summary} ({@code loyalty.rfm}, {@code
 * loyalty.decayed}) run in a second operator ({@value #POPULATION_UID}), which {@link #score} then
 * returns (with the same side outputs). The keyed operator sends a customer's population states at
 * the first <em>summary instant</em> after they change: a {@linkplain #at(Instant...) fixed
 * instant}, or a multiple of the {@linkplain #every(Duration) scoring period} or of the {@linkplain
 * #summaryEvery(Duration) summary period} (give at least one). Every subtask of the second operator
 * receives every update and keeps the whole population's summaries (its memory grows with the whole
 * population), and completes each score once the watermark passes its instant. <b>Staleness:</b> a
 * score as of T is the customer's own states as of T against the population as of the latest
 * summary instant at or before T, so scores at summary instants equal the in-process engine's, and
 * those every N events or on request see a population at most one summary period old (a request
 * for an instant the watermark has passed is answered at once, against the population reached).
 * Subtask 0 checkpoints the population; every subtask restores that copy, at any parallelism.
 *
 * <h2>State</h2>
 * One value per customer ({@value #STATE_NAME}), written by a compact, versioned serializer: each
 * record carries its strategies' state versions, so a job upgraded to a strategy that still reads its
 * earlier layout restores savepoints of the previous release. The operator's uid is {@value #UID}:
 * keep it, and keep the strategies (names and order), to restore a savepoint.
 *
 * <p>Immutable and serializable; each {@code with} method returns a new instance.
 *
 * @since 0.1
 * @serial exclude
 */
public final class FlinkScoring implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The uid of the scoring operator: savepoints find its state by it. */
  public static final String UID = "engagekit-scoring";
  /** The name of the per-customer keyed state. */
  public static final String STATE_NAME = "engagekit-customer";
  /** The alert threshold unless another is given: a drop of half the long-run rate. */
  public static final double DEFAULT_ALERT_THRESHOLD = 0.5;
  /** Fading-interest alerts. */
  public static final OutputTag<io.engagekit.scoring.alerts.FadingInterest.Alert> ALERTS =
      new OutputTag<>("engagekit-alerts", EngageKitTypes.alerts());
  /** Copies of the late events (merged into state all the same). */
  public static final OutputTag<EngagementEvent> LATE_EVENTS =
      new OutputTag<>("engagekit-late-events", EngageKitTypes.events());

  /** The uid of the population-scoring operator of a job with population strategies. */
  public static final String POPULATION_UID = "engagekit-population";
  /** The keyed operator's population updates, broadcast to the population-scoring operator. */
  static final OutputTag<PopulationUpdate> UPDATES = new OutputTag<>("engagekit-population-updates",
      new ValueTypeInfo<>(PopulationUpdate.class, Serializers.PopulationUpdates.INSTANCE));
  static final org.apache.flink.api.common.typeinfo.TypeInformation<Staged> STAGED =
      new ValueTypeInfo<>(Staged.class, Serializers.StagedRecords.INSTANCE);

  private final StrategyFactory factory;
  private final long everyEvents;
  private final long intervalMillis;
  private final Instant[] asOf;
  private final double alertThreshold;
  private final long untilMillis;
  private final long summaryMillis;
  private final boolean population;
  private final boolean ordered;

  private FlinkScoring(StrategyFactory factory, long everyEvents, long intervalMillis, Instant[] asOf,
      double alertThreshold, long untilMillis, long summaryMillis, boolean population, boolean ordered) {
    this.factory = factory;
    this.everyEvents = everyEvents;
    this.intervalMillis = intervalMillis;
    this.asOf = asOf;
    this.alertThreshold = alertThreshold;
    this.untilMillis = untilMillis;
    this.summaryMillis = summaryMillis;
    this.population = population;
    this.ordered = ordered;
  }

  /**
   * Returns scoring with the factory's strategies and no trigger yet.
   *
   * @param factory builds the strategies on each task
   * @return the scoring settings
   * @throws IllegalArgumentException if the factory is not serializable, returns no strategies or two
   *     of one name, or a strategy does not support snapshots or depends on the population
   */
  public static FlinkScoring of(StrategyFactory factory) {
    requireNonNull(factory, "factory");
    try {
      InstantiationUtil.serializeObject(factory);
    } catch (IOException e) {
      throw new IllegalArgumentException("the strategy factory must be serializable (capture only serializable"
          + " values): " + e.getMessage(), e);
    }
    List<ScoringStrategy<?>> strategies = List.copyOf(requireNonNull(factory.create(), "factory.create()"));
    EngagementEngine.of(strategies); // distinct names, at least one
    for (ScoringStrategy<?> s : strategies) {
      PopulationScoring.checkSupported(s);
      try {
        s.newState().writeTo(new DataOutputStream(OutputStream.nullOutputStream()));
      } catch (UnsupportedOperationException | IOException e) {
        throw new IllegalArgumentException("strategy " + s.name() + " does not support snapshots, which Flink"
            + " keeps its state in", e);
      }
    }
    return new FlinkScoring(factory, 0, 0, new Instant[0], DEFAULT_ALERT_THRESHOLD, Long.MIN_VALUE, 0,
        PopulationScoring.populationIndices(strategies).length > 0, false);
  }

  /**
   * Returns these settings, also emitting a customer's scores every {@code n} events applied to
   * their state.
   *
   * @param n the number of events, {@code >= 1}
   * @return new settings
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public FlinkScoring everyEvents(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("the event count must be >= 1 but was " + n);
    }
    return new FlinkScoring(factory, n, intervalMillis, asOf, alertThreshold, untilMillis, summaryMillis,
        population, ordered);
  }

  /**
   * Returns these settings, also emitting every customer's scores at each multiple of a period of
   * event time since the epoch, from their first event on.
   *
   * @param period a positive whole number of milliseconds
   * @return new settings
   * @throws IllegalArgumentException if the period is not positive or not whole milliseconds
   */
  public FlinkScoring every(Duration period) {
    return new FlinkScoring(factory, everyEvents, wholeMillis(period, "period"), asOf, alertThreshold, untilMillis,
        summaryMillis, population, ordered);
  }

  /**
   * Returns these settings with an end to the periodic scores: none after {@code end}. Without an
   * end, periods continue as long as the watermark advances, and at the end of a bounded input (when
   * the watermark jumps to its maximum) the pending period fires once and no more are set. With an
   * end, a bounded input is scored at every period up to it, however fast the watermark moved.
   *
   * @param end the last instant a periodic score may be as of
   * @return new settings
   */
  public FlinkScoring until(Instant end) {
    return new FlinkScoring(factory, everyEvents, intervalMillis, asOf, alertThreshold,
        requireNonNull(end, "end").toEpochMilli(), summaryMillis, population, ordered);
  }

  /**
   * Returns these settings, also emitting every customer's scores as of fixed instants.
   *
   * @param instants the instants
   * @return new settings
   */
  public FlinkScoring at(Instant... instants) {
    List<Instant> all = new ArrayList<>(Arrays.asList(asOf));
    for (Instant i : instants) {
      all.add(requireNonNull(i, "instant"));
    }
    return new FlinkScoring(factory, everyEvents, intervalMillis,
        all.stream().distinct().sorted().toArray(Instant[]::new), alertThreshold, untilMillis, summaryMillis,
        population, ordered);
  }

  /**
   * Returns these settings, also bringing the population summaries up to date at each multiple of a
   * period of event time since the epoch (see "Population strategies" above): this period bounds
   * how stale the population of a score every N events or on request can be.
   *
   * @param period a positive whole number of milliseconds
   * @return new settings
   * @throws IllegalArgumentException if the period is not positive or not whole milliseconds
   */
  public FlinkScoring summaryEvery(Duration period) {
    long millis = wholeMillis(period, "summary period");
    return new FlinkScoring(factory, everyEvents, intervalMillis, asOf, alertThreshold, untilMillis, millis,
        population, ordered);
  }

  /**
   * Returns these settings with every event held until the watermark passes it and applied in the
   * order of the instants (ties in the order of their encoded bytes), whatever order the events
   * arrived in. By default an event that no emission of its customer precedes is applied on arrival,
   * which saves a timer and a write per event; the states are the same, since the strategies are
   * order-independent, except that sums of floating-point values may differ in their last bits when
   * events arrive out of order. Choose this to make the scores bit-for-bit independent of the
   * arrival order.
   *
   * @return new settings
   */
  public FlinkScoring inEventTimeOrder() {
    return new FlinkScoring(factory, everyEvents, intervalMillis, asOf, alertThreshold, untilMillis, summaryMillis,
        population, true);
  }

  /**
   * Returns these settings with another alert threshold.
   *
   * @param threshold the smallest drop that alerts, in {@code (0, 1]}
   * @return new settings
   * @throws IllegalArgumentException if out of range
   */
  public FlinkScoring alertThreshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1] but was " + threshold);
    }
    return new FlinkScoring(factory, everyEvents, intervalMillis, asOf, threshold, untilMillis, summaryMillis,
        population, ordered);
  }

  /**
   * Scores a stream of events, keyed by customer. The stream must carry event-time timestamps and
   * watermarks (see {@link #watermarks(Duration)}).
   *
   * @param events touchpoints and survey answers
   * @return the scores; {@link #ALERTS} and {@link #LATE_EVENTS} are its side outputs
   */
  public SingleOutputStreamOperator<CustomerScores> score(DataStream<EngagementEvent> events) {
    KeyedStream<EngagementEvent, String> keyed = events.keyBy(EngagementEvent::customer, Types.STRING);
    if (!population) {
      return keyed.process(new ScoringFunctions.Events<>(this, false), EngageKitTypes.scores())
          .uid(UID)
          .name("EngageKit scoring");
    }
    return PopulationScoring.attach(this, keyed.process(new ScoringFunctions.Events<>(this, true), STAGED)
        .uid(UID)
        .name("EngageKit scoring"));
  }

  /**
   * Scores a stream of events, keyed by customer, and answers score requests.
   *
   * @param events touchpoints and survey answers, with timestamps and watermarks
   * @param requests score requests, with timestamps and watermarks (give an unbounded stream idleness)
   * @return the scores; {@link #ALERTS} and {@link #LATE_EVENTS} are its side outputs
   */
  public SingleOutputStreamOperator<CustomerScores> score(DataStream<EngagementEvent> events,
      DataStream<ScoreRequest> requests) {
    ConnectedStreams<EngagementEvent, ScoreRequest> keyed = events.connect(requests)
        .keyBy(EngagementEvent::customer, ScoreRequest::customer, Types.STRING);
    if (!population) {
      return keyed.process(new ScoringFunctions.WithRequests<>(this, false), EngageKitTypes.scores())
          .uid(UID)
          .name("EngageKit scoring");
    }
    return PopulationScoring.attach(this, keyed.process(new ScoringFunctions.WithRequests<>(this, true), STAGED)
        .uid(UID)
        .name("EngageKit scoring"));
  }

  private static long wholeMillis(Duration period, String what) {
    requireNonNull(period, what);
    if (period.isNegative() || period.isZero() || period.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException("the " + what + " must be a positive whole number of milliseconds but was "
          + period);
    }
    return period.toMillis();
  }

  void checkSummaryInstants() {
    if (asOf.length == 0 && intervalMillis == 0 && summaryMillis == 0) {
      throw new IllegalStateException("population strategies are scored against population summaries brought up to"
          + " date at summary instants, and these settings have none: give fixed instants (at), a scoring period"
          + " (every) or a summary period (summaryEvery)");
    }
  }

  /**
   * The first summary instant (ms) at or after {@code from}: a fixed instant, a multiple of the
   * scoring period (up to its end) or of the summary period; {@code Long.MIN_VALUE} if none is left.
   */
  long nextSummaryInstant(long from) {
    long next = Long.MAX_VALUE;
    for (Instant at : asOf) {
      long ms = at.toEpochMilli();
      if (ms >= from) {
        next = ms;
        break;
      }
    }
    if (intervalMillis > 0) {
      long boundary = ScoringLogic.ceil(from, intervalMillis);
      if (untilMillis == Long.MIN_VALUE || boundary <= untilMillis) {
        next = Math.min(next, boundary);
      }
    }
    if (summaryMillis > 0) {
      next = Math.min(next, ScoringLogic.ceil(from, summaryMillis));
    }
    return next == Long.MAX_VALUE ? Long.MIN_VALUE : next;
  }

  /**
   * Returns a watermark strategy for events: timestamps from {@link EngagementEvent#at()}, and
   * watermarks that trail the latest instant seen by a bound on how out of order events arrive.
   *
   * @param maxOutOfOrderness how late an event may arrive and still be applied in order
   * @return the watermark strategy
   */
  public static WatermarkStrategy<EngagementEvent> watermarks(Duration maxOutOfOrderness) {
    return WatermarkStrategy.<EngagementEvent>forBoundedOutOfOrderness(maxOutOfOrderness)
        .withTimestampAssigner((e, previous) -> e.at().toEpochMilli());
  }

  /**
   * Returns a watermark strategy for score requests: timestamps from {@link ScoreRequest#asOf()}.
   *
   * @param idleness how long without requests before the stream stops holding the watermark back
   * @return the watermark strategy
   */
  public static WatermarkStrategy<ScoreRequest> requestWatermarks(Duration idleness) {
    return WatermarkStrategy.<ScoreRequest>forMonotonousTimestamps()
        .withTimestampAssigner((r, previous) -> r.asOf().toEpochMilli())
        .withIdleness(idleness);
  }

  StrategyFactory factory() {
    return factory;
  }

  long everyEvents() {
    return everyEvents;
  }

  long intervalMillis() {
    return intervalMillis;
  }

  List<Instant> asOf() {
    return List.of(asOf);
  }

  boolean inEventTimeOrderSet() {
    return ordered;
  }

  long summaryMillis() {
    return summaryMillis;
  }

  double alertThreshold() {
    return alertThreshold;
  }

  /** The end of periodic scores in epoch milliseconds, or {@code Long.MIN_VALUE} for none. */
  long untilMillis() {
    return untilMillis;
  }

  @Override
  public String toString() {
    return "FlinkScoring[everyEvents=" + everyEvents + ", intervalMillis=" + intervalMillis + ", asOf="
        + Arrays.toString(asOf) + ", alertThreshold=" + alertThreshold + ", until="
        + (untilMillis == Long.MIN_VALUE ? "none" : Instant.ofEpochMilli(untilMillis)) + "]";
  }
}

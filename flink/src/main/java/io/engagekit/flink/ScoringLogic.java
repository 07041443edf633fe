package io.engagekit.flink;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.PopulationSummary;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.StateRecord;
import io.engagekit.scoring.alerts.FadingInterest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.TimerService;

/**
 * What the keyed scoring operator does, shared by its two forms (events only, events and
 * requests). One instance per task; it holds the strategies built from the factory and the handle
 * of the keyed state. See {@link FlinkScoring} for the semantics.
 *
 * <p>With population strategies, the scores leave as {@link Staged} records (the population
 * strategies' states along, scored downstream by {@link PopulationScoring}), and each customer's
 * population states are sent as a {@link PopulationUpdate} at the first summary instant at or after
 * any change to them.
 */
final class ScoringLogic {
  /** Where the operator's records go: the function adapts its collector and context. */
  interface Out {
    /** Scores; {@code population} is null unless the job has population strategies. */
    void scores(CustomerScores scores, byte @org.jspecify.annotations.Nullable [] population);

    void late(EngagementEvent event);

    void alert(FadingInterest.Alert alert);

    void update(PopulationUpdate update);
  }

  private final FlinkScoring settings;
  private final List<ScoringStrategy<?>> strategies;
  /** The indices of the population strategies (scored downstream), in the job's order. */
  private final int[] population;
  private final List<ScoringStrategy<?>> populationStrategies;
  /** One empty summary per population strategy, asked only whether an event changes a state's share. */
  private final PopulationSummary<?>[] probes;
  private final boolean[] isPopulation;
  /** Events may be applied on arrival (no timer, no buffer) when no emission falls before them. */
  private final boolean eager;
  private final long[] asOfMillis;
  private final int fading;
  private final ValueState<CustomerState> state;
  private final Counter applied;
  private final Counter late;
  private final Counter emitted;
  private final Counter alerts;

  /**
   * @param requests whether score requests arrive too: a request may ask for an instant before
   *     events already received, so events then wait for the watermark
   */
  ScoringLogic(FlinkScoring settings, RuntimeContext context, boolean requests) {
    this.settings = settings;
    this.strategies = List.copyOf(settings.factory().create());
    int f = -1;
    for (int i = 0; i < strategies.size(); i++) {
      if (strategies.get(i).name().equals(FadingInterest.NAME)) {
        f = i;
      }
    }
    this.fading = f;
    this.population = PopulationScoring.populationIndices(strategies);
    this.isPopulation = new boolean[strategies.size()];
    List<ScoringStrategy<?>> pop = new ArrayList<>();
    this.probes = new PopulationSummary<?>[population.length];
    for (int j = 0; j < population.length; j++) {
      isPopulation[population[j]] = true;
      pop.add(strategies.get(population[j]));
      probes[j] = PopulationScoring.summaryOf(strategies.get(population[j]));
    }
    this.populationStrategies = List.copyOf(pop);
    this.eager = !requests && !settings.inEventTimeOrderSet() && settings.everyEvents() == 0
        && strategies.stream().allMatch(ScoringStrategy::orderIndependent);
    this.asOfMillis = settings.asOf().stream().mapToLong(Instant::toEpochMilli).toArray();
    this.state = context.getState(new ValueStateDescriptor<>(FlinkScoring.STATE_NAME,
        CustomerStateSerializer.of(settings.factory(), strategies)));
    MetricGroup metrics = context.getMetricGroup().addGroup("engagekit");
    this.applied = metrics.counter("eventsApplied");
    this.late = metrics.counter("lateEvents");
    this.emitted = metrics.counter("scoresEmitted");
    this.alerts = metrics.counter("alertsEmitted");
  }

  void onEvent(String key, EngagementEvent event, TimerService timers, Out out) throws Exception {
    long watermark = timers.currentWatermark();
    long t = event.at().toEpochMilli();
    CustomerState c = state.value();
    if (c == null) {
      c = created(timers, watermark);
    }
    if (population.length > 0 && c.events == 0 && c.pending.isEmpty()) {
      // Every customer with events counts in the population, whether or not they change a summary.
      due(c, Math.max(t, watermark + 1), timers, Long.MIN_VALUE);
    }
    if (t <= watermark) {
      // Late: merged at once (the states are order-independent), counted, and copied to the side output.
      late.inc();
      out.late(event);
      apply(key, c, event, null, later(event.at(), watermark), watermark + 1, Long.MIN_VALUE, timers, out);
    } else if (eager && t < nextDue(c, watermark)) {
      // No emission of this customer falls at or before the event: its state may take it now.
      apply(key, c, event, null, event.at(), t, Long.MIN_VALUE, timers, out);
    } else {
      c.hold(event);
      timers.registerEventTimeTimer(t);
    }
    long interval = settings.intervalMillis();
    if (interval > 0 && c.nextTimer == Long.MIN_VALUE) {
      long boundary = Math.max(ceil(t, interval), (Math.floorDiv(watermark, interval) + 1) * interval);
      long until = settings.untilMillis();
      if (until == Long.MIN_VALUE || boundary <= until) {
        c.nextTimer = boundary;
        timers.registerEventTimeTimer(boundary);
      } else {
        c.nextTimer = Long.MAX_VALUE; // no period left before the end
      }
    }
    state.update(c);
  }

  void onRequest(String key, ScoreRequest request, TimerService timers, Out out) throws Exception {
    long watermark = timers.currentWatermark();
    long t = request.asOf().toEpochMilli();
    CustomerState c = state.value();
    if (t <= watermark) {
      emit(key, c != null ? c : new CustomerState(strategies), request.asOf(), CustomerScores.Cause.REQUEST, out);
      return;
    }
    if (c == null) {
      c = created(timers, watermark);
    }
    c.request(request.asOf());
    timers.registerEventTimeTimer(t);
    state.update(c);
  }

  void onTimer(String key, long t, TimerService timers, Out out) throws Exception {
    CustomerState c = state.value();
    if (c == null) {
      return;
    }
    // The instants due now, in order: fixed instants, the periodic boundary, requests.
    List<Due> due = new ArrayList<>();
    for (Instant at : settings.asOf()) {
      if (at.toEpochMilli() == t) {
        due.add(new Due(at, CustomerScores.Cause.AS_OF));
      }
    }
    boolean periodic = c.nextTimer == t;
    if (periodic) {
      due.add(new Due(Instant.ofEpochMilli(t), CustomerScores.Cause.TIMER));
    }
    while (!c.requests.isEmpty() && c.requests.get(0).toEpochMilli() <= t) {
      due.add(new Due(c.requests.remove(0), CustomerScores.Cause.REQUEST));
    }
    due.sort(Comparator.comparing(Due::at));
    // The events the watermark has passed: a prefix of the pending events, which are sorted.
    int ready = 0;
    while (ready < c.pending.size() && c.pending.get(ready).at().toEpochMilli() <= t) {
      ready++;
    }
    List<EngagementEvent> events = new ArrayList<>(c.pending.subList(0, ready));
    c.pending.subList(0, ready).clear();
    int next = 0;
    for (Due d : due) {
      while (next < events.size() && !events.get(next).at().isAfter(d.at())) {
        EngagementEvent e = events.get(next);
        apply(key, c, e, next + 1 < events.size() ? events.get(next + 1) : null, e.at(), t, t, timers, out);
        next++;
      }
      emit(key, c, d.at(), d.cause(), out);
    }
    for (; next < events.size(); next++) {
      EngagementEvent e = events.get(next);
      apply(key, c, e, next + 1 < events.size() ? events.get(next + 1) : null, e.at(), t, t, timers, out);
    }
    if (c.updateAt == t) {
      // Every event at or before the summary instant is in the states now, and none after it.
      c.updateAt = Long.MIN_VALUE;
      out.update(new PopulationUpdate(key, t, populationBytes(c)));
    }
    if (periodic) {
      long following = t + settings.intervalMillis();
      long until = settings.untilMillis();
      boolean more = until != Long.MIN_VALUE
          ? following <= until
          : timers.currentWatermark() != Long.MAX_VALUE; // else the end of a bounded input: no more periods
      c.nextTimer = more ? following : Long.MAX_VALUE;
      if (more) {
        timers.registerEventTimeTimer(following);
      }
    }
    state.update(c);
  }

  /** A new customer's state, with the fixed scoring instants still ahead scheduled. */
  private CustomerState created(TimerService timers, long watermark) {
    CustomerState c = new CustomerState(strategies);
    for (long at : asOfMillis) {
      if (at > watermark) {
        timers.registerEventTimeTimer(at);
      }
    }
    return c;
  }

  /**
   * The first instant (ms) at which something of this customer's is emitted: a fixed instant, the
   * next period, a request, the population states, or (with population strategies) the next summary
   * instant; {@code Long.MAX_VALUE} if none is set.
   */
  private long nextDue(CustomerState c, long watermark) {
    long d = Long.MAX_VALUE;
    for (long at : asOfMillis) {
      if (at > watermark) {
        d = at;
        break;
      }
    }
    if (c.nextTimer != Long.MIN_VALUE) {
      d = Math.min(d, c.nextTimer);
    }
    if (!c.requests.isEmpty()) {
      d = Math.min(d, c.requests.get(0).toEpochMilli());
    }
    if (c.updateAt != Long.MIN_VALUE) {
      d = Math.min(d, c.updateAt);
    }
    if (population.length > 0) {
      // An event after the next summary instant must wait for it: an event that arrives later but is
      // earlier may make this customer's states due at that instant, which must not hold the first.
      long s = settings.nextSummaryInstant(watermark + 1);
      if (s != Long.MIN_VALUE) {
        d = Math.min(d, s);
      }
    }
    return d;
  }

  /**
   * Makes the customer's population states due at the first summary instant at or after {@code
   * from}, unless they are due already at an instant no later (which holds this change too). A
   * timer left at a later instant finds nothing due and sends nothing.
   */
  private void due(CustomerState c, long from, TimerService timers, long firing) {
    long at = settings.nextSummaryInstant(from);
    // An event that arrived out of order may change the states before the instant already due.
    if (at != Long.MIN_VALUE && (c.updateAt == Long.MIN_VALUE || at < c.updateAt)) {
      c.updateAt = at;
      if (at != firing) { // the timer firing now sends it at its end; another would fire it twice
        timers.registerEventTimeTimer(at);
      }
    }
  }

  /**
   * Takes one event into every state and emits when the event count reaches the trigger, unless the
   * next event is at the same instant (all events of one instant are applied before an emission).
   * {@code from} is the earliest summary instant the change may reach the population at; {@code
   * firing} the timer being handled, or {@code Long.MIN_VALUE}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void apply(String key, CustomerState c, EngagementEvent e, EngagementEvent next, Instant asOf, long from,
      long firing, TimerService timers, Out out) {
    ScoreState[] states = c.states(strategies);
    for (ScoreState s : states) {
      s.accept(e);
    }
    for (PopulationSummary<?> probe : probes) {
      if (probe.changes(e)) {
        due(c, from, timers, firing);
        break;
      }
    }
    c.events++;
    c.sinceEmission++;
    applied.inc();
    long n = settings.everyEvents();
    if (n > 0 && c.sinceEmission >= n && (next == null || !next.at().equals(e.at()))) {
      emit(key, c, asOf, CustomerScores.Cause.EVENTS, out);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void emit(String key, CustomerState c, Instant asOf, CustomerScores.Cause cause, Out out) {
    ScoreState<?>[] states = c.states(strategies);
    Customer customer = Customer.of(key);
    Map<String, Score> scores = new LinkedHashMap<>();
    for (int i = 0; i < states.length; i++) {
      if (!isPopulation[i]) {
        ScoringStrategy s = strategies.get(i);
        scores.put(s.name(), s.score(states[i], asOf, customer));
      }
    }
    if (cause == CustomerScores.Cause.EVENTS) {
      c.sinceEmission = 0;
    }
    CustomerScores scored = new CustomerScores(key, asOf, cause, c.events, scores);
    if (population.length > 0) {
      out.scores(scored, populationBytes(c)); // completed, counted and checked for alerts downstream
      return;
    }
    out.scores(scored, null);
    emitted.inc();
    if (fading >= 0) {
      Optional<FadingInterest.Alert> alert =
          FadingInterest.alert(key, scores.get(FadingInterest.NAME), asOf, settings.alertThreshold());
      if (alert.isPresent()) {
        out.alert(alert.get());
        alerts.inc();
      }
    }
  }

  /** The population strategies' states, encoded as a state record. */
  private byte[] populationBytes(CustomerState c) {
    ScoreState<?>[] states = c.states(strategies);
    ScoreState<?>[] pop = new ScoreState<?>[population.length];
    for (int j = 0; j < population.length; j++) {
      pop[j] = states[population[j]];
    }
    DataOutputSerializer bytes = new DataOutputSerializer(64);
    try {
      StateRecord.write(bytes, populationStrategies, pop);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the population strategies' states: " + e.getMessage(), e);
    }
    return bytes.getCopyOfBuffer();
  }

  private static Instant later(Instant at, long watermark) {
    Instant w = Instant.ofEpochMilli(watermark);
    return w.isAfter(at) ? w : at;
  }

  /** The least multiple of {@code interval} at or after {@code t}. */
  static long ceil(long t, long interval) {
    return -Math.floorDiv(-t, interval) * interval;
  }

  private record Due(Instant at, CustomerScores.Cause cause) {}
}

package io.engagekit.flink;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.FadingInterest;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
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
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * What the scoring operator does, shared by its two forms (events only, events and requests). One
 * instance per task; it holds the strategies built from the factory and the handle of the keyed
 * state. See {@link FlinkScoring} for the semantics.
 */
final class ScoringLogic {
  /** Emits side outputs; the two function contexts both can. */
  interface Side {
    <X> void output(OutputTag<X> tag, X value);
  }

  private final FlinkScoring settings;
  private final List<ScoringStrategy<?>> strategies;
  private final int fading;
  private final ValueState<CustomerState> state;
  private final Counter applied;
  private final Counter late;
  private final Counter emitted;
  private final Counter alerts;

  ScoringLogic(FlinkScoring settings, RuntimeContext context) {
    this.settings = settings;
    this.strategies = List.copyOf(settings.factory().create());
    int f = -1;
    for (int i = 0; i < strategies.size(); i++) {
      if (strategies.get(i).name().equals(FadingInterest.NAME)) {
        f = i;
      }
    }
    this.fading = f;
    this.state = context.getState(new ValueStateDescriptor<>(FlinkScoring.STATE_NAME,
        CustomerStateSerializer.of(settings.factory(), strategies)));
    MetricGroup metrics = context.getMetricGroup().addGroup("engagekit");
    this.applied = metrics.counter("eventsApplied");
    this.late = metrics.counter("lateEvents");
    this.emitted = metrics.counter("scoresEmitted");
    this.alerts = metrics.counter("alertsEmitted");
  }

  void onEvent(String key, EngagementEvent event, TimerService timers, Collector<CustomerScores> out, Side side)
      throws Exception {
    long watermark = timers.currentWatermark();
    CustomerState c = stateOf(timers, watermark);
    long t = event.at().toEpochMilli();
    if (t <= watermark) {
      // Late: merged at once (the states are order-independent), counted, and copied to the side output.
      late.inc();
      side.output(FlinkScoring.LATE_EVENTS, event);
      apply(key, c, event, null, later(event.at(), watermark), out, side);
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

  void onRequest(String key, ScoreRequest request, TimerService timers, Collector<CustomerScores> out, Side side)
      throws Exception {
    long watermark = timers.currentWatermark();
    long t = request.asOf().toEpochMilli();
    CustomerState c = state.value();
    if (t <= watermark) {
      emit(key, c != null ? c : new CustomerState(strategies), request.asOf(), CustomerScores.Cause.REQUEST, out, side);
      return;
    }
    if (c == null) {
      c = stateOf(timers, watermark);
    }
    c.request(request.asOf());
    timers.registerEventTimeTimer(t);
    state.update(c);
  }

  void onTimer(String key, long t, TimerService timers, Collector<CustomerScores> out, Side side) throws Exception {
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
        apply(key, c, events.get(next), next + 1 < events.size() ? events.get(next + 1) : null,
            events.get(next).at(), out, side);
        next++;
      }
      emit(key, c, d.at(), d.cause(), out, side);
    }
    for (; next < events.size(); next++) {
      apply(key, c, events.get(next), next + 1 < events.size() ? events.get(next + 1) : null, events.get(next).at(),
          out, side);
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

  /** The customer's state, or a new one with the fixed scoring instants still ahead scheduled. */
  private CustomerState stateOf(TimerService timers, long watermark) throws Exception {
    CustomerState c = state.value();
    if (c == null) {
      c = new CustomerState(strategies);
      for (Instant at : settings.asOf()) {
        if (at.toEpochMilli() > watermark) {
          timers.registerEventTimeTimer(at.toEpochMilli());
        }
      }
    }
    return c;
  }

  /**
   * Takes one event into every state and emits when the event count reaches the trigger, unless the
   * next event is at the same instant (all events of one instant are applied before an emission).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void apply(String key, CustomerState c, EngagementEvent e, EngagementEvent next, Instant asOf,
      Collector<CustomerScores> out, Side side) {
    for (ScoreState s : c.states(strategies)) {
      s.accept(e);
    }
    c.events++;
    c.sinceEmission++;
    applied.inc();
    long n = settings.everyEvents();
    if (n > 0 && c.sinceEmission >= n && (next == null || !next.at().equals(e.at()))) {
      emit(key, c, asOf, CustomerScores.Cause.EVENTS, out, side);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void emit(String key, CustomerState c, Instant asOf, CustomerScores.Cause cause,
      Collector<CustomerScores> out, Side side) {
    ScoreState<?>[] states = c.states(strategies);
    Customer customer = Customer.of(key);
    Map<String, Score> scores = new LinkedHashMap<>();
    for (int i = 0; i < states.length; i++) {
      ScoringStrategy s = strategies.get(i);
      scores.put(s.name(), s.score(states[i], asOf, customer));
    }
    if (cause == CustomerScores.Cause.EVENTS) {
      c.sinceEmission = 0;
    }
    out.collect(new CustomerScores(key, asOf, cause, c.events, scores));
    emitted.inc();
    if (fading >= 0) {
      Optional<FadingInterest.Alert> alert =
          FadingInterest.alert(key, scores.get(FadingInterest.NAME), asOf, settings.alertThreshold());
      if (alert.isPresent()) {
        side.output(FlinkScoring.ALERTS, alert.get());
        alerts.inc();
      }
    }
  }

  private static Instant later(Instant at, long watermark) {
    Instant w = Instant.ofEpochMilli(watermark);
    return w.isAfter(at) ? w : at;
  }

  private static long ceil(long t, long interval) {
    return -Math.floorDiv(-t, interval) * interval;
  }

  private record Due(Instant at, CustomerScores.Cause cause) {}
}

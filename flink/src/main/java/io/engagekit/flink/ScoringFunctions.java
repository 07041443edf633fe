package io.engagekit.flink;

import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.alerts.FadingInterest;
import java.io.Serializable;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.jspecify.annotations.Nullable;

/**
 * The two forms of the scoring operator: over events alone, and over events and score requests.
 * Each emits {@link CustomerScores} when the job has no population strategies, and {@link Staged}
 * records for {@link PopulationScoring} when it has.
 */
final class ScoringFunctions {
  private ScoringFunctions() {}

  /** Keyed by customer: events in, scores (or staged scores) out. */
  static final class Events<O> extends KeyedProcessFunction<String, EngagementEvent, O> {
    private static final long serialVersionUID = 1L;
    private final Wiring wiring;

    Events(FlinkScoring settings, boolean staged) {
      this.wiring = new Wiring(settings, staged, false);
    }

    @Override
    public void open(OpenContext context) {
      wiring.open(getRuntimeContext());
    }

    @Override
    public void processElement(EngagementEvent event, Context ctx, Collector<O> out) throws Exception {
      wiring.logic().onEvent(ctx.getCurrentKey(), event, ctx.timerService(), wiring.port(out, ctx::output));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
      wiring.logic().onTimer(ctx.getCurrentKey(), timestamp, ctx.timerService(), wiring.port(out, ctx::output));
    }
  }

  /** Keyed by customer: events and score requests in, scores (or staged scores) out. */
  static final class WithRequests<O> extends KeyedCoProcessFunction<String, EngagementEvent, ScoreRequest, O> {
    private static final long serialVersionUID = 1L;
    private final Wiring wiring;

    WithRequests(FlinkScoring settings, boolean staged) {
      this.wiring = new Wiring(settings, staged, true);
    }

    @Override
    public void open(OpenContext context) {
      wiring.open(getRuntimeContext());
    }

    @Override
    public void processElement1(EngagementEvent event, Context ctx, Collector<O> out) throws Exception {
      wiring.logic().onEvent(ctx.getCurrentKey(), event, ctx.timerService(), wiring.port(out, ctx::output));
    }

    @Override
    public void processElement2(ScoreRequest request, Context ctx, Collector<O> out) throws Exception {
      wiring.logic().onRequest(ctx.getCurrentKey(), request, ctx.timerService(), wiring.port(out, ctx::output));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
      wiring.logic().onTimer(ctx.getCurrentKey(), timestamp, ctx.timerService(), wiring.port(out, ctx::output));
    }
  }

  /** What both functions hold: the settings and, once opened, the scoring logic and the output port. */
  static final class Wiring implements Serializable {
    private static final long serialVersionUID = 1L;
    private final FlinkScoring settings;
    private final boolean staged;
    private final boolean requests;
    private transient @Nullable ScoringLogic logic;
    private transient @Nullable Port port;

    Wiring(FlinkScoring settings, boolean staged, boolean requests) {
      this.settings = settings;
      this.staged = staged;
      this.requests = requests;
    }

    void open(RuntimeContext context) {
      logic = new ScoringLogic(settings, context, requests);
      port = new Port(staged);
    }

    ScoringLogic logic() {
      if (logic == null) {
        throw new IllegalStateException("the scoring function was not opened");
      }
      return logic;
    }

    Port port(Collector<?> out, Side side) {
      return Port.bind(port, out, side);
    }
  }

  /** Emits side outputs; both function contexts can. */
  interface Side {
    <X> void output(OutputTag<X> tag, X value);
  }

  /**
   * The operator's outputs, reused across calls: scores to the collector (as they are, or staged
   * with the population states), the rest to side outputs (or, staged, downstream).
   */
  static final class Port implements ScoringLogic.Out {
    private final boolean staged;
    @Nullable Collector<?> out;
    @Nullable Side side;

    Port(boolean staged) {
      this.staged = staged;
    }

    /** The port of an opened function, pointed at this call's collector and context. */
    static Port bind(@Nullable Port port, Collector<?> out, Side side) {
      if (port == null) {
        throw new IllegalStateException("the scoring function was not opened");
      }
      port.out = out;
      port.side = side;
      return port;
    }

    @SuppressWarnings("unchecked")
    private <X> Collector<X> out() {
      if (out == null) {
        throw new IllegalStateException("no collector");
      }
      return (Collector<X>) out;
    }

    private Side side() {
      if (side == null) {
        throw new IllegalStateException("no context");
      }
      return side;
    }

    @Override
    public void scores(CustomerScores scores, byte @Nullable [] population) {
      if (staged) {
        if (population == null) {
          throw new IllegalStateException("staged scores need the population states");
        }
        this.<Staged>out().collect(Staged.scores(scores, population));
      } else {
        this.<CustomerScores>out().collect(scores);
      }
    }

    @Override
    public void late(EngagementEvent event) {
      if (staged) {
        this.<Staged>out().collect(Staged.late(event)); // to the side output of the operator users see
      } else {
        side().output(FlinkScoring.LATE_EVENTS, event);
      }
    }

    @Override
    public void alert(FadingInterest.Alert alert) {
      side().output(FlinkScoring.ALERTS, alert);
    }

    @Override
    public void update(PopulationUpdate update) {
      side().output(FlinkScoring.UPDATES, update);
    }
  }
}

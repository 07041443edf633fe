package io.engagekit.flink;

import io.engagekit.core.EngagementEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.jspecify.annotations.Nullable;

/** The two forms of the scoring operator: over events alone, and over events and score requests. */
final class ScoringFunctions {
  private ScoringFunctions() {}

  /** Keyed by customer: events in, scores out. */
  static final class Events extends KeyedProcessFunction<String, EngagementEvent, CustomerScores> {
    private static final long serialVersionUID = 1L;
    private final FlinkScoring settings;
    private transient @Nullable ScoringLogic logic;

    Events(FlinkScoring settings) {
      this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
      logic = new ScoringLogic(settings, getRuntimeContext());
    }

    private ScoringLogic logic() {
      if (logic == null) {
        throw new IllegalStateException("the scoring function was not opened");
      }
      return logic;
    }

    @Override
    public void processElement(EngagementEvent event, Context ctx, Collector<CustomerScores> out) throws Exception {
      logic().onEvent(ctx.getCurrentKey(), event, ctx.timerService(), out, side(ctx));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CustomerScores> out) throws Exception {
      logic().onTimer(ctx.getCurrentKey(), timestamp, ctx.timerService(), out, side(ctx));
    }

    private static ScoringLogic.Side side(KeyedProcessFunction<String, EngagementEvent, CustomerScores>.Context ctx) {
      return new ScoringLogic.Side() {
        @Override
        public <X> void output(OutputTag<X> tag, X value) {
          ctx.output(tag, value);
        }
      };
    }
  }

  /** Keyed by customer: events and score requests in, scores out. */
  static final class WithRequests
      extends KeyedCoProcessFunction<String, EngagementEvent, ScoreRequest, CustomerScores> {
    private static final long serialVersionUID = 1L;
    private final FlinkScoring settings;
    private transient @Nullable ScoringLogic logic;

    WithRequests(FlinkScoring settings) {
      this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
      logic = new ScoringLogic(settings, getRuntimeContext());
    }

    private ScoringLogic logic() {
      if (logic == null) {
        throw new IllegalStateException("the scoring function was not opened");
      }
      return logic;
    }

    @Override
    public void processElement1(EngagementEvent event, Context ctx, Collector<CustomerScores> out) throws Exception {
      logic().onEvent(ctx.getCurrentKey(), event, ctx.timerService(), out, side(ctx));
    }

    @Override
    public void processElement2(ScoreRequest request, Context ctx, Collector<CustomerScores> out) throws Exception {
      logic().onRequest(ctx.getCurrentKey(), request, ctx.timerService(), out, side(ctx));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CustomerScores> out) throws Exception {
      logic().onTimer(ctx.getCurrentKey(), timestamp, ctx.timerService(), out, side(ctx));
    }

    private static ScoringLogic.Side side(
        KeyedCoProcessFunction<String, EngagementEvent, ScoreRequest, CustomerScores>.Context ctx) {
      return new ScoringLogic.Side() {
        @Override
        public <X> void output(OutputTag<X> tag, X value) {
          ctx.output(tag, value);
        }
      };
    }
  }
}

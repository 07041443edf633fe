package io.engagekit.scoring.satisfaction;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.decay.Decay;
import io.engagekit.scoring.decay.DecayedSum;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Satisfaction within a window: the mean of a customer's answers to one survey metric given in the
 * window before the scoring instant, mapped linearly onto 0–100 as {@link LatestAnswer} maps one
 * answer. The variant of {@code satisfaction.csat}, {@code .nps} and {@code .ces} returned by
 * {@code ScoringStrategies.satisfaction(SurveyMetric, Duration)}; it keeps the registry name.
 *
 * <ul>
 *   <li>No answer in the window: {@link Score#noEvidence no evidence}, no contributions.
 *   <li>The window is a {@link Decay#window sliding window}: answers expire when they are {@code
 *       window} old, exactly to within one 64th of the window (see {@link DecayedSum}).
 *   <li>Order-independent; merges exactly.
 * </ul>
 *
 * <p>Example: NPS answers 6 and 10 within a 90-day window: mean 8, score 80.0 with the contribution
 * {@code mean_nps = 80.0}; 91 days after the 6 and 30 after the 10, only the 10 counts: 100.0.
 *
 * <p>The state is two window sums (about 2 KB): the count of answers and the sum of their mapped
 * values.
 */
final class WindowedAnswers implements ScoringStrategy<WindowedAnswers.State> {
  private final SurveyMetric metric;
  private final Decay window;
  private final String contribution;

  WindowedAnswers(SurveyMetric metric, Duration window) {
    this.metric = requireNonNull(metric, "metric");
    this.window = Decay.window(requireNonNull(window, "window"));
    this.contribution = "mean_" + metric.code();
  }

  @Override
  public String name() {
    return "satisfaction." + metric.code();
  }

  @Override
  public String family() {
    return "satisfaction";
  }

  @Override
  public String description() {
    return "Mean " + metric.code().toUpperCase(java.util.Locale.ROOT) + " answer within the last "
        + window.scale().toDays() + " days, mapped to 0-100.";
  }

  @Override
  public State newState() {
    return new State(this);
  }

  @Override
  public Score score(State state, Instant asOf) {
    double at = DecayedSum.seconds(requireNonNull(asOf, "asOf"));
    double n = state.count.valueAt(at);
    if (!(n > 0)) {
      return Score.noEvidence("no answer in the window");
    }
    double value = Math.min(100.0, Math.max(0.0, 100.0 * state.sum.valueAt(at) / n));
    return new Score(value, List.of(new Contribution(contribution, value)));
  }

  @Override
  public State readState(DataInput in) throws IOException {
    State s = new State(this);
    s.count = DecayedSum.readFrom(window, in);
    s.sum = DecayedSum.readFrom(window, in);
    return s;
  }

  @Override
  public String toString() {
    return name() + "[window=" + window.scale() + "]";
  }

  /** Window sums of the count of answers and of their values mapped onto [0, 1]. */
  static final class State implements ScoreState<State> {
    private final WindowedAnswers strategy;
    DecayedSum count;
    DecayedSum sum;

    State(WindowedAnswers strategy) {
      this.strategy = strategy;
      this.count = strategy.window.newSum();
      this.sum = strategy.window.newSum();
    }

    @Override
    public void accept(EngagementEvent event) {
      if (event instanceof SurveyResponse) {
        SurveyResponse r = (SurveyResponse) event;
        SurveyMetric m = strategy.metric;
        if (r.metric() == m) {
          double t = DecayedSum.seconds(r.at());
          count.add(t, 1.0);
          sum.add(t, (r.score() - m.min()) / (double) (m.max() - m.min()));
        }
      }
    }

    @Override
    public void combine(State other) {
      count.combine(other.count);
      sum.combine(other.sum);
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      count.writeTo(out);
      sum.writeTo(out);
    }
  }
}

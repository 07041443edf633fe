package io.engagekit.scoring.satisfaction;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Satisfaction as a snapshot: a customer's latest answer to one survey metric, mapped linearly
 * onto 0–100 ({@code 100 · (answer − min) / (max − min)}: CSAT 1–5, NPS 0–10, CES 1–7).
 *
 * <ul>
 *   <li>No answer: {@link Score#noEvidence no evidence} (the strategy knows nothing; a score
 *       with a contribution of 0 is a worst answer).
 *   <li>Ties: two answers at the same instant keep the higher one, so the state does not depend
 *       on the order events arrive in.
 *   <li>Touchpoints and answers to other metrics are ignored.
 *   <li>{@code asOf} does not change the score: a snapshot does not decay.
 * </ul>
 *
 * <p>The state holds one instant, one answer and a count; {@code accept} does not allocate.
 * Example: NPS answers 6 then 9 give 90.0, with the contribution {@code latest_nps = 90.0}.
 */
final class LatestAnswer implements ScoringStrategy<LatestAnswer.State> {
  private final SurveyMetric metric;
  private final String name;
  private final String description;
  private final String contribution;

  LatestAnswer(SurveyMetric metric, String name, String description) {
    this.metric = requireNonNull(metric, "metric");
    this.name = name;
    this.description = description;
    this.contribution = "latest_" + metric.code();
  }
  /** The metric this strategy scores. */
  SurveyMetric metric() {
    return metric;
  }


  @Override
  public String name() {
    return name;
  }

  @Override
  public String family() {
    return "satisfaction";
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public State newState() {
    return new State(metric);
  }

  @Override
  public Score score(State state, Instant asOf) {
    requireNonNull(asOf, "asOf");
    if (state.answers == 0) {
      return Score.noEvidence("no " + metric + " answer");
    }
    double value = 100.0 * (state.answer - metric.min()) / (metric.max() - metric.min());
    return new Score(value, List.of(new Contribution(contribution, value)));
  }

  @Override
  public State readState(DataInput in) throws IOException {
    State s = new State(metric);
    s.seconds = in.readLong();
    s.nanos = in.readInt();
    s.answer = in.readInt();
    s.answers = in.readLong();
    if (s.answers < 0 || (s.answers > 0 && (!metric.contains(s.answer) || s.nanos < 0 || s.nanos > 999_999_999))) {
      throw new IOException("invalid " + name + " state: " + s.answers + " answers, latest " + s.answer);
    }
    return s;
  }

  @Override
  public String toString() {
    return name;
  }

  /** The latest answer to one metric. */
  static final class State implements ScoreState<State> {
    private final SurveyMetric metric;
    private long seconds;
    private int nanos;
    private int answer;
    private long answers;

    State(SurveyMetric metric) {
      this.metric = metric;
    }

    @Override
    public void accept(EngagementEvent event) {
      if (event instanceof SurveyResponse) {
        SurveyResponse r = (SurveyResponse) event;
        if (r.metric() == metric) {
          take(r.at().getEpochSecond(), r.at().getNano(), r.score(), 1);
        }
      }
    }

    @Override
    public void combine(State other) {
      if (other.metric != metric) {
        throw new IllegalArgumentException(
            "cannot combine states of " + metric.code() + " and " + other.metric.code());
      }
      if (other.answers > 0) {
        take(other.seconds, other.nanos, other.answer, other.answers);
      }
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      out.writeLong(seconds);
      out.writeInt(nanos);
      out.writeInt(answer);
      out.writeLong(answers);
    }

    private void take(long s, int n, int a, long count) {
      int cmp = answers == 0 ? 1 : s != seconds ? Long.compare(s, seconds) : Integer.compare(n, nanos);
      if (cmp > 0 || (cmp == 0 && a > answer)) {
        seconds = s;
        nanos = n;
        answer = a;
      }
      answers += count;
    }
  }
}

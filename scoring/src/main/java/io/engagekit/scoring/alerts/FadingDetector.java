package io.engagekit.scoring.alerts;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code alert.fading} strategy, described on {@link FadingInterest}. */
final class FadingDetector implements ScoringStrategy<FadingDetector.State> {
  private static final TouchpointKind[] KINDS = TouchpointKind.values();

  private final Decay shortDecay;
  private final Decay longDecay;
  private final double shortSeconds;
  private final double longSeconds;
  private final Rates rates;

  FadingDetector(Duration shortHalfLife, Duration longHalfLife) {
    this.shortDecay = Decay.exponential(shortHalfLife);
    this.longDecay = Decay.exponential(longHalfLife);
    if (shortHalfLife.compareTo(longHalfLife) >= 0) {
      throw new IllegalArgumentException(
          "the short half-life " + shortHalfLife + " must be shorter than the long one " + longHalfLife);
    }
    this.shortSeconds = shortDecay.scaleSeconds();
    this.longSeconds = longDecay.scaleSeconds();
    this.rates = new Rates(1.0 / shortSeconds, 1.0 / longSeconds);
  }

  @Override
  public String name() {
    return FadingInterest.NAME;
  }

  @Override
  public String family() {
    return "alert";
  }

  @Override
  public String description() {
    return "Fading interest: how far the recent activity rate (7-day half-life) fell below the long-run one (90 days).";
  }

  @Override
  public State newState() {
    return new State(rates);
  }

  /**
   * Version 2: one latest instant and the short and long decayed counts of every kind relative
   * to it (224 bytes a state); version 1 kept a {@link DecayedSum} per kind and decay (1,208).
   */
  @Override
  public int stateVersion() {
    return 2;
  }

  @Override
  public Score score(State state, Instant asOf) {
    double at = DecayedSum.seconds(requireNonNull(asOf, "asOf"));
    // Every count is read as of one instant: the later of asOf and the latest event of any kind.
    double when = Math.max(at, state.latest);
    double shortFactor = state.factor(when, rates.shortInverse);
    double longFactor = state.factor(when, rates.longInverse);
    double longCount = 0;
    double[] shortRates = new double[KINDS.length];
    double[] longRates = new double[KINDS.length];
    double shortRate = 0;
    double longRate = 0;
    for (int k = 0; k < KINDS.length; k++) {
      double longDecayed = state.sums[2 * k + 1] * longFactor;
      longCount += longDecayed;
      shortRates[k] = state.sums[2 * k] * shortFactor / shortSeconds;
      longRates[k] = longDecayed / longSeconds;
      shortRate += shortRates[k];
      longRate += longRates[k];
    }
    if (longCount < FadingInterest.MINIMUM_HISTORY) {
      return Score.noEvidence("too little history (fewer than " + (int) FadingInterest.MINIMUM_HISTORY + " decayed events)");
    }
    if (!(longRate > shortRate)) {
      return Score.ZERO;
    }
    List<Contribution> parts = new ArrayList<>();
    for (int k = 0; k < KINDS.length; k++) {
      double change = longRates[k] - shortRates[k];
      if (change != 0) {
        parts.add(new Contribution(KINDS[k].code(), 100.0 * change / longRate));
      }
    }
    // What is at stake: the events a month the customer no longer makes; and how long they have been quiet.
    Map<String, Double> measures = new LinkedHashMap<>();
    measures.put(FadingInterest.STAKE, (longRate - shortRate) * FadingInterest.MONTH_SECONDS);
    measures.put(FadingInterest.QUIET_DAYS, (when - state.latest) / 86_400.0);
    return Score.of(parts).withMeasures(measures);
  }

  @Override
  public State readState(DataInput in) throws IOException {
    return readState(in, 2);
  }

  @Override
  public State readState(DataInput in, int version) throws IOException {
    State s = newState();
    if (version == 1) {
      // A decayed sum per kind and decay, each relative to its own latest event: bring them to one.
      DecayedSum[] old = new DecayedSum[2 * KINDS.length];
      for (int k = 0; k < KINDS.length; k++) {
        old[2 * k] = DecayedSum.readFrom(shortDecay, in);
        old[2 * k + 1] = DecayedSum.readFrom(longDecay, in);
        s.latest = Math.max(s.latest, old[2 * k + 1].latest());
      }
      for (int j = 0; j < old.length; j++) {
        s.sums[j] = old[j].valueAt(s.latest);
      }
      return s;
    }
    if (version != 2) {
      throw new IOException("state version " + version + " of " + FadingInterest.NAME + " is not supported; this strategy reads 1 and 2");
    }
    s.latest = in.readDouble();
    boolean empty = s.latest == Double.NEGATIVE_INFINITY;
    if (!(empty || Math.abs(s.latest) <= Double.MAX_VALUE)) {
      throw new IOException("invalid " + FadingInterest.NAME + " state: latest " + s.latest);
    }
    for (int j = 0; j < s.sums.length; j++) {
      double x = in.readDouble();
      if (!(x >= 0 && x <= Double.MAX_VALUE) || (empty && x != 0)) {
        throw new IOException("invalid " + FadingInterest.NAME + " state: count " + j + " is " + x + (empty ? " with no event" : ""));
      }
      s.sums[j] = x;
    }
    return s;
  }

  @Override
  public String toString() {
    return FadingInterest.NAME + "[short=" + shortDecay.scale() + ", long=" + longDecay.scale() + "]";
  }

  /** What a state needs of its detector: the two decays' rates (halvings per second). */
  record Rates(double shortInverse, double longInverse) {}

  /**
   * Short and long decayed event counts per kind, all relative to one latest instant (the count
   * at {@code t} is {@code sums[j] * 2^-((t - latest) * rate)}): one array instead of a decayed sum
   * per kind and decay. Order-independent and exactly mergeable up to rounding, as the sums were.
   */
  static final class State implements ScoreState<State> {
    private final Rates rates;
    /** Epoch seconds of the latest event, or negative infinity before any. */
    double latest = Double.NEGATIVE_INFINITY;
    /** For kind k: [2k] the short count, [2k + 1] the long one, as of {@link #latest}. */
    final double[] sums = new double[2 * KINDS.length];

    State(Rates rates) {
      this.rates = rates;
    }

    /** The factor that brings the counts from {@link #latest} to {@code when}, not before it. */
    double factor(double when, double rate) {
      return latest == Double.NEGATIVE_INFINITY ? 0.0 : Decay.exp2(-(when - latest) * rate);
    }

    @Override
    public void accept(EngagementEvent event) {
      int k = event instanceof Touchpoint
          ? ((Touchpoint) event).kind().ordinal()
          : event instanceof SurveyResponse ? TouchpointKind.SURVEY_ANSWER.ordinal() : -1;
      if (k >= 0) {
        add(k, DecayedSum.seconds(event.at()));
      }
    }

    private void add(int k, double t) {
      if (t > latest) {
        moveTo(t);
        sums[2 * k] += 1.0;
        sums[2 * k + 1] += 1.0;
      } else {
        sums[2 * k] += Decay.exp2(-(latest - t) * rates.shortInverse);
        sums[2 * k + 1] += Decay.exp2(-(latest - t) * rates.longInverse);
      }
    }

    /** Makes {@code t}, later than {@link #latest}, the new reference instant. */
    private void moveTo(double t) {
      if (latest != Double.NEGATIVE_INFINITY) {
        double shortFactor = Decay.exp2(-(t - latest) * rates.shortInverse);
        double longFactor = Decay.exp2(-(t - latest) * rates.longInverse);
        for (int j = 0; j < sums.length; j += 2) {
          sums[j] *= shortFactor;
          sums[j + 1] *= longFactor;
        }
      }
      latest = t;
    }

    @Override
    public void combine(State other) {
      if (other.latest == Double.NEGATIVE_INFINITY) {
        return;
      }
      if (other.latest > latest) {
        moveTo(other.latest);
      }
      double shortFactor = Decay.exp2(-(latest - other.latest) * rates.shortInverse);
      double longFactor = Decay.exp2(-(latest - other.latest) * rates.longInverse);
      for (int j = 0; j < sums.length; j += 2) {
        sums[j] += other.sums[j] * shortFactor;
        sums[j + 1] += other.sums[j + 1] * longFactor;
      }
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      out.writeDouble(latest);
      for (double x : sums) {
        out.writeDouble(x);
      }
    }
  }
}

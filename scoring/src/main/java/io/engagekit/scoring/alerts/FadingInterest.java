package io.engagekit.scoring.alerts;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.EngagementEngine;
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
import java.util.List;
import java.util.Optional;

/**
 * Catches fading interest early: it compares a customer's recent rate of activity with their
 * long-run rate and raises an alert when the recent rate has fallen by more than a threshold, while
 * the customer is still active enough to be worth saving.
 *
 * <p>The strategy {@code alert.fading} keeps, for each touchpoint kind (survey answers count as
 * {@code survey_answer}), two exponentially decayed event counts: a short one (half-life 7 days by
 * default) and a long one (90 days). A decayed count {@code D} with half-life {@code h} estimates a
 * rate of {@code D · ln 2 / h} events a second, so with {@code s} and {@code l} the two rates:
 *
 * <pre>
 *   drop  = 1 − s / l           (0 = as active as ever, 1 = silent lately)
 *   score = 100 · drop          when drop &gt; 0 and the long-run count is at least 3 events, else 0
 * </pre>
 *
 * <p>The score's contributions are the kinds whose rate changed, each {@code 100 · (lₖ − sₖ) / l}:
 * positive for kinds that fell, negative for kinds that rose; they add up to the score. A customer
 * whose activity is rising scores {@link Score#ZERO}; one with too little history has {@linkplain
 * Score#noEvidence no evidence}. Scores are
 * order-independent and merge exactly up to rounding (every count is an exponentially decayed sum, kept
 * relative to the state's latest event: one array of doubles, 224 bytes a state).
 *
 * <p>{@link #alerts} turns an engine's {@code alert.fading} scores into {@link Alert}s, most urgent
 * first. Example: a customer who visited every day for 90 days and then went quiet has, by the
 * closed form {@code Σᵢ 2^(−(q + i)/h)} of the two decayed counts, fallen by 41.7% after 14 quiet
 * days ({@link Level#WATCH} at a threshold of 0.4), 69.3% after 21 ({@link Level#WARNING}) and
 * 83.8% after 28 ({@link Level#CRITICAL}), all of it {@code visit}. While the visits go on, the drop
 * is negative: the long-run count underestimates the rate until the history is several long
 * half-lives old, which errs towards not alerting new customers.
 *
 * @since 0.1
 */
public final class FadingInterest {
  /** The registry name of the detector strategy. */
  public static final String NAME = "alert.fading";
  /** The default short half-life: 7 days. */
  public static final Duration SHORT = Duration.ofDays(7);
  /** The default long half-life: 90 days. */
  public static final Duration LONG = Duration.ofDays(90);
  /** The long-run decayed event count below which a customer is too new or too quiet to judge. */
  public static final double MINIMUM_HISTORY = 3.0;

  private static final Detector DEFAULT = new Detector(SHORT, LONG);

  private FadingInterest() {}

  /**
   * Returns the detector with the default half-lives (7 and 90 days).
   *
   * @return the {@code alert.fading} strategy
   */
  public static ScoringStrategy<?> strategy() {
    return DEFAULT;
  }

  /**
   * Returns a detector with other half-lives.
   *
   * @param shortHalfLife the recent horizon, positive
   * @param longHalfLife the long-run horizon, longer than the short one
   * @return the {@code alert.fading} strategy
   * @throws IllegalArgumentException if a half-life is not positive or the short one is not shorter
   */
  public static ScoringStrategy<?> strategy(Duration shortHalfLife, Duration longHalfLife) {
    return new Detector(shortHalfLife, longHalfLife);
  }

  /**
   * Returns the customers whose interest has fallen by at least {@code threshold}, most urgent
   * first (ties by customer id).
   *
   * @param engine an engine that keeps the {@code alert.fading} strategy
   * @param asOf the instant to judge at
   * @param threshold the smallest drop that alerts, in {@code (0, 1]}, such as 0.5
   * @return the alerts
   * @throws IllegalArgumentException if the threshold is out of range or the engine does not keep
   *     {@code alert.fading}
   */
  public static List<Alert> alerts(EngagementEngine engine, Instant asOf, double threshold) {
    requireNonNull(engine, "engine");
    requireNonNull(asOf, "asOf");
    checkThreshold(threshold);
    List<Alert> alerts = new ArrayList<>();
    for (EngagementEngine.Ranked r : engine.top(engine.customers(), NAME, asOf)) {
      Optional<Alert> alert = alert(r.customer(), r.score(), asOf, threshold);
      if (alert.isEmpty()) {
        break;
      }
      alerts.add(alert.get());
    }
    return List.copyOf(alerts);
  }

  /**
   * Returns the alert that one customer's {@code alert.fading} score raises, if its drop reaches
   * the threshold: for hosts that score customers one at a time, such as a stream processor.
   *
   * @param customer the customer
   * @param score the customer's {@code alert.fading} score as of {@code asOf}
   * @param asOf the instant the score is as of
   * @param threshold the smallest drop that alerts, in {@code (0, 1]}
   * @return the alert, or empty when the drop is below the threshold
   * @throws IllegalArgumentException if the threshold is out of range
   */
  public static Optional<Alert> alert(String customer, Score score, Instant asOf, double threshold) {
    requireNonNull(customer, "customer");
    requireNonNull(score, "score");
    requireNonNull(asOf, "asOf");
    checkThreshold(threshold);
    double drop = score.value() / 100.0;
    if (drop < threshold) {
      return Optional.empty();
    }
    List<Contribution> fell = new ArrayList<>();
    for (Contribution c : score.contributions()) {
      if (c.value() > 0) {
        fell.add(c);
      }
    }
    return Optional.of(new Alert(customer, NAME, asOf, Level.of(drop), drop, fell));
  }

  private static void checkThreshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1] but was " + threshold);
    }
  }

  /** How urgent an alert is. */
  public enum Level {
    /** A drop at or above the threshold asked for, but below 50%. */
    WATCH,
    /** A drop of 50% or more: the recent rate is at most half the long-run rate. */
    WARNING,
    /** A drop of 75% or more: the customer has nearly gone silent. */
    CRITICAL;

    static Level of(double drop) {
      return drop >= 0.75 ? CRITICAL : drop >= 0.5 ? WARNING : WATCH;
    }
  }

  /**
   * A fading-interest alert.
   *
   * @param customer the customer
   * @param strategy the detector's name, {@code alert.fading}
   * @param at the instant judged at
   * @param level how urgent
   * @param drop how far the recent rate fell below the long-run rate, in {@code (0, 1]}
   * @param fell the kinds of activity that fell, with their share of the drop (points of 100)
   */
  public record Alert(String customer, String strategy, Instant at, Level level, double drop, List<Contribution> fell) {
    /**
     * Validates the alert.
     *
     * @param customer see the class description
     * @param strategy see the class description
     * @param at see the class description
     * @param level see the class description
     * @param drop see the class description
     * @param fell see the class description
     */
    public Alert {
      requireNonNull(customer, "customer");
      requireNonNull(strategy, "strategy");
      requireNonNull(at, "at");
      requireNonNull(level, "level");
      if (!(drop > 0 && drop <= 1)) {
        throw new IllegalArgumentException("drop must be in (0, 1] but was " + drop);
      }
      fell = List.copyOf(fell);
    }
  }

  /** The {@code alert.fading} strategy. */
  static final class Detector implements ScoringStrategy<Detector.State> {
    private static final TouchpointKind[] KINDS = TouchpointKind.values();

    private final Decay shortDecay;
    private final Decay longDecay;
    private final double shortSeconds;
    private final double longSeconds;
    private final Rates rates;

    Detector(Duration shortHalfLife, Duration longHalfLife) {
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
      return NAME;
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
      if (longCount < MINIMUM_HISTORY) {
        return Score.noEvidence("too little history (fewer than " + (int) MINIMUM_HISTORY + " decayed events)");
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
      return Score.of(parts);
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
        throw new IOException("state version " + version + " of " + NAME + " is not supported; this strategy reads 1 and 2");
      }
      s.latest = in.readDouble();
      boolean empty = s.latest == Double.NEGATIVE_INFINITY;
      if (!(empty || Math.abs(s.latest) <= Double.MAX_VALUE)) {
        throw new IOException("invalid " + NAME + " state: latest " + s.latest);
      }
      for (int j = 0; j < s.sums.length; j++) {
        double x = in.readDouble();
        if (!(x >= 0 && x <= Double.MAX_VALUE) || (empty && x != 0)) {
          throw new IOException("invalid " + NAME + " state: count " + j + " is " + x + (empty ? " with no event" : ""));
        }
        s.sums[j] = x;
      }
      return s;
    }

    @Override
    public String toString() {
      return NAME + "[short=" + shortDecay.scale() + ", long=" + longDecay.scale() + "]";
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
}

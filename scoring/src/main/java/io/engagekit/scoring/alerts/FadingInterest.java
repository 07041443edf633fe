package io.engagekit.scoring.alerts;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
  /**
   * How long a customer may be quiet and still be fading rather than lapsed: 90 days, the long
   * half-life's default. A customer quiet for longer has gone, not slipped; an alert says which.
   */
  public static final Duration LAPSED_AFTER = Duration.ofDays(90);
  /** The measure of the events a month a falling customer no longer makes: the rank of fading alerts. */
  public static final String STAKE = "stake";
  /** The measure of the days since the customer's latest event. */
  public static final String QUIET_DAYS = "quiet_days";
  static final double MONTH_SECONDS = 30 * 86_400.0;

  private static final FadingDetector DEFAULT = new FadingDetector(SHORT, LONG);

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
    return new FadingDetector(shortHalfLife, longHalfLife);
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
        break; // ranked by drop: every later one is below the threshold too
      }
      alerts.add(alert.get());
    }
    alerts.sort(URGENCY);
    return List.copyOf(alerts);
  }

  /** Fading before lapsed; within each, the most at stake first; then by customer id. */
  private static final Comparator<Alert> URGENCY = Comparator.comparing(Alert::status)
      .thenComparing(Comparator.comparingDouble(Alert::stake).reversed())
      .thenComparing(Alert::customer);

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
    Double stake = score.measures().get(STAKE);
    Double quiet = score.measures().get(QUIET_DAYS);
    if (stake == null || quiet == null) {
      throw new IllegalArgumentException("not an " + NAME + " score: no " + STAKE + " and " + QUIET_DAYS + " measures");
    }
    Status status = quiet > LAPSED_AFTER.toDays() ? Status.LAPSED : Status.FADING;
    return Optional.of(new Alert(customer, NAME, asOf, Level.of(drop), drop, fell, status, stake, quiet));
  }

  /** Whether an alerted customer is still worth acting on. */
  public enum Status {
    /** Active within {@link #LAPSED_AFTER}, with a falling rate: the customers still worth saving. */
    FADING,
    /** Quiet for longer than {@link #LAPSED_AFTER}: gone, not slipping; listed after every fading one. */
    LAPSED
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
   * @param status fading (active lately, rate falling) or lapsed (quiet for longer than {@link
   *     #LAPSED_AFTER})
   * @param stake the events a month the customer no longer makes (long-run rate minus recent rate,
   *     per 30 days): what {@link #alerts} ranks fading customers by
   * @param quietDays the days since the customer's latest event
   */
  public record Alert(String customer, String strategy, Instant at, Level level, double drop, List<Contribution> fell,
      Status status, double stake, double quietDays) {
    /**
     * Validates the alert.
     *
     * @param customer see the class description
     * @param strategy see the class description
     * @param at see the class description
     * @param level see the class description
     * @param drop see the class description
     * @param fell see the class description
     * @param status see the class description
     * @param stake see the class description
     * @param quietDays see the class description
     */
    public Alert {
      requireNonNull(customer, "customer");
      requireNonNull(strategy, "strategy");
      requireNonNull(at, "at");
      requireNonNull(level, "level");
      requireNonNull(status, "status");
      if (!(drop > 0 && drop <= 1)) {
        throw new IllegalArgumentException("drop must be in (0, 1] but was " + drop);
      }
      if (!(stake >= 0 && stake <= Double.MAX_VALUE) || !(quietDays >= 0 && quietDays <= Double.MAX_VALUE)) {
        throw new IllegalArgumentException("stake and quiet days must be finite and >= 0 but were " + stake + ", "
            + quietDays);
      }
      fell = List.copyOf(fell);
    }
  }

}

package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Initiator;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.loyalty.ModelSettings;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.PurchaseHistory;
import io.engagekit.scoring.models.Purchases;
import io.engagekit.scoring.models.TransactionModel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Backtests strategies: scores every customer as of the end of a calibration period, seeing only
 * the events up to it, and measures the scores against what the customers did in the holdout
 * period that follows.
 *
 * <p>Events go in through {@link #record}: those at or before the calibration end are recorded
 * into an {@link EngagementEngine} of the strategies; those after it and at or before the holdout
 * end make the customers' {@link Outcome outcomes}; later ones are counted and left out. Both ends
 * are inclusive instants; for periods given as dates, pass the last instant of the last day
 * ({@link #endOfDay}). The customers scored are those known by the calibration end (with an event
 * by then, or {@linkplain #register registered}); customers first seen in the holdout cannot be
 * scored and are counted in {@link Evaluation#newInHoldout()}.
 *
 * <p>{@link #evaluate} judges each strategy by a predictor of the outcome: the measure named by
 * {@link Outcome#measure()} when every customer's score carries it (the model-based loyalty
 * strategies predict a purchase within their horizon as {@code p_purchase} and the number of
 * purchases as {@code expected_transactions}: build them with {@link #modelSettings} so that the
 * horizon is the holdout), else the score itself. It reports the AUC for "had the outcome"
 * (a positive value), Spearman's and Pearson's correlations, the top-decile lift and the gains
 * curve; the Brier score and a reliability diagram when the predictor is a probability; the MAE, RMSE
 * and tracking error when it is a count. Each measure comes with a 95% percentile bootstrap
 * interval ({@link Bootstrap}); every strategy sees the same resamples, so the intervals compare
 * like with like. Strategies are ranked by AUC, then Spearman's correlation, then name.
 *
 * <p>Not thread-safe: record from one thread, then evaluate.
 *
 * @since 0.1
 */
public final class Backtest {
  /** Bins of the score histograms. */
  static final int SCORE_BINS = 20;
  /** Bins of the reliability diagram. */
  static final int RELIABILITY_BINS = 10;

  private final List<ScoringStrategy<?>> strategies;
  final EngagementEngine engine; // read by LambdaSweep.of
  final Instant calibrationEnd;
  private final Instant holdoutEnd;
  private final ZoneId zone;
  private final Map<String, Holdout> holdout = new HashMap<>();
  private final Purchases purchases;
  private final Set<String> known = new HashSet<>();
  private long calibrationEvents;
  private long holdoutEvents;
  private long later;

  private Backtest(List<? extends ScoringStrategy<?>> strategies, Instant calibrationEnd, Instant holdoutEnd,
      ZoneId zone) {
    this.strategies = List.copyOf(strategies);
    this.engine = EngagementEngine.forBatch(this.strategies); // loaded, then read: no live summaries
    this.calibrationEnd = calibrationEnd;
    this.holdoutEnd = holdoutEnd;
    this.zone = zone;
    this.purchases = new Purchases(zone);
  }

  /**
   * Starts a backtest.
   *
   * @param strategies the strategies to compare, with distinct names, at least one
   * @param calibrationEnd the last instant of the calibration period, where every customer is scored
   * @param holdoutEnd the last instant of the holdout period, after {@code calibrationEnd}
   * @param zone the zone whose calendar days count purchases (one repeat transaction per customer-day)
   * @return an empty backtest
   * @throws IllegalArgumentException if there is no strategy, two share a name, or the holdout does
   *     not end after the calibration
   * @throws NullPointerException if an argument is null
   */
  public static Backtest create(List<? extends ScoringStrategy<?>> strategies, Instant calibrationEnd,
      Instant holdoutEnd, ZoneId zone) {
    requireNonNull(strategies, "strategies");
    requireNonNull(calibrationEnd, "calibrationEnd");
    requireNonNull(holdoutEnd, "holdoutEnd");
    requireNonNull(zone, "zone");
    if (strategies.isEmpty()) {
      throw new IllegalArgumentException("a backtest needs at least one strategy");
    }
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new IllegalArgumentException("the holdout end " + holdoutEnd + " must be after the calibration end "
          + calibrationEnd);
    }
    return new Backtest(strategies, calibrationEnd, holdoutEnd, zone);
  }

  /**
   * Returns the last instant of a day in a zone: the inclusive end of a period given as a date.
   *
   * @param day the day
   * @param zone the zone
   * @return one nanosecond before the start of the next day
   */
  public static Instant endOfDay(LocalDate day, ZoneId zone) {
    return day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
  }

  /**
   * Returns model settings for the model-based strategies of a backtest: the zone and unit given,
   * and a horizon as long as the holdout, so that their {@code expected_transactions} and {@code
   * p_purchase} predict the holdout.
   *
   * @param calibrationEnd the last instant of calibration
   * @param holdoutEnd the last instant of the holdout, after it
   * @param zone the zone of purchase days
   * @param unit the models' time unit
   * @return the settings (other values at their defaults)
   * @throws IllegalArgumentException if the holdout does not end after the calibration
   */
  public static ModelSettings modelSettings(Instant calibrationEnd, Instant holdoutEnd, ZoneId zone, PeriodUnit unit) {
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new IllegalArgumentException("the holdout end " + holdoutEnd + " must be after the calibration end "
          + calibrationEnd);
    }
    return ModelSettings.defaults().withZone(zone).withUnit(unit)
        .withHorizon(Duration.between(calibrationEnd, holdoutEnd));
  }

  /**
   * Registers what is known about a customer (relationship type, segment), who is then scored
   * even without calibration events.
   *
   * @param customer the customer
   * @throws NullPointerException if the customer is null
   */
  public void register(Customer customer) {
    engine.register(customer);
    known.add(customer.id());
  }

  /**
   * Takes one event: into the strategies' states if it is in the calibration period, into the
   * customer's outcomes if in the holdout, else only counted.
   *
   * @param event the event
   * @throws NullPointerException if the event is null
   */
  public void record(EngagementEvent event) {
    requireNonNull(event, "event");
    Instant at = event.at();
    if (at.isAfter(holdoutEnd)) {
      later++;
      return;
    }
    purchases.record(event);
    if (!at.isAfter(calibrationEnd)) {
      engine.record(event);
      known.add(event.customer());
      calibrationEvents++;
      return;
    }
    holdoutEvents++;
    Holdout h = holdout.computeIfAbsent(event.customer(), c -> new Holdout());
    if (event instanceof SurveyResponse) {
      h.active = true;
    } else if (event instanceof Touchpoint t) {
      h.active |= !t.initiator().equals(Optional.of(Initiator.COMPANY));
      switch (t.kind()) {
        case PURCHASE -> {
          h.purchaseDays.add(LocalDate.ofInstant(at, zone).toEpochDay());
          h.spend += t.valueOr(0);
        }
        case REFERRAL, REVIEW -> h.advocacy++;
        default -> { }
      }
    }
  }

  /**
   * Returns how many events fell in the calibration period, the holdout, and after it.
   *
   * @return {calibration, holdout, later}
   */
  public long[] eventCounts() {
    return new long[] {calibrationEvents, holdoutEvents, later};
  }

  /**
   * Returns the customers known by the calibration end, in id order.
   *
   * @return the ids
   */
  public List<String> customers() {
    return known.stream().sorted().toList();
  }

  /**
   * Returns whether the data support an outcome: some customers scored had it and some did not.
   *
   * @param outcome the outcome
   * @return whether {@link #evaluate} can measure it
   */
  public boolean supports(Outcome outcome) {
    long with = 0;
    List<String> ids = customers();
    for (String id : ids) {
      if (value(outcome, id) > 0) {
        with++;
      }
    }
    return with > 0 && with < ids.size();
  }

  /**
   * Evaluates every strategy against an outcome with {@link Bootstrap#DEFAULT_SAMPLES} resamples
   * and {@link Bootstrap#DEFAULT_SEED}.
   *
   * @param outcome the outcome
   * @return the evaluation
   * @throws IllegalStateException if the data do not {@linkplain #supports support} the outcome
   * @throws io.engagekit.scoring.models.ModelFitException if a model-based strategy cannot fit its
   *     model on the calibration data
   */
  public Evaluation evaluate(Outcome outcome) {
    return evaluate(outcome, Bootstrap.DEFAULT_SAMPLES, Bootstrap.DEFAULT_SEED);
  }

  /**
   * Evaluates every strategy against an outcome.
   *
   * @param outcome the outcome
   * @param samples bootstrap resamples, at least 1
   * @param seed the bootstrap seed
   * @return the evaluation
   * @throws IllegalArgumentException if {@code samples < 1}
   * @throws IllegalStateException if the data do not {@linkplain #supports support} the outcome
   * @throws io.engagekit.scoring.models.ModelFitException if a model-based strategy cannot fit its
   *     model on the calibration data
   */
  public Evaluation evaluate(Outcome outcome, int samples, long seed) {
    requireNonNull(outcome, "outcome");
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1 but was " + samples);
    }
    List<String> ids = customers();
    int n = ids.size();
    double[] y = new double[n];
    long with = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      y[i] = value(outcome, ids.get(i));
      total += y[i];
      with += y[i] > 0 ? 1 : 0;
    }
    if (with == 0 || with == n) {
      throw new IllegalStateException("the data do not support the outcome " + outcome.code() + ": of the " + n
          + " customers known by the calibration end, " + with + " had it in the holdout; the measures need"
          + " customers with and without it");
    }
    long newInHoldout = holdout.keySet().stream().filter(c -> !known.contains(c)).count();
    List<Evaluation.StrategyResult> results = new ArrayList<>();
    for (ScoringStrategy<?> s : strategies) {
      results.add(evaluate(s, outcome, ids, y, samples, seed));
    }
    results.sort(Comparator.comparingDouble((Evaluation.StrategyResult r) -> r.auc().value()).reversed()
        .thenComparing(Comparator.comparingDouble((Evaluation.StrategyResult r) -> r.spearman().value()).reversed())
        .thenComparing(Evaluation.StrategyResult::name));
    List<Evaluation.StrategyResult> ranked = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      Evaluation.StrategyResult r = results.get(i);
      ranked.add(new Evaluation.StrategyResult(i + 1, r.name(), r.family(), r.predictor(), r.auc(), r.spearman(),
          r.pearson(), r.topDecileLift(), r.brier(), r.counts(), r.gains(), r.reliability(), r.scores(), r.evidence()));
    }
    return new Evaluation(outcome, calibrationEnd, holdoutEnd, n, with, total, newInHoldout, samples, seed, ranked);
  }

  private Evaluation.StrategyResult evaluate(ScoringStrategy<?> s, Outcome outcome, List<String> ids, double[] y,
      int samples, long seed) {
    int n = ids.size();
    Map<String, Score> byCustomer = new HashMap<>();
    for (EngagementEngine.Ranked r : engine.top(engine.customers(), s.name(), calibrationEnd)) {
      byCustomer.put(r.customer(), r.score());
    }
    double[] score = new double[n];
    double[] measured = new double[n];
    String measure = outcome.measure().orElse(null);
    long evidence = 0;
    for (int i = 0; i < n; i++) {
      // top ranks only customers with evidence: the others are absent here, and score 0.
      Score sc = byCustomer.get(ids.get(i));
      evidence += sc != null ? 1 : 0;
      score[i] = sc == null ? 0 : sc.value();
      Double m = measure == null || sc == null ? null : sc.measures().get(measure);
      if (m == null) {
        measure = null;
      } else {
        measured[i] = m;
      }
    }
    double[] prediction = measure == null ? score : measured;
    Resampled r = new Resampled(prediction, y);
    Estimate auc = Bootstrap.interval(n, samples, seed, r::auc);
    Estimate spearman = Bootstrap.interval(n, samples, seed, r::spearman);
    Estimate pearson = Bootstrap.interval(n, samples, seed, r::pearson);
    Estimate lift = Bootstrap.interval(n, samples, seed, r::topDecileLift);
    boolean probability = outcome == Outcome.RETAINED && measure != null;
    boolean count = outcome == Outcome.REPEAT && measure != null;
    boolean[] had = new boolean[n];
    for (int i = 0; i < n; i++) {
      had[i] = y[i] > 0;
    }
    Optional<Estimate> brier = probability
        ? Optional.of(Bootstrap.interval(n, samples, seed, r::brier)) : Optional.empty();
    List<Metrics.ReliabilityBin> reliability = probability
        ? Metrics.reliability(prediction, had, RELIABILITY_BINS) : List.of();
    Optional<Evaluation.CountErrors> counts = count
        ? Optional.of(new Evaluation.CountErrors(Metrics.mae(prediction, y), Metrics.rmse(prediction, y),
            Metrics.trackingError(prediction, y)))
        : Optional.empty();
    Long[] withOutcome = new Long[SCORE_BINS];
    Long[] without = new Long[SCORE_BINS];
    Arrays.fill(withOutcome, 0L);
    Arrays.fill(without, 0L);
    for (int i = 0; i < n; i++) {
      int b = Math.max(0, Math.min(SCORE_BINS - 1, (int) (score[i] / 100 * SCORE_BINS)));
      if (had[i]) {
        withOutcome[b]++;
      } else {
        without[b]++;
      }
    }
    return new Evaluation.StrategyResult(0, s.name(), s.family(), measure == null ? "score" : measure, auc, spearman,
        pearson, lift, brier, counts, Metrics.gains(prediction, y), reliability,
        new Evaluation.Histogram(List.of(withOutcome), List.of(without)), evidence);
  }

  /**
   * Returns the population figures of a population strategy as of the calibration end, such as
   * the parameters of the model {@code loyalty.bgnbd} fitted on the calibration period.
   *
   * @param strategy the name of a population strategy of the backtest
   * @return the figures, by name
   * @throws IllegalArgumentException if the backtest has no such strategy, or it is not a
   *     population strategy
   * @throws io.engagekit.scoring.models.ModelFitException if the strategy cannot fit its model
   */
  public Map<String, Double> figures(String strategy) {
    return engine.baseline(strategy, calibrationEnd).figures();
  }

  /**
   * Returns why a population strategy scores no one as of the calibration end, such as a model the
   * calibration data do not identify ({@link PopulationStrategy.Baseline#failure()}).
   *
   * @param strategy the name of a strategy of the backtest
   * @return the reason, or empty when the strategy scores (or is not relative to a population)
   * @throws IllegalArgumentException if the backtest has no such strategy
   * @since 0.2
   */
  public Optional<String> failure(String strategy) {
    ScoringStrategy<?> s = strategies.stream().filter(x -> x.name().equals(strategy)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the backtest has no strategy named '" + strategy + "'"));
    return s instanceof PopulationStrategy ? engine.baseline(strategy, calibrationEnd).failure() : Optional.empty();
  }

  /**
   * Checks the customer-base model of a model-based strategy (one whose population figures carry
   * the BG/NBD parameters r, alpha, a, b or the Pareto/NBD parameters r, alpha, s, beta, as
   * {@code loyalty.bgnbd} and {@code loyalty.paretonbd} do) against the holdout: the tracking
   * plot and the conditional expectations of {@link ModelCheck}.
   *
   * @param strategy the strategy name
   * @param unit the time unit the strategy's model was fitted in
   * @return the check, or empty when the strategy has no such model
   * @throws IllegalArgumentException if the backtest has no strategy of that name
   * @throws io.engagekit.scoring.models.ModelFitException if the strategy cannot fit its model
   */
  public Optional<ModelCheck> modelCheck(String strategy, PeriodUnit unit) {
    requireNonNull(unit, "unit");
    ScoringStrategy<?> s = strategies.stream().filter(x -> x.name().equals(strategy)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the backtest has no strategy named '" + strategy + "'"));
    if (!(s instanceof PopulationStrategy) || engine.customers() == 0) {
      return Optional.empty();
    }
    Map<String, Double> f = engine.baseline(strategy, calibrationEnd).figures();
    TransactionModel model;
    String label;
    if (f.keySet().containsAll(List.of("r", "alpha", "a", "b"))) {
      model = new BgNbd(f.get("r"), f.get("alpha"), f.get("a"), f.get("b"));
      label = "BG/NBD";
    } else if (f.keySet().containsAll(List.of("r", "alpha", "s", "beta"))) {
      model = new ParetoNbd(f.get("r"), f.get("alpha"), f.get("s"), f.get("beta"));
      label = "Pareto/NBD";
    } else {
      return Optional.empty();
    }
    List<PurchaseHistory> cohort = new ArrayList<>();
    for (Map.Entry<String, PurchaseHistory> e : purchases.histories().entrySet()) {
      if (known.contains(e.getKey())) {
        cohort.add(e.getValue());
      }
    }
    return Optional.of(ModelCheck.of(label, model, cohort,
        LocalDate.ofInstant(calibrationEnd, zone), LocalDate.ofInstant(holdoutEnd, zone), unit));
  }

  double value(Outcome outcome, String customer) {
    Holdout h = holdout.get(customer);
    if (h == null) {
      return 0;
    }
    return switch (outcome) {
      case RETAINED -> h.active ? 1 : 0;
      case REPEAT -> h.purchaseDays.size();
      case SPEND -> h.spend;
      case ADVOCACY -> h.advocacy;
    };
  }

  /** A customer's holdout period. */
  private static final class Holdout {
    boolean active;
    final Set<Long> purchaseDays = new HashSet<>();
    double spend;
    long advocacy;
  }
}

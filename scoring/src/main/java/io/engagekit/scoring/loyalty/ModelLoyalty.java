package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.RefitPolicy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.LifetimeValue;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ModelFitException;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.PurchaseHistory;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.RepeatPatterns;
import io.engagekit.scoring.models.SpendPattern;
import io.engagekit.scoring.models.TransactionModel;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code loyalty.bgnbd}, {@code loyalty.paretonbd} and {@code loyalty.clv}: loyalty from a fitted
 * customer-base model.
 *
 * <p>Each customer's purchases are summarised as of the scoring instant the way the models' papers
 * do: one transaction per calendar day (in {@link ModelSettings#zone()}), x repeat days after the
 * first, t<sub>x</sub> from the first day to the last, T from the first day to the day of the
 * scoring instant (or of the last purchase, if that is later: a state cannot forget), in {@link
 * ModelSettings#unit()}. Customers without a purchase score {@link Score#noEvidence no evidence} and are not part of
 * the population.
 *
 * <ul>
 *   <li>{@code loyalty.bgnbd}, {@code loyalty.paretonbd}: the score is 100 · P(alive), as the
 *       contribution {@code alive}; measures {@code p_alive}, {@code expected_transactions}
 *       (E[Y(h)] over the horizon h), {@code p_purchase} (the probability of at least one purchase
 *       within h, {@link TransactionModel#probabilityOfRepeat}), {@code x}, {@code t_x} and {@code
 *       T}.
 *   <li>{@code loyalty.clv}: lifetime value ({@link LifetimeValue}, BG/NBD unless another
 *       transaction model is given, times Gamma-Gamma's expected spend); the score is the
 *       customer's mid-rank percentile of value in the population, {@code 100 · (below + (tied +
 *       1) / 2) / n}, as the contribution {@code lifetime_value}; measures {@code clv} (left out
 *       only if it exceeds the range of a double), {@code expected_spend}, {@code
 *       discounted_transactions} and {@code p_alive}.
 * </ul>
 *
 * <p>Without a model given, {@link #baseline} fits one on the population's patterns (and, for
 * {@code loyalty.clv}, Gamma-Gamma on the repeat buyers with a positive mean spend) and throws
 * {@link ModelFitException} naming the strategy when the population does not identify it, as a
 * population of one never does. With a model given, the scores of {@code loyalty.bgnbd} and {@code
 * loyalty.paretonbd} do not depend on the population.
 *
 * <p>The state keeps the customer's purchase days (12 bytes each): the number of distinct days
 * cannot be merged exactly from counts, because two shards may both hold a purchase on the same
 * day. Order-independent, mergeable, and written to snapshots.
 */
final class ModelLoyalty implements PopulationStrategy<ModelLoyalty.State> {
  /** Which model a strategy scores with. */
  enum Kind {
    BGNBD("loyalty.bgnbd", "BG/NBD", "Probability the customer is still active (BG/NBD, fitted on the population), with expected purchases."),
    PARETONBD("loyalty.paretonbd", "Pareto/NBD", "Probability the customer is still active (Pareto/NBD, fitted on the population), with expected purchases."),
    CLV("loyalty.clv", "BG/NBD and Gamma-Gamma", "Lifetime value (BG/NBD x Gamma-Gamma, fitted on the population, discounted) as a percentile of the population.");

    final String name;
    final String models;
    final String description;

    Kind(String name, String models, String description) {
      this.name = name;
      this.models = models;
      this.description = description;
    }
  }

  final Kind kind;
  final @Nullable TransactionModel model;
  private final @Nullable GammaGamma spend;
  final ModelSettings settings;

  ModelLoyalty(Kind kind, @Nullable TransactionModel model, @Nullable GammaGamma spend, ModelSettings settings) {
    this.kind = requireNonNull(kind, "kind");
    this.model = model;
    this.spend = spend;
    this.settings = requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return kind.name;
  }

  @Override
  public String family() {
    return "loyalty";
  }

  @Override
  public String description() {
    return model == null
        ? kind.description
        : kind.description.replace("fitted on the population", "fitted beforehand")
            .replace("BG/NBD x", model instanceof ParetoNbd ? "Pareto/NBD x" : "BG/NBD x");
  }

  @Override
  public State newState() {
    return new State(settings);
  }

  /**
   * False for {@code loyalty.bgnbd} and {@code loyalty.paretonbd} given a fitted model: their
   * scores are then a function of the customer's own purchases.
   */
  @Override
  public boolean dependsOnPopulation() {
    return model == null || kind == Kind.CLV;
  }

  @Override
  public State readState(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("invalid " + name() + " state: " + n + " purchase days");
    }
    State s = new State(settings);
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      int day = in.readInt();
      double units = in.readDouble();
      if (day <= previous || day < LocalDate.MIN.toEpochDay() || day > LocalDate.MAX.toEpochDay()
          || !(units >= 0 && units <= Double.MAX_VALUE)) {
        throw new IOException("invalid " + name() + " state: purchase day " + i + " is epoch day " + day
            + " with spend " + units + " (days must increase, spends be finite and >= 0)");
      }
      previous = day;
      s.history.add(LocalDate.ofEpochDay(day), units);
    }
    return s;
  }

  @Override
  public Baseline baseline(Iterable<? extends State> states, Instant asOf) {
    requireNonNull(asOf, "asOf");
    long customers = 0;
    List<Summary> summaries = new ArrayList<>();
    for (State s : states) {
      customers++;
      Summary summary = s.summary(asOf);
      if (summary != null) {
        summaries.add(summary);
      }
    }
    return baselineOn(summaries, customers, asOf);
  }

  /** Fits (unless given) on the purchasers' summaries as of an instant, in an order-independent way. */
  Baseline baselineOn(List<Summary> summaries, long customers, Instant asOf) {
    // Patterns in a fixed order, so that the fit does not depend on the order of the population.
    RepeatPatterns patterns = new RepeatPatterns();
    for (Summary summary : summaries) {
      patterns.add(RepeatPattern.of(summary.x(), summary.tx(), summary.bigT()));
      if (kind == Kind.CLV && summary.x() > 0) {
        patterns.add(summary.x(), summary.meanSpend());
      }
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("customers", (double) customers);
    figures.put("purchasers", (double) summaries.size());
    TransactionModel m = model != null ? model : fit(patterns, summaries.size(), asOf, figures);
    figures.putAll(m.parameters());
    GammaGamma g = null;
    if (kind == Kind.CLV) {
      g = spend != null ? spend : fitSpend(patterns.spendPatterns(), summaries.size(), asOf, figures);
      figures.put("p", g.p());
      figures.put("q", g.q());
      figures.put("gamma", g.gamma());
      figures.put("periods", (double) settings.periods());
      figures.put("discountRate", settings.discountRate());
    }
    figures.put("horizon", settings.horizonInUnits());
    return new Baseline(asOf, customers, m, g, summaries, figures);
  }

  /**
   * Returns a live summary: every purchaser's first and last purchase day, repeat days and repeat
   * spend, counted (equal customers once), from which the patterns as of any instant follow. A fit
   * (a refit, on the engine's {@link RefitPolicy}) copies the distinct entries and fits outside the
   * summary's lock; reads score against the latest fit, as of their own instant. A strategy given
   * its model and scoring it alone ({@code loyalty.bgnbd}, {@code loyalty.paretonbd}) never needs a
   * fit.
   */
  @Override
  public ModelPatterns newSummary() {
    return new ModelPatterns(this);
  }

  private TransactionModel fit(RepeatPatterns patterns, int purchasers, Instant asOf, Map<String, Double> figures) {
    List<RepeatPattern> data = patterns.patterns();
    if (data.isEmpty()) {
      throw notFitted(asOf, purchasers, "no customer has a purchase");
    }
    try {
      ModelFit<? extends TransactionModel> fit = kind == Kind.PARETONBD ? ParetoNbd.fit(data) : BgNbd.fit(data);
      figures.put("logLikelihood", fit.logLikelihood());
      return fit.model();
    } catch (IllegalArgumentException | ModelFitException e) {
      throw notFitted(asOf, purchasers, e);
    }
  }

  private GammaGamma fitSpend(List<SpendPattern> data, int purchasers, Instant asOf, Map<String, Double> figures) {
    if (data.isEmpty()) {
      throw notFitted(asOf, purchasers, "Gamma-Gamma needs repeat buyers with a positive mean spend, and there are none"
          + " (are the purchase values missing?)");
    }
    try {
      ModelFit<GammaGamma> fit = GammaGamma.fit(data);
      figures.put("spendLogLikelihood", fit.logLikelihood());
      return fit.model();
    } catch (IllegalArgumentException | ModelFitException e) {
      throw notFitted(asOf, purchasers, e);
    }
  }

  private ModelFitException notFitted(Instant asOf, long customers, String reason) {
    return new ModelFitException(name() + " cannot fit " + kind.models + " on the " + customers
        + " customers with purchases as of " + asOf + ": " + reason
        + "; fit the model on more data and give it to the strategy");
  }

  /** The verdict of the fit itself, boundary included, with what the strategy was fitting. */
  private ModelFitException notFitted(Instant asOf, long customers, RuntimeException cause) {
    List<String> boundary = cause instanceof ModelFitException m ? m.boundary() : List.of();
    ModelFitException e = new ModelFitException(notFitted(asOf, customers, cause.getMessage()).getMessage(), boundary);
    e.initCause(cause);
    return e;
  }

  @Override
  public String toString() {
    return name();
  }

  /** A customer's summary as of the scoring instant: x, t_x and T in the unit, and the mean repeat spend. */
  record Summary(long x, double tx, double bigT, double meanSpend) {}

  /** The model, and for lifetime value the population's sorted values. */
  final class Baseline implements PopulationStrategy.Baseline<State> {
    private final Instant asOf;
    private final long customers;
    private final TransactionModel model;
    private final @Nullable LifetimeValue value;
    private final double[] sortedLogValues;
    private final Map<String, Double> figures;
    // Discounted expected transactions by pattern, filled while taking the baseline and only read afterwards.
    private final Map<RepeatPattern, Double> discounted;
    /** The instant the model was fitted as of, and on how many purchasers; null when given, not fitted. */
    private final @Nullable Instant fitAsOf;
    private final long fitCustomers;

    Baseline(Instant asOf, long customers, TransactionModel model, @Nullable GammaGamma spend,
        List<Summary> summaries, Map<String, Double> figures) {
      this.asOf = asOf;
      this.customers = customers;
      this.model = model;
      this.discounted = new HashMap<>();
      this.fitAsOf = ModelLoyalty.this.model == null || kind == Kind.CLV ? asOf : null;
      this.fitCustomers = summaries.size();
      this.value = spend == null ? null
          : new LifetimeValue(model, spend, settings.horizonInUnits(), settings.periods(), settings.discountRate());
      double[] logValues = new double[value == null ? 0 : summaries.size()];
      for (int i = 0; i < logValues.length; i++) {
        logValues[i] = logValue(summaries.get(i));
      }
      Arrays.sort(logValues);
      this.sortedLogValues = logValues;
      this.figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    private Baseline(Baseline fit, Instant asOf) {
      this.asOf = asOf;
      this.customers = fit.customers;
      this.model = fit.model;
      this.value = fit.value;
      this.sortedLogValues = fit.sortedLogValues;
      this.figures = fit.figures;
      this.discounted = fit.discounted;
      this.fitAsOf = fit.fitAsOf;
      this.fitCustomers = fit.fitCustomers;
    }

    /** This fit, scoring as of another instant (the same object for its own). */
    Baseline at(Instant asOf) {
      return asOf.equals(this.asOf) ? this : new Baseline(this, asOf);
    }

    /** Names the fit a score used in its measures: when, on how many purchasers, with what log-likelihood. */
    private void fitMeasures(Map<String, Double> measures) {
      if (fitAsOf != null) {
        measures.put("fit_as_of", (double) fitAsOf.getEpochSecond());
        measures.put("fit_customers", (double) fitCustomers);
        Double ll = figures.get("logLikelihood");
        if (ll != null) {
          measures.put("fit_log_likelihood", ll);
        }
      }
    }

    private double discountedTransactions(RepeatPattern pattern) {
      Double known = discounted.get(pattern);
      return known != null ? known : requireNonNull(value).discountedTransactions(pattern);
    }

    /** ln(expected spend) + ln(DET): the order of lifetime values, which never overflows. */
    private double logValue(Summary s) {
      RepeatPattern pattern = RepeatPattern.of(s.x(), s.tx(), s.bigT());
      double det = discounted.computeIfAbsent(pattern, requireNonNull(value)::discountedTransactions);
      return Math.log(value.spend().expectedSpend(s.x(), s.meanSpend())) + Math.log(det);
    }

    @Override
    public Instant asOf() {
      return asOf;
    }

    @Override
    public long customers() {
      return customers;
    }

    @Override
    public Score score(State state) {
      Summary s = state.summary(asOf);
      if (s == null) {
        return Score.noEvidence("no purchase by " + asOf);
      }
      RepeatPattern pattern = RepeatPattern.of(s.x(), s.tx(), s.bigT());
      double alive = model.probabilityAlive(pattern);
      Map<String, Double> measures = new LinkedHashMap<>();
      if (value == null) {
        measures.put("p_alive", alive);
        measures.put("expected_transactions", model.expectedTransactions(pattern, settings.horizonInUnits()));
        measures.put("p_purchase", model.probabilityOfRepeat(pattern, settings.horizonInUnits()));
        measures.put("x", (double) s.x());
        measures.put("t_x", s.tx());
        measures.put("T", s.bigT());
        fitMeasures(measures);
        double points = 100 * alive;
        return new Score(points, List.of(new Contribution("alive", points)), Optional.empty(), measures);
      }
      double perPurchase = value.spend().expectedSpend(s.x(), s.meanSpend());
      double det = discountedTransactions(pattern);
      double clv = perPurchase * det;
      double points = sortedLogValues.length == 0
          ? 100.0 // scored against a population without purchasers: their own population of one
          // A value above the whole population (only for a state outside it) scores 100.
          : Math.min(100, 100 * Rfm.midRank(sortedLogValues, Math.log(perPurchase) + Math.log(det)) / sortedLogValues.length);
      if (clv <= Double.MAX_VALUE) {
        measures.put("clv", clv);
      }
      measures.put("expected_spend", perPurchase);
      measures.put("discounted_transactions", det);
      measures.put("p_alive", alive);
      fitMeasures(measures);
      return new Score(points, List.of(new Contribution("lifetime_value", points)), Optional.empty(), measures);
    }

    /**
     * {@code customers}, {@code purchasers}, the transaction model's parameters (and {@code
     * logLikelihood} when fitted here), for {@code loyalty.clv} Gamma-Gamma's {@code p}, {@code q},
     * {@code gamma} (and {@code spendLogLikelihood} when fitted here), {@code periods} and {@code
     * discountRate}; then {@code horizon} in the model's unit.
     */
    @Override
    public Map<String, Double> figures() {
      return figures;
    }
  }

  /**
   * A customer's purchase days, with the spend of each day in {@link Spend} units: unlike {@link
   * io.engagekit.scoring.models.Purchases}, which keeps money as given, a strategy's state must take
   * any valid event, and a day of several purchases near {@code Double.MAX_VALUE} would overflow.
   */
  static final class State implements ScoreState<State> {
    private final ModelSettings settings;
    final PurchaseHistory history = new PurchaseHistory();

    State(ModelSettings settings) {
      this.settings = settings;
    }

    @Override
    public void accept(EngagementEvent event) {
      if (event instanceof Touchpoint t && t.kind() == TouchpointKind.PURCHASE) {
        history.add(settings.epochDay(t.at()), Spend.of(t.valueOr(0.0)));
      }
    }

    @Override
    public void combine(State other) {
      history.merge(other.history);
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      out.writeInt(history.days());
      for (int i = 0; i < history.days(); i++) {
        out.writeInt((int) history.day(i).toEpochDay());
        out.writeDouble(history.spend(i));
      }
    }

    /** The summary as of an instant, or null without purchases. */
    @Nullable Summary summary(Instant asOf) {
      Optional<PurchaseHistory.Calibration> summarized = settings.summarize(history, asOf);
      if (summarized.isEmpty()) {
        return null;
      }
      PurchaseHistory.Calibration c = summarized.get();
      RepeatPattern p = c.pattern();
      // The mean of values that are each at most Double.MAX_VALUE is too; only its rounding could pass it.
      double mean = p.x() == 0 ? 0 : Math.min(Double.MAX_VALUE, Spend.amount(c.repeatSpend() / p.x()));
      return new Summary(p.x(), p.tx(), p.T(), mean);
    }
  }
}

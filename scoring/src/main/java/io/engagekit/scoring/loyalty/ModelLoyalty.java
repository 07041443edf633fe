package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.RefitPolicy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.LifetimeValue;
import io.engagekit.scoring.models.MbgNbd;
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
 *   <li>{@code loyalty.bgnbd}, {@code loyalty.paretonbd}, {@code loyalty.mbgnbd}: the score is 100 ·
 *       the probability of at least one purchase within the horizon h ({@link
 *       TransactionModel#probabilityOfRepeat}), as the contribution {@code p_purchase}; measures
 *       {@code p_purchase}, {@code expected_transactions} (E[Y(h)]), {@code p_alive}, {@code x},
 *       {@code t_x} and {@code T}. It needs no population, so a model given beforehand scores each
 *       customer alone (and in Flink). Not 100 · P(alive) (before 0.2): BG/NBD gives every
 *       customer without a repeat purchase P(alive) = 1, however long ago they bought, so that
 *       1,411 of CDNOW's 2,357 customers, one-time buyers, outranked every repeat buyer. Where it
 *       misleads: it favours frequent buyers over big spenders (use {@code loyalty.clv} for value),
 *       and it saturates near 100 for every frequent buyer (rank those by {@code
 *       expected_transactions}).
 *   <li>{@code loyalty.clv}: lifetime value ({@link LifetimeValue}, BG/NBD unless another
 *       transaction model is given, times Gamma-Gamma's expected spend); the score is the
 *       customer's mid-rank percentile of value in the population, {@code 100 · (below + (tied +
 *       1) / 2) / n}, as the contribution {@code lifetime_value}; measures {@code clv} (left out
 *       only if it exceeds the range of a double), {@code expected_spend}, {@code
 *       discounted_transactions} and {@code p_alive}.
 * </ul>
 *
 * <p>Without a model given, {@link #baseline} fits one on the population's patterns (and, for
 * {@code loyalty.clv}, Gamma-Gamma on the repeat buyers with a positive mean spend). When the
 * population does not identify it, as a population of one never does, the baseline's {@link
 * PopulationStrategy.Baseline#failure() failure} names the strategy and the reason, and every score
 * is {@linkplain Score#noEvidence no evidence} with that reason, rather than an exception from every
 * score. With a model given it is never refitted, and only {@code loyalty.clv}'s percentiles depend
 * on the population.
 *
 * <p>The state keeps the customer's purchase days (12 bytes each): the number of distinct days
 * cannot be merged exactly from counts, because two shards may both hold a purchase on the same
 * day. Order-independent, mergeable, and written to snapshots.
 */
final class ModelLoyalty implements PopulationStrategy<ModelLoyalty.State> {
  /** Which model a strategy scores with. */
  enum Kind {
    BGNBD("loyalty.bgnbd", "BG/NBD", "Probability of a purchase within the horizon (BG/NBD, fitted on the population), with expected purchases and the probability the customer is still active."),
    PARETONBD("loyalty.paretonbd", "Pareto/NBD", "Probability of a purchase within the horizon (Pareto/NBD, fitted on the population), with expected purchases and the probability the customer is still active."),
    MBGNBD("loyalty.mbgnbd", "MBG/NBD", "Probability of a purchase within the horizon (MBG/NBD, fitted on the population), with expected purchases and the probability the customer is still active."),
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
  public ModelBaseline baseline(Iterable<? extends State> states, Instant asOf) {
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

  /**
   * Fits (unless given) on the purchasers' summaries as of an instant, in an order-independent way;
   * a baseline that scores no one, with the reason, when the model cannot be fitted.
   */
  ModelBaseline baselineOn(List<Summary> summaries, long customers, Instant asOf) {
    try {
      return fitted(summaries, customers, asOf);
    } catch (ModelFitException e) {
      return new ModelBaseline(this, asOf, customers, summaries.size(), e.getMessage());
    }
  }

  private ModelBaseline fitted(List<Summary> summaries, long customers, Instant asOf) {
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
    return new ModelBaseline(this, asOf, customers, m, g, summaries, figures);
  }

  /**
   * Returns a live summary: every purchaser's first and last purchase day, repeat days and repeat
   * spend, counted (equal customers once), from which the patterns as of any instant follow. A fit
   * (a refit, on the engine's {@link RefitPolicy}) copies the distinct entries and fits outside the
   * summary's lock; reads score against the latest fit, as of their own instant. A strategy given
   * its model and scoring it alone ({@code loyalty.bgnbd}, {@code loyalty.paretonbd}, {@code
   * loyalty.mbgnbd}) never needs a fit.
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
      ModelFit<? extends TransactionModel> fit = kind == Kind.PARETONBD ? ParetoNbd.fit(data)
          : kind == Kind.MBGNBD ? MbgNbd.fit(data) : BgNbd.fit(data);
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

package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.LifetimeValue;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.TransactionModel;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The baseline of a {@link ModelLoyalty} strategy: its model, and for {@code loyalty.clv} the
 * population's sorted logarithms of lifetime value, so that a score is the customer's mid-rank
 * percentile of value among the purchasers (the transaction-model strategies score 100 · the
 * probability of a purchase within the horizon, which needs no population). Or, when the model
 * could not be fitted, the reason, and every score is {@linkplain Score#noEvidence no evidence} with
 * it. Immutable once built, and thread-safe.
 */
final class ModelBaseline implements PopulationStrategy.Baseline<ModelLoyalty.State> {
  private final ModelLoyalty strategy;
  private final Instant asOf;
  private final long customers;
  private final @Nullable TransactionModel model;
  private final @Nullable LifetimeValue value;
  private final double[] sorted;
  private final Map<String, Double> figures;
  // ln(discounted expected transactions) by pattern, filled while taking the baseline and only read afterwards.
  private final Map<RepeatPattern, Double> ranked;
  /** The instant the model was fitted as of, and on how many purchasers; null when given, not fitted. */
  private final @Nullable Instant fitAsOf;
  private final long fitCustomers;
  private final @Nullable String failure;

  ModelBaseline(ModelLoyalty strategy, Instant asOf, long customers, TransactionModel model,
      @Nullable GammaGamma spend, List<ModelLoyalty.Summary> summaries, Map<String, Double> figures) {
    this.strategy = strategy;
    this.asOf = asOf;
    this.customers = customers;
    this.model = model;
    this.ranked = new HashMap<>();
    this.fitAsOf = strategy.model == null || strategy.kind == ModelLoyalty.Kind.CLV ? asOf : null;
    this.fitCustomers = summaries.size();
    ModelSettings settings = strategy.settings;
    this.value = spend == null ? null
        : new LifetimeValue(model, spend, settings.horizonInUnits(), settings.periods(), settings.discountRate());
    double[] values = new double[value == null ? 0 : summaries.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = rankedQuantity(summaries.get(i), true);
    }
    Arrays.sort(values);
    this.sorted = values;
    this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    this.failure = null;
  }

  /** A baseline whose model could not be fitted: every score is no evidence, for this reason. */
  ModelBaseline(ModelLoyalty strategy, Instant asOf, long customers, long purchasers, String failure) {
    this.strategy = strategy;
    this.asOf = asOf;
    this.customers = customers;
    this.model = null;
    this.value = null;
    this.sorted = new double[0];
    Map<String, Double> f = new LinkedHashMap<>();
    f.put("customers", (double) customers);
    f.put("purchasers", (double) purchasers);
    this.figures = Collections.unmodifiableMap(f);
    this.ranked = Map.of();
    this.fitAsOf = null;
    this.fitCustomers = purchasers;
    this.failure = requireNonNull(failure, "failure");
  }

  private ModelBaseline(ModelBaseline fit, Instant asOf) {
    this.strategy = fit.strategy;
    this.asOf = asOf;
    this.customers = fit.customers;
    this.model = fit.model;
    this.value = fit.value;
    this.sorted = fit.sorted;
    this.figures = fit.figures;
    this.ranked = fit.ranked;
    this.fitAsOf = fit.fitAsOf;
    this.fitCustomers = fit.fitCustomers;
    this.failure = fit.failure;
  }

  /** This fit, scoring as of another instant (the same object for its own). */
  ModelBaseline at(Instant asOf) {
    return asOf.equals(this.asOf) ? this : new ModelBaseline(this, asOf);
  }

  /**
   * What {@code loyalty.clv} ranks a customer on: ln(expected spend) + ln(discounted expected
   * transactions), the order of values that never overflows. Cached by pattern only while the
   * baseline is built (then it is only read).
   */
  private double rankedQuantity(ModelLoyalty.Summary s, boolean building) {
    LifetimeValue v = requireNonNull(value);
    RepeatPattern pattern = RepeatPattern.of(s.x(), s.tx(), s.bigT());
    Double known = ranked.get(pattern);
    double q;
    if (known != null) {
      q = known;
    } else {
      q = Math.log(v.discountedTransactions(pattern));
      if (building) {
        ranked.put(pattern, q);
      }
    }
    return Math.log(v.spend().expectedSpend(s.x(), s.meanSpend())) + q;
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

  @Override
  public Instant asOf() {
    return asOf;
  }

  @Override
  public long customers() {
    return customers;
  }

  @Override
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public Score score(ModelLoyalty.State state) {
    if (failure != null) {
      return Score.noEvidence(failure);
    }
    ModelLoyalty.Summary s = state.summary(asOf);
    if (s == null) {
      return Score.noEvidence("no purchase by " + asOf);
    }
    TransactionModel m = requireNonNull(model);
    RepeatPattern pattern = RepeatPattern.of(s.x(), s.tx(), s.bigT());
    double alive = m.probabilityAlive(pattern);
    Map<String, Double> measures = new LinkedHashMap<>();
    if (value == null) {
      double horizon = strategy.settings.horizonInUnits();
      double purchase = m.probabilityOfRepeat(pattern, horizon);
      measures.put("p_purchase", purchase);
      measures.put("expected_transactions", m.expectedTransactions(pattern, horizon));
      measures.put("p_alive", alive);
      measures.put("x", (double) s.x());
      measures.put("t_x", s.tx());
      measures.put("T", s.bigT());
      fitMeasures(measures);
      double points = 100 * purchase;
      return new Score(points, List.of(new Contribution("p_purchase", points)), Optional.empty(), measures);
    }
    // The mid-rank percentile among the purchasers; a value above all of them (a state outside the
    // population) scores 100, and so does any state scored against a population without purchasers.
    double q = rankedQuantity(s, false);
    double points = sorted.length == 0 ? 100.0 : Math.min(100, 100 * Rfm.midRank(sorted, q) / sorted.length);
    double perPurchase = value.spend().expectedSpend(s.x(), s.meanSpend());
    double det = value.discountedTransactions(pattern);
    double clv = perPurchase * det;
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
   * discountRate}; then {@code horizon} in the model's unit. Only the first two when the model
   * could not be fitted.
   */
  @Override
  public Map<String, Double> figures() {
    return figures;
  }
}

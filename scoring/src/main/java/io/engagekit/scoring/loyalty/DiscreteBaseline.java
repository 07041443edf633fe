package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.models.BgBb;
import io.engagekit.scoring.models.DiscretePattern;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The baseline of {@code loyalty.bgbb}: its model, fitted or given, or the reason it could not be
 * fitted (every score is then {@linkplain Score#noEvidence no evidence} with it). Scores need only
 * the model. Immutable and thread-safe.
 */
final class DiscreteBaseline implements PopulationStrategy.Baseline<DiscreteLoyalty.State> {
  private final DiscreteLoyalty strategy;
  private final Instant asOf;
  private final long customers;
  private final @Nullable BgBb model;
  private final Map<String, Double> figures;
  /** The instant the model was fitted as of and on how many purchasers; null when given. */
  private final @Nullable Instant fitAsOf;
  private final long fitCustomers;
  private final @Nullable String failure;

  DiscreteBaseline(DiscreteLoyalty strategy, Instant asOf, long customers, BgBb model, Map<String, Double> figures,
      @Nullable Instant fitAsOf, long fitCustomers) {
    this.strategy = strategy;
    this.asOf = asOf;
    this.customers = customers;
    this.model = requireNonNull(model, "model");
    this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    this.fitAsOf = fitAsOf;
    this.fitCustomers = fitCustomers;
    this.failure = null;
  }

  /** A baseline whose model could not be fitted: every score is no evidence, for this reason. */
  DiscreteBaseline(DiscreteLoyalty strategy, Instant asOf, long customers, long purchasers, String failure) {
    this.strategy = strategy;
    this.asOf = asOf;
    this.customers = customers;
    this.model = null;
    Map<String, Double> f = new LinkedHashMap<>();
    f.put("customers", (double) customers);
    f.put("purchasers", (double) purchasers);
    this.figures = Collections.unmodifiableMap(f);
    this.fitAsOf = null;
    this.fitCustomers = purchasers;
    this.failure = requireNonNull(failure, "failure");
  }

  private DiscreteBaseline(DiscreteBaseline fit, Instant asOf) {
    this.strategy = fit.strategy;
    this.asOf = asOf;
    this.customers = fit.customers;
    this.model = fit.model;
    this.figures = fit.figures;
    this.fitAsOf = fit.fitAsOf;
    this.fitCustomers = fit.fitCustomers;
    this.failure = fit.failure;
  }

  /** This fit, scoring as of another instant (the same object for its own). */
  DiscreteBaseline at(Instant instant) {
    return instant.equals(asOf) ? this : new DiscreteBaseline(this, instant);
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
  public Score score(DiscreteLoyalty.State state) {
    if (failure != null) {
      return Score.noEvidence(failure);
    }
    if (state.size == 0) {
      return Score.noEvidence("no purchase by " + asOf);
    }
    DiscreteSettings settings = strategy.settings;
    DiscretePattern p = state.pattern(settings.lastEnded(asOf));
    if (p == null) {
      return Score.noEvidence("more than " + (DiscretePattern.MAX_PERIODS - settings.horizon()) + " "
          + settings.period().code() + "s since the first purchase (BG/BB takes " + DiscretePattern.MAX_PERIODS
          + " opportunities with the horizon)");
    }
    BgBb m = requireNonNull(model);
    double purchase = m.probabilityOfRepeat(p, settings.horizon());
    Map<String, Double> measures = new LinkedHashMap<>();
    measures.put("p_purchase", purchase);
    measures.put("expected_transactions", m.expectedTransactions(p, settings.horizon()));
    measures.put("p_alive", m.probabilityAlive(p));
    measures.put("x", (double) p.frequency());
    measures.put("t_x", (double) p.recency());
    measures.put("n", (double) p.periods());
    if (fitAsOf != null) {
      measures.put("fit_as_of", (double) fitAsOf.getEpochSecond());
      measures.put("fit_customers", (double) fitCustomers);
      measures.put("fit_log_likelihood", figures.get("logLikelihood"));
    }
    double points = 100 * purchase;
    return new Score(points, List.of(new Contribution("p_purchase", points)), Optional.empty(), measures);
  }

  /**
   * {@code customers}, {@code purchasers}, then {@code alpha}, {@code beta}, {@code gamma}, {@code
   * delta} ({@code logLikelihood} when fitted here) and {@code horizon} in opportunities; only the
   * first two when the model could not be fitted.
   */
  @Override
  public Map<String, Double> figures() {
    return figures;
  }
}

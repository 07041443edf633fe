package io.engagekit.scoring;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.BuildingBlock;
import io.engagekit.core.Journey;
import io.engagekit.core.SurveyMetric;
import io.engagekit.scoring.alerts.FadingInterest;
import io.engagekit.scoring.composite.CompositeStrategies;
import io.engagekit.scoring.journeys.JourneySettings;
import io.engagekit.scoring.journeys.JourneyStrategies;
import io.engagekit.scoring.loyalty.DiscreteSettings;
import io.engagekit.scoring.loyalty.Expectations;
import io.engagekit.scoring.loyalty.LoyaltyStrategies;
import io.engagekit.scoring.loyalty.ModelSettings;
import io.engagekit.scoring.models.BgBb;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.LifetimeValue;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.TransactionModel;
import io.engagekit.scoring.satisfaction.SatisfactionStrategies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The built-in strategies, and the registry that finds strategies by name: the built-ins plus
 * every {@link ScoringStrategy} that a {@code META-INF/services/io.engagekit.scoring.ScoringStrategy}
 * line on the class path (or a {@code provides} clause on the module path) names.
 *
 * <p>Thread-safe; the registry looks for providers on each call, so a strategy added to the class
 * path at run time is seen (hold the strategy you use rather than looking it up per event).
 *
 * @since 0.1
 */
public final class ScoringStrategies {
  private ScoringStrategies() {}

  /**
   * Returns {@code satisfaction.csat}: a customer's latest CSAT answer on 0–100.
   *
   * @return the strategy
   */
  public static ScoringStrategy<?> satisfactionCsat() {
    return SatisfactionStrategies.csat();
  }

  /**
   * Returns {@code satisfaction.nps}: a customer's latest NPS answer on 0–100.
   *
   * @return the strategy
   */
  public static ScoringStrategy<?> satisfactionNps() {
    return SatisfactionStrategies.nps();
  }

  /**
   * Returns {@code satisfaction.ces}: a customer's latest CES answer on 0–100.
   *
   * @return the strategy
   */
  public static ScoringStrategy<?> satisfactionCes() {
    return SatisfactionStrategies.ces();
  }

  /**
   * Returns {@code satisfaction.csat}, {@code satisfaction.nps} or {@code satisfaction.ces} scored
   * from the mean of a customer's answers within a window before the scoring instant, rather than
   * from the latest answer alone. It keeps the registry name of the latest-answer strategy, so use
   * one or the other in an engine.
   *
   * @param metric the survey metric
   * @param window how long an answer counts, positive
   * @return the strategy
   * @throws IllegalArgumentException if the window is not positive
   */
  public static ScoringStrategy<?> satisfaction(SurveyMetric metric, Duration window) {
    return SatisfactionStrategies.windowed(metric, window);
  }

  /**
   * Returns {@code loyalty.advocacy} with a half-life of 180 days: referrals, co-creation, reviews,
   * community posts and user-generated content, amplified by reach on a log scale, minus
   * complaints. The score is {@code 100 · (1 − 2^(−net / 4))} of the net decayed advocacy.
   *
   * @return the strategy
   */
  public static ScoringStrategy<?> loyaltyAdvocacy() {
    return LoyaltyStrategies.advocacy();
  }

  /**
   * Returns {@code loyalty.advocacy} with another half-life.
   *
   * @param halfLife how long until an act counts half, positive
   * @return the strategy
   * @throws IllegalArgumentException if the half-life is not positive
   */
  public static ScoringStrategy<?> loyaltyAdvocacy(Duration halfLife) {
    return LoyaltyStrategies.advocacy(halfLife);
  }

  /**
   * Returns {@code loyalty.decayed} with a half-life of 180 days and the default {@link
   * Expectations}: decayed recency, frequency and spend, each judged against what the customer's
   * relationship type makes healthy, spend against the population's median. A {@link
   * PopulationStrategy}.
   *
   * @return the strategy
   */
  public static PopulationStrategy<?> loyaltyDecayed() {
    return LoyaltyStrategies.decayed();
  }

  /**
   * Returns {@code loyalty.decayed} with another half-life and expectations.
   *
   * @param halfLife how long until an activity counts half, positive
   * @param expectations what healthy contact is, per relationship type
   * @return the strategy
   * @throws IllegalArgumentException if the half-life is not positive
   */
  public static PopulationStrategy<?> loyaltyDecayed(Duration halfLife, Expectations expectations) {
    return LoyaltyStrategies.decayed(halfLife, expectations);
  }

  /**
   * Returns {@code loyalty.rfm}: recency, frequency and monetary quintiles relative to the
   * population, coded 111–555 and labelled with a named segment. A {@link PopulationStrategy}.
   *
   * @return the strategy
   */
  public static PopulationStrategy<?> loyaltyRfm() {
    return LoyaltyStrategies.rfm();
  }

  /**
   * Returns {@code loyalty.bgnbd} with the {@link ModelSettings#defaults() default settings}: 100 ·
   * the probability of at least one purchase in the next 52 weeks under a BG/NBD model (Fader,
   * Hardie &amp; Lee 2005) fitted on the population's purchases as of the scoring instant, with the
   * expected purchases and P(alive) as {@linkplain Score#measures() measures}. Not 100 · P(alive): BG/NBD gives P(alive) = 1 to every customer
   * without a repeat purchase, however long ago they bought. A {@link PopulationStrategy}; when the
   * population does not identify the model, its baseline says why ({@link
   * PopulationStrategy.Baseline#failure()}) and every score is {@linkplain Score#noEvidence no
   * evidence}.
   *
   * @return the strategy
   */
  public static PopulationStrategy<?> loyaltyBgNbd() {
    return LoyaltyStrategies.bgNbd();
  }

  /**
   * Returns {@code loyalty.bgnbd} fitting its model on the population, with other settings.
   *
   * @param settings the zone of purchase days, the time unit and the horizon
   * @return the strategy
   */
  public static PopulationStrategy<?> loyaltyBgNbd(ModelSettings settings) {
    return LoyaltyStrategies.bgNbd(settings);
  }

  /**
   * Returns {@code loyalty.bgnbd} scoring with a model fitted beforehand, such as by {@link
   * BgNbd#fit}: scores then do not depend on the population.
   *
   * @param model the model, fitted in {@code settings.unit()}
   * @param settings the zone of purchase days, the time unit and the horizon
   * @return the strategy
   */
  public static PopulationStrategy<?> loyaltyBgNbd(BgNbd model, ModelSettings settings) {
    return LoyaltyStrategies.bgNbd(model, settings);
  }

  /**
   * Returns {@code loyalty.paretonbd} with the {@link ModelSettings#defaults() default settings}:
   * as {@link #loyaltyBgNbd()}, under a Pareto/NBD model (Schmittlein, Morrison &amp; Colombo
   * 1987) fitted on the population.
   *
   * @return the strategy
   */
  public static PopulationStrategy<?> loyaltyParetoNbd() {
    return LoyaltyStrategies.paretoNbd();
  }

  /**
   * Returns {@code loyalty.paretonbd} fitting its model on the population, with other settings.
   *
   * @param settings the zone of purchase days, the time unit and the horizon
   * @return the strategy
   */
  public static PopulationStrategy<?> loyaltyParetoNbd(ModelSettings settings) {
    return LoyaltyStrategies.paretoNbd(settings);
  }

  /**
   * Returns {@code loyalty.paretonbd} scoring with a model fitted beforehand.
   *
   * @param model the model, fitted in {@code settings.unit()}
   * @param settings the zone of purchase days, the time unit and the horizon
   * @return the strategy
   */
  public static PopulationStrategy<?> loyaltyParetoNbd(ParetoNbd model, ModelSettings settings) {
    return LoyaltyStrategies.paretoNbd(model, settings);
  }

  /**
   * Returns {@code loyalty.mbgnbd} with the {@link ModelSettings#defaults() default settings}: as
   * {@link #loyaltyBgNbd()}, under the MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007),
   * whose customers may drop out after their first purchase too, so that P(alive) is below 1 for
   * one-time buyers.
   *
   * @return the strategy
   * @since 0.2
   */
  public static PopulationStrategy<?> loyaltyMbgNbd() {
    return LoyaltyStrategies.mbgNbd();
  }

  /**
   * Returns {@code loyalty.mbgnbd} fitting its model on the population, with other settings.
   *
   * @param settings the zone of purchase days, the time unit and the horizon
   * @return the strategy
   * @since 0.2
   */
  public static PopulationStrategy<?> loyaltyMbgNbd(ModelSettings settings) {
    return LoyaltyStrategies.mbgNbd(settings);
  }

  /**
   * Returns {@code loyalty.bgbb} with the {@link DiscreteSettings#defaults() default settings}:
   * 100 · the probability of a purchase next calendar year under BG/BB (Fader, Hardie &amp; Shang
   * 2010), the model for discrete-time data, fitted on the population's purchases (at most one a
   * year counts), with P(alive) and the expected purchases among the score's measures.
   *
   * @return the strategy
   * @since 0.2
   */
  public static PopulationStrategy<?> loyaltyBgBb() {
    return LoyaltyStrategies.bgBb();
  }

  /**
   * Returns {@code loyalty.bgbb} fitting its model on the population, with other settings.
   *
   * @param settings the zone, the calendar period of one opportunity and the horizon
   * @return the strategy
   * @since 0.2
   */
  public static PopulationStrategy<?> loyaltyBgBb(DiscreteSettings settings) {
    return LoyaltyStrategies.bgBb(settings);
  }

  /**
   * Returns {@code loyalty.bgbb} against a model fitted beforehand: each customer is scored alone.
   *
   * @param model the model, fitted with the settings' period as one opportunity
   * @param settings the zone, the calendar period of one opportunity and the horizon
   * @return the strategy
   * @since 0.2
   */
  public static PopulationStrategy<?> loyaltyBgBb(BgBb model, DiscreteSettings settings) {
    return LoyaltyStrategies.bgBb(model, settings);
  }

  /**
   * Returns {@code loyalty.clv} with the {@link ModelSettings#defaults() default settings}: each
   * customer's {@link LifetimeValue lifetime value} over 52 weeks in 12 periods at 1% each, from
   * BG/NBD and Gamma-Gamma fitted on the population, scored as its percentile in the population
   * and reported as the measure {@code clv}.
   *
   * @return the strategy
   */
  public static PopulationStrategy<?> loyaltyClv() {
    return LoyaltyStrategies.clv();
  }

  /**
   * Returns {@code loyalty.clv} with other settings and, optionally, models fitted beforehand.
   *
   * @param model the transaction model fitted in {@code settings.unit()}, or null to fit BG/NBD on
   *     the population
   * @param spend the spend model, or null to fit Gamma-Gamma on the population's repeat buyers
   *     with a positive mean spend
   * @param settings the zone of purchase days, the time unit, the horizon and the discounting
   * @return the strategy
   */
  public static PopulationStrategy<?> loyaltyClv(@Nullable TransactionModel model, @Nullable GammaGamma spend,
      ModelSettings settings) {
    return LoyaltyStrategies.clv(model, spend, settings);
  }

  /**
   * Returns {@code composite.blocks} with equal weights and the default {@link Expectations}: one
   * sub-score for each of the nine building blocks the data inform (culture from the customer
   * attribute {@code culture}; community, credibility, channel, content, cadence, context,
   * catalyst and currencies from touchpoints), explained by block.
   *
   * @return the strategy
   */
  public static ScoringStrategy<?> compositeBlocks() {
    return CompositeStrategies.blocks();
  }

  /**
   * Returns {@code composite.blocks} with the given block weights and expectations.
   *
   * @param weights a weight {@code >= 0} for each block to score; blocks left out weigh 0; at
   *     least one positive
   * @param expectations what healthy contact is, per relationship type
   * @return the strategy
   * @throws IllegalArgumentException if a weight is negative or not finite, or no weight is
   *     positive
   */
  public static ScoringStrategy<?> compositeBlocks(Map<BuildingBlock, Double> weights, Expectations expectations) {
    return CompositeStrategies.blocks(weights, expectations);
  }

  /**
   * Returns {@code journey.weighted} with λ = 0.7 and the {@link JourneySettings#defaults() default
   * settings}: 0.7 times the mean score of the customer's journeys, assembled from their touchpoints
   * (journey ids, else sessions cut by a 7-day gap, a purchase or a complaint), plus 0.3 times the
   * score of the single touchpoints. Journeys outweigh touchpoints, following the finding that they
   * predict outcomes better; see {@link io.engagekit.scoring.journeys.JourneyScorer} for the factors.
   *
   * @return the strategy
   */
  public static ScoringStrategy<?> journeyWeighted() {
    return JourneyStrategies.weighted();
  }

  /**
   * Returns {@code journey.weighted} with another weight, settings and known journeys.
   *
   * @param lambda the journeys' weight λ, in [0, 1]; the touchpoints weigh 1 − λ
   * @param settings how touchpoints become journeys and how journeys are judged
   * @param known journeys known from a journeys file (type, window, outcome), which the touchpoints
   *     naming them join; may be empty
   * @return the strategy
   * @throws IllegalArgumentException if {@code lambda} is outside [0, 1]
   */
  public static ScoringStrategy<?> journeyWeighted(double lambda, JourneySettings settings,
      Collection<Journey> known) {
    return JourneyStrategies.weighted(lambda, settings, known);
  }

  /**
   * Returns every strategy found: the built-ins first, then providers in class-path order.
   *
   * @return the strategies, by name
   * @throws IllegalStateException if a provider cannot be loaded or two strategies share a name
   */
  public static List<ScoringStrategy<?>> all() {
    Map<String, ScoringStrategy<?>> byName = new LinkedHashMap<>();
    for (ScoringStrategy<?> s : List.of(satisfactionCsat(), satisfactionNps(), satisfactionCes(), loyaltyDecayed(),
        loyaltyRfm(), loyaltyBgNbd(), loyaltyParetoNbd(), loyaltyMbgNbd(), loyaltyBgBb(), loyaltyClv(), loyaltyAdvocacy(),
        compositeBlocks(),
        FadingInterest.strategy(), journeyWeighted())) {
      byName.put(s.name(), s);
    }
    @SuppressWarnings("rawtypes")
    Iterator<ScoringStrategy> providers = ServiceLoader.load(ScoringStrategy.class).iterator();
    while (true) {
      ScoringStrategy<?> s;
      try {
        if (!providers.hasNext()) {
          break;
        }
        s = providers.next();
      } catch (ServiceConfigurationError e) {
        throw new IllegalStateException("a strategy provider could not be loaded: " + e.getMessage(), e);
      }
      String name = requireNonNull(s.name(), () -> s.getClass().getName() + ".name() returned null");
      ScoringStrategy<?> clash = byName.putIfAbsent(name, s);
      if (clash != null) {
        throw new IllegalStateException("strategy name '" + name + "' is claimed by both "
            + clash.getClass().getName() + " and " + s.getClass().getName());
      }
    }
    return List.copyOf(byName.values());
  }

  /**
   * Returns the strategy with the given name, or the scoring plan a name {@code plan:FILE} points to
   * ({@link io.engagekit.scoring.plans.Plans}).
   *
   * @param name a registry key, such as {@code satisfaction.nps}, or {@code plan:} and a plan file
   * @return the strategy
   * @throws IllegalArgumentException if no strategy has that name (the message lists the names), or
   *     the plan file is invalid or unreadable (the message says where and why)
   * @throws IllegalStateException if a provider cannot be loaded or two strategies share a name
   */
  public static ScoringStrategy<?> named(String name) {
    requireNonNull(name, "name");
    if (name.startsWith(io.engagekit.scoring.plans.Plans.PREFIX)) {
      java.nio.file.Path file = java.nio.file.Path.of(name.substring(io.engagekit.scoring.plans.Plans.PREFIX.length()));
      try {
        return io.engagekit.scoring.plans.Plans.read(file);
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("cannot read the plan " + file + ": " + e, e);
      }
    }
    List<String> names = new ArrayList<>();
    for (ScoringStrategy<?> s : all()) {
      if (s.name().equals(name)) {
        return s;
      }
      names.add(s.name());
    }
    throw new IllegalArgumentException("no strategy is named '" + name + "'"
        + io.engagekit.core.internal.Suggestions.didYouMean(name, names) + "; known: " + names);
  }
}

package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.models.BgBb;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.MbgNbd;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.TransactionModel;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The loyalty strategies: what customers do (purchases, repeat visits, advocacy), as opposed to what
 * they say ({@code io.engagekit.scoring.satisfaction}). {@code loyalty.decayed} and {@code
 * loyalty.rfm} rank a customer against the population; {@code loyalty.bgnbd}, {@code
 * loyalty.paretonbd}, {@code loyalty.mbgnbd}, {@code loyalty.bgbb} (discrete time) and {@code
 * loyalty.clv} score against a model fitted to it; {@code
 * loyalty.advocacy} counts recommendations and complaints weighted by their reach.
 *
 * <p>The implementations are package-private: a user needs only the {@link ScoringStrategy} or
 * {@link PopulationStrategy} these return. {@link io.engagekit.scoring.ScoringStrategies} offers the
 * same strategies by name. Every returned strategy is immutable and thread-safe.
 */
public final class LoyaltyStrategies {
  private static final Advocacy ADVOCACY = new Advocacy(Advocacy.DEFAULT_HALF_LIFE);
  private static final LoyaltyDecayed DECAYED = new LoyaltyDecayed(LoyaltyDecayed.DEFAULT_HALF_LIFE,
      Expectations.defaults(), Activity.PURCHASES);
  private static final Rfm RFM = new Rfm();
  private static final ModelLoyalty BGNBD = new ModelLoyalty(ModelLoyalty.Kind.BGNBD, null, null,
      ModelSettings.defaults());
  private static final ModelLoyalty PARETONBD = new ModelLoyalty(ModelLoyalty.Kind.PARETONBD, null, null,
      ModelSettings.defaults());
  private static final ModelLoyalty MBGNBD = new ModelLoyalty(ModelLoyalty.Kind.MBGNBD, null, null,
      ModelSettings.defaults());
  private static final ModelLoyalty CLV = new ModelLoyalty(ModelLoyalty.Kind.CLV, null, null, ModelSettings.defaults());
  private static final DiscreteLoyalty BGBB = new DiscreteLoyalty(null, DiscreteSettings.defaults());

  private LoyaltyStrategies() {}

  /**
   * {@code loyalty.advocacy} with its default half-life of 180 days.
   *
   * @return the strategy
   */
  public static ScoringStrategy<?> advocacy() {
    return ADVOCACY;
  }

  /**
   * {@code loyalty.advocacy} with the given half-life of an act's weight.
   *
   * @param halfLife the half-life of an act's weight
   * @return the strategy
   */
  public static ScoringStrategy<?> advocacy(Duration halfLife) {
    return new Advocacy(halfLife);
  }

  /**
   * {@code loyalty.decayed} with its default 180-day half-life and the default expectations.
   *
   * @return the strategy
   */
  public static PopulationStrategy<?> decayed() {
    return DECAYED;
  }

  /**
   * {@code loyalty.decayed} with the given half-life and per-relationship expectations.
   *
   * @param expectations the expected contact interval and channels per relationship type
   * @param halfLife the half-life of an act's weight
   * @return the strategy
   */
  public static PopulationStrategy<?> decayed(Duration halfLife, Expectations expectations) {
    return new LoyaltyDecayed(halfLife, expectations, Activity.PURCHASES);
  }

  /**
   * {@code loyalty.decayed} whose recency and frequency count the given kinds of touchpoint (those
   * the customer initiated), not only purchases: for a business where visits or posts are the loyal
   * behaviour. Spend is always the value of purchases.
   *
   * @param halfLife the half-life of an act's weight
   * @param expectations the expected contact interval and channels per relationship type
   * @param activity the kinds that count as activity, not empty and without {@code survey_answer}
   * @return the strategy
   * @throws IllegalArgumentException if the activity kinds are empty or include {@code survey_answer}
   * @since 0.2
   */
  public static PopulationStrategy<?> decayed(Duration halfLife, Expectations expectations,
      Set<TouchpointKind> activity) {
    return new LoyaltyDecayed(halfLife, expectations, activity);
  }

  /**
   * {@code loyalty.rfm}: recency, frequency and monetary quintiles against the population.
   *
   * @return the strategy
   */
  public static PopulationStrategy<?> rfm() {
    return RFM;
  }

  /**
   * {@code loyalty.bgnbd} fitted to the population on the default settings.
   *
   * @return the strategy
   */
  public static PopulationStrategy<?> bgNbd() {
    return BGNBD;
  }

  /**
   * {@code loyalty.bgnbd} fitted to the population on the given settings.
   *
   * @param settings the settings
   * @return the strategy
   */
  public static PopulationStrategy<?> bgNbd(ModelSettings settings) {
    return new ModelLoyalty(ModelLoyalty.Kind.BGNBD, null, null, settings);
  }

  /**
   * {@code loyalty.bgnbd} against a model fitted beforehand (never refitted).
   *
   * @param model the fitted model, or null to fit one to the population
   * @param settings the settings
   * @return the bg nbd
   */
  public static PopulationStrategy<?> bgNbd(BgNbd model, ModelSettings settings) {
    return new ModelLoyalty(ModelLoyalty.Kind.BGNBD, requireNonNull(model, "model"), null, settings);
  }

  /**
   * {@code loyalty.paretonbd} fitted to the population on the default settings.
   *
   * @return the strategy
   */
  public static PopulationStrategy<?> paretoNbd() {
    return PARETONBD;
  }

  /**
   * {@code loyalty.paretonbd} fitted to the population on the given settings.
   *
   * @param settings the settings
   * @return the strategy
   */
  public static PopulationStrategy<?> paretoNbd(ModelSettings settings) {
    return new ModelLoyalty(ModelLoyalty.Kind.PARETONBD, null, null, settings);
  }

  /**
   * {@code loyalty.paretonbd} against a model fitted beforehand (never refitted).
   *
   * @param model the fitted model, or null to fit one to the population
   * @param settings the settings
   * @return the pareto nbd
   */
  public static PopulationStrategy<?> paretoNbd(ParetoNbd model, ModelSettings settings) {
    return new ModelLoyalty(ModelLoyalty.Kind.PARETONBD, requireNonNull(model, "model"), null, settings);
  }

  /**
   * {@code loyalty.mbgnbd} fitted to the population on the default settings.
   *
   * @return the strategy
   * @since 0.2
   */
  public static PopulationStrategy<?> mbgNbd() {
    return MBGNBD;
  }

  /**
   * {@code loyalty.mbgnbd} fitted to the population on the given settings.
   *
   * @param settings the settings
   * @return the strategy
   * @since 0.2
   */
  public static PopulationStrategy<?> mbgNbd(ModelSettings settings) {
    return new ModelLoyalty(ModelLoyalty.Kind.MBGNBD, null, null, settings);
  }

  /**
   * {@code loyalty.mbgnbd} against a model fitted beforehand (never refitted).
   *
   * @param model the fitted model
   * @param settings the settings
   * @return the strategy
   * @since 0.2
   */
  public static PopulationStrategy<?> mbgNbd(MbgNbd model, ModelSettings settings) {
    return new ModelLoyalty(ModelLoyalty.Kind.MBGNBD, requireNonNull(model, "model"), null, settings);
  }

  /**
   * {@code loyalty.clv} (BG/NBD with Gamma-Gamma spend) fitted to the population on the default settings.
   *
   * @return the clv
   */
  public static PopulationStrategy<?> clv() {
    return CLV;
  }

  /**
   * {@code loyalty.clv} against the given transaction and spend models; a null model is fitted to
   * the population.
   *
   * @param model the fitted model, or null to fit one to the population
   * @param settings the settings
   * @param spend the fitted spend model, or null to fit one to the population
   * @return the strategy
   */
  public static PopulationStrategy<?> clv(@Nullable TransactionModel model, @Nullable GammaGamma spend,
      ModelSettings settings) {
    return new ModelLoyalty(ModelLoyalty.Kind.CLV, model, spend, settings);
  }

  /**
   * {@code loyalty.bgbb} (BG/BB, one opportunity a calendar year, a horizon of one year) fitted to
   * the population.
   *
   * @return the strategy
   * @since 0.2
   */
  public static PopulationStrategy<?> bgBb() {
    return BGBB;
  }

  /**
   * {@code loyalty.bgbb} fitted to the population on the given settings.
   *
   * @param settings the zone, the period of one opportunity and the horizon
   * @return the strategy
   * @since 0.2
   */
  public static PopulationStrategy<?> bgBb(DiscreteSettings settings) {
    return new DiscreteLoyalty(null, settings);
  }

  /**
   * {@code loyalty.bgbb} against a model fitted beforehand (never refitted; each customer is then
   * scored alone).
   *
   * @param model the fitted model, its opportunities the settings' periods
   * @param settings the zone, the period of one opportunity and the horizon
   * @return the strategy
   * @since 0.2
   */
  public static PopulationStrategy<?> bgBb(BgBb model, DiscreteSettings settings) {
    return new DiscreteLoyalty(requireNonNull(model, "model"), settings);
  }
}

package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.FittedModel;
import io.engagekit.scoring.models.MbgNbd;
import io.engagekit.scoring.models.ModelType;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.TransactionModel;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The model-based loyalty strategies built from models fitted beforehand (read with {@link
 * io.engagekit.scoring.models.ModelJson}): {@code loyalty.bgnbd} takes a {@code bgnbd} model,
 * {@code loyalty.paretonbd} a {@code paretonbd} one, {@code loyalty.mbgnbd} an {@code mbgnbd} one,
 * {@code loyalty.bgbb} a {@code bgbb} one (fitted with the settings' period as one opportunity), and
 * {@code loyalty.clv} a {@code gammagamma}
 * model with the transaction model given ({@code bgnbd}, else {@code paretonbd}, else {@code
 * mbgnbd}). A strategy whose model is not given fits one on the population. Immutable and
 * thread-safe.
 *
 * @since 0.2
 */
public final class ModelStrategies {
  private final Map<String, FittedModel> byName;
  private final @Nullable PeriodUnit unit;

  private ModelStrategies(Map<String, FittedModel> byName, @Nullable PeriodUnit unit) {
    this.byName = byName;
    this.unit = unit;
  }

  /**
   * Takes fitted models.
   *
   * @param models at most one of each of bgnbd, mbgnbd, paretonbd, bgbb and gammagamma
   * @return the strategies' source
   * @throws IllegalArgumentException if a model scores no loyalty strategy, two are of one kind, or
   *     the transaction models' time units differ
   */
  public static ModelStrategies of(Collection<FittedModel> models) {
    Map<String, FittedModel> byName = new LinkedHashMap<>();
    PeriodUnit unit = null;
    for (FittedModel m : requireNonNull(models, "models")) {
      String name = m.type().name();
      if (!List.of("bgnbd", "mbgnbd", "paretonbd", "bgbb", "gammagamma").contains(name)) {
        throw new IllegalArgumentException("a " + name + " model scores no strategy; the loyalty strategies take"
            + " bgnbd, mbgnbd, paretonbd, bgbb or gammagamma");
      }
      if (byName.putIfAbsent(name, m) != null) {
        throw new IllegalArgumentException("two " + name + " models were given");
      }
      if (m.timeUnit() != null) {
        if (unit != null && unit != m.timeUnit()) {
          throw new IllegalArgumentException("the models' time units differ: " + unit.code() + " and "
              + m.timeUnit().code());
        }
        unit = m.timeUnit();
      }
    }
    return new ModelStrategies(byName, unit);
  }

  /**
   * Returns the unit the transaction models were fitted in.
   *
   * @return the unit, or empty if no transaction model was given
   */
  public Optional<PeriodUnit> unit() {
    return Optional.ofNullable(unit);
  }

  /**
   * Returns the model-based strategy of that name with the models given, fitting the others.
   *
   * @param name a strategy name
   * @param settings the strategies' settings
   * @return the strategy, or empty for a name that is not a model-based strategy
   */
  public Optional<PopulationStrategy<?>> strategy(String name, ModelSettings settings) {
    return strategy(name, settings, DiscreteSettings.defaults().withZone(settings.zone()));
  }

  /**
   * Returns the model-based strategy of that name with the models given, fitting the others;
   * {@code loyalty.bgbb} reads time by {@code discrete}.
   *
   * @param name a strategy name
   * @param settings the continuous-time strategies' settings
   * @param discrete {@code loyalty.bgbb}'s settings
   * @return the strategy, or empty for a name that is not a model-based strategy
   * @since 0.2
   */
  public Optional<PopulationStrategy<?>> strategy(String name, ModelSettings settings, DiscreteSettings discrete) {
    requireNonNull(settings, "settings");
    requireNonNull(discrete, "discrete");
    BgNbd bgnbd = model(ModelType.BGNBD);
    ParetoNbd paretonbd = model(ModelType.PARETONBD);
    return Optional.ofNullable(switch (requireNonNull(name, "name")) {
      case "loyalty.bgnbd" -> bgnbd == null ? LoyaltyStrategies.bgNbd(settings)
          : LoyaltyStrategies.bgNbd(bgnbd, settings);
      case "loyalty.paretonbd" -> paretonbd == null ? LoyaltyStrategies.paretoNbd(settings)
          : LoyaltyStrategies.paretoNbd(paretonbd, settings);
      case "loyalty.mbgnbd" -> model(ModelType.MBGNBD) == null ? LoyaltyStrategies.mbgNbd(settings)
          : LoyaltyStrategies.mbgNbd(requireNonNull(model(ModelType.MBGNBD)), settings);
      case "loyalty.bgbb" -> model(ModelType.BGBB) == null ? LoyaltyStrategies.bgBb(discrete)
          : LoyaltyStrategies.bgBb(requireNonNull(model(ModelType.BGBB)), discrete);
      case "loyalty.clv" -> LoyaltyStrategies.clv(clvModel(), model(ModelType.GAMMAGAMMA), settings);
      default -> null;
    });
  }

  /**
   * Returns which of the given models a strategy uses.
   *
   * @param name a strategy name
   * @return the names of the models it uses (empty when none is given or it is not model-based)
   */
  public List<String> usedBy(String name) {
    List<String> used = switch (requireNonNull(name, "name")) {
      case "loyalty.bgnbd" -> List.of("bgnbd");
      case "loyalty.paretonbd" -> List.of("paretonbd");
      case "loyalty.mbgnbd" -> List.of("mbgnbd");
      case "loyalty.bgbb" -> List.of("bgbb");
      case "loyalty.clv" -> {
        TransactionModel m = clvModel();
        String transactions = m instanceof BgNbd ? "bgnbd" : m instanceof ParetoNbd ? "paretonbd" : "mbgnbd";
        yield List.of(transactions, "gammagamma");
      }
      default -> List.of();
    };
    return used.stream().filter(byName::containsKey).toList();
  }

  private @Nullable TransactionModel clvModel() {
    BgNbd bgnbd = model(ModelType.BGNBD);
    if (bgnbd != null) {
      return bgnbd;
    }
    ParetoNbd paretonbd = model(ModelType.PARETONBD);
    if (paretonbd != null) {
      return paretonbd;
    }
    MbgNbd mbgnbd = model(ModelType.MBGNBD);
    return mbgnbd;
  }

  private <M> @Nullable M model(ModelType<M> type) {
    FittedModel m = byName.get(type.name());
    return m == null ? null : m.model(type);
  }

  @Override
  public String toString() {
    return "ModelStrategies" + byName.keySet();
  }
}

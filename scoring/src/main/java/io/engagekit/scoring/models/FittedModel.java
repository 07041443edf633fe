package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A fitted model as a record of its fit: the model's name, its parameters with their standard
 * errors, the log-likelihood, the customers and iterations, the unit of its times and the data
 * window it was fitted on. {@link ModelJson} writes and reads it; {@link #model()} makes the model
 * again from its parameters.
 *
 * <pre>{@code
 * ModelFit<BgNbd> fit = BgNbd.fit(patterns);
 * FittedModel record = FittedModel.of(ModelType.BGNBD, fit, PeriodUnit.WEEKS, calibrationEnd, null);
 * ModelJson.write(record, writer);
 * BgNbd again = ModelJson.read(reader).model(ModelType.BGNBD);
 * }</pre>
 *
 * @param type the kind of model
 * @param parameters each parameter's value, in the type's order
 * @param standardErrors each parameter's standard error, in order
 * @param logLikelihood the maximised log-likelihood
 * @param customers the customers fitted on
 * @param iterations the optimiser's iterations
 * @param timeUnit the unit of the model's times; null for a model without one
 * @param calibrationEnd the last day of the data fitted on; null if not recorded
 * @param holdoutEnd the last day of the holdout the fit was checked on; null if none
 * @since 0.2
 */
public record FittedModel(ModelType<?> type, Map<String, Double> parameters, Map<String, Double> standardErrors,
    double logLikelihood, long customers, int iterations, @Nullable PeriodUnit timeUnit,
    @Nullable LocalDate calibrationEnd, @Nullable LocalDate holdoutEnd) {
  /**
   * Validates and copies the record.
   *
   * @param type see the record description
   * @param parameters see the record description
   * @param standardErrors see the record description
   * @param logLikelihood see the record description
   * @param customers see the record description
   * @param iterations see the record description
   * @param timeUnit see the record description
   * @param calibrationEnd see the record description
   * @param holdoutEnd see the record description
   * @throws IllegalArgumentException if a parameter is missing or unknown, a value or the
   *     log-likelihood is not finite, a count is negative, a timed model has no unit (or an untimed
   *     one has one), or the holdout does not end after the data
   */
  public FittedModel {
    requireNonNull(type, "type");
    parameters = ordered(type, "params", parameters);
    standardErrors = ordered(type, "standardErrors", standardErrors);
    if (!Double.isFinite(logLikelihood)) {
      throw new IllegalArgumentException("the log-likelihood must be finite but was " + logLikelihood);
    }
    if (customers < 0 || iterations < 0) {
      throw new IllegalArgumentException("customers and iterations must be >= 0");
    }
    if (type.timed() != (timeUnit != null)) {
      throw new IllegalArgumentException(type.timed() ? "a " + type.name() + " model needs the unit of its times"
          : "a " + type.name() + " model has no time unit but was given " + timeUnit.code());
    }
    if (holdoutEnd != null && (calibrationEnd == null || !holdoutEnd.isAfter(calibrationEnd))) {
      throw new IllegalArgumentException("the holdout end " + holdoutEnd + " must follow a calibration end, but that "
          + "was " + calibrationEnd);
    }
  }

  /**
   * Records a fit.
   *
   * @param type the kind of model fitted
   * @param fit the fit
   * @param timeUnit the unit of the data's times; null for a model without one
   * @param calibrationEnd the last day of the data fitted on, or null
   * @param holdoutEnd the last day of a holdout, or null
   * @return the record
   */
  public static FittedModel of(ModelType<?> type, ModelFit<?> fit, @Nullable PeriodUnit timeUnit,
      @Nullable LocalDate calibrationEnd, @Nullable LocalDate holdoutEnd) {
    return new FittedModel(type, fit.parameters(), fit.standardErrors(), fit.logLikelihood(), fit.customers(),
        fit.iterations(), timeUnit, calibrationEnd, holdoutEnd);
  }

  /**
   * Returns Akaike's information criterion, {@code 2k − 2 ln L} (see {@link ModelFit#aic()}).
   *
   * @return the AIC
   * @since 0.2
   */
  public double aic() {
    return ModelFit.aic(logLikelihood, parameters.size());
  }

  /**
   * Returns the Bayesian information criterion, {@code k ln n − 2 ln L} with n the customers (see
   * {@link ModelFit#bic()}).
   *
   * @return the BIC
   * @throws IllegalStateException if the record has no customers
   * @since 0.2
   */
  public double bic() {
    return ModelFit.bic(logLikelihood, parameters.size(), customers);
  }

  /**
   * Makes the model from the parameters.
   *
   * @return the model
   */
  public Object model() {
    return type.create(parameters);
  }

  /**
   * Makes the model from the parameters, as the given type.
   *
   * @param expected the type this record must be of
   * @param <M> the model
   * @return the model
   * @throws IllegalArgumentException if the record is of another type
   */
  public <M> M model(ModelType<M> expected) {
    if (!expected.name().equals(type.name())) {
      throw new IllegalArgumentException("expected a " + expected.name() + " model but this is a " + type.name());
    }
    return expected.create(parameters);
  }

  /**
   * Returns the unit of the model's times.
   *
   * @return the unit, or empty for a model without one
   */
  public Optional<PeriodUnit> unit() {
    return Optional.ofNullable(timeUnit);
  }

  private static Map<String, Double> ordered(ModelType<?> type, String what, Map<String, Double> values) {
    requireNonNull(values, what + "s");
    Map<String, Double> out = new LinkedHashMap<>();
    for (String name : type.parameters()) {
      Double v = values.get(name);
      if (v == null) {
        throw new IllegalArgumentException(what + "." + name + " is missing or not a number (a " + type.name()
            + " model has " + type.parameters() + ")");
      }
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(what + "." + name + " must be finite but was " + v);
      }
      out.put(name, v);
    }
    for (String name : values.keySet()) {
      if (!out.containsKey(name)) {
        throw new IllegalArgumentException(what + "." + name + ": a " + type.name() + " model has no such parameter;"
            + " it has " + type.parameters());
      }
    }
    return Collections.unmodifiableMap(out);
  }
}

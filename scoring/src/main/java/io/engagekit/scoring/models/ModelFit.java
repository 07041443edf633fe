package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model fitted by maximum likelihood, with its fit statistics: what every customer-base model's
 * {@code fit} returns.
 *
 * <p>Immutable and thread-safe when the model is.
 *
 * @param <M> the model type
 * @param model the maximum-likelihood model
 * @param parameters the fitted parameters by name, in the model's order (such as {@code r, alpha,
 *     a, b} for BG/NBD)
 * @param logLikelihood the total log-likelihood of all customers at those parameters, in the data's
 *     time unit
 * @param standardErrors each parameter's standard error, same keys as {@code parameters}, from the
 *     inverse of the observed information (the negated Hessian of the log-likelihood)
 * @param customers how many customers the model was fitted on
 * @param iterations how many Newton steps the optimiser took
 * @param gradientNorm the norm of the gradient (in log-parameters) at the optimum: the
 *     convergence diagnostic, near 0
 * @param covariance the covariance of the parameters, by name and name (the inverse observed
 *     information, whose diagonal squares the standard errors); empty when not computed
 * @since 0.1
 */
public record ModelFit<M>(M model, Map<String, Double> parameters, double logLikelihood,
    Map<String, Double> standardErrors, long customers, int iterations, double gradientNorm,
    Map<String, Map<String, Double>> covariance) {
  /**
   * Copies the maps, keeping their order.
   *
   * @param model see the record description
   * @param parameters see the record description
   * @param logLikelihood see the record description
   * @param standardErrors see the record description
   * @param customers see the record description
   * @param iterations see the record description
   * @param gradientNorm see the record description
   * @param covariance see the record description
   * @since 0.2 (the covariance)
   */
  public ModelFit {
    requireNonNull(model, "model");
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    standardErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
    Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
    requireNonNull(covariance, "covariance").forEach((name, row) ->
        rows.put(name, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(row))));
    covariance = java.util.Collections.unmodifiableMap(rows);
  }

  /**
   * A fit without its covariance (as before 0.2).
   *
   * @param model see the record description
   * @param parameters see the record description
   * @param logLikelihood see the record description
   * @param standardErrors see the record description
   * @param customers see the record description
   * @param iterations see the record description
   * @param gradientNorm see the record description
   */
  public ModelFit(M model, Map<String, Double> parameters, double logLikelihood, Map<String, Double> standardErrors,
      long customers, int iterations, double gradientNorm) {
    this(model, parameters, logLikelihood, standardErrors, customers, iterations, gradientNorm, Map.of());
  }

  /**
   * Returns Akaike's information criterion, {@code 2k − 2 ln L} with k the number of parameters:
   * lower is better, comparable between models fitted on the same data.
   *
   * @return the AIC
   * @since 0.2
   */
  public double aic() {
    return aic(logLikelihood, parameters.size());
  }

  /**
   * Returns the Bayesian (Schwarz) information criterion, {@code k ln n − 2 ln L} with k the number
   * of parameters and n the customers fitted on: lower is better; it penalises parameters more than
   * the AIC once n exceeds 7.
   *
   * @return the BIC
   * @throws IllegalStateException if the fit has no customers
   * @since 0.2
   */
  public double bic() {
    return bic(logLikelihood, parameters.size(), customers);
  }

  static double aic(double logLikelihood, int k) {
    return 2.0 * k - 2 * logLikelihood;
  }

  static double bic(double logLikelihood, int k, long n) {
    if (n < 1) {
      throw new IllegalStateException("the BIC needs at least one customer, but the fit records " + n);
    }
    return k * Math.log(n) - 2 * logLikelihood;
  }

  /** Packs an optimum of the named parameters. */
  static <M> ModelFit<M> of(M model, String[] names, MaximumLikelihood.Optimum o, long customers) {
    Map<String, Double> params = new LinkedHashMap<>();
    Map<String, Double> se = new LinkedHashMap<>();
    Map<String, Map<String, Double>> cov = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      params.put(names[i], o.parameters()[i]);
      se.put(names[i], o.standardErrors()[i]);
      Map<String, Double> row = new LinkedHashMap<>();
      for (int j = 0; j < names.length; j++) {
        row.put(names[j], o.covariance()[i][j]);
      }
      cov.put(names[i], row);
    }
    return new ModelFit<>(model, params, o.logLikelihood(), se, customers, o.iterations(), o.gradientNorm(), cov);
  }
}

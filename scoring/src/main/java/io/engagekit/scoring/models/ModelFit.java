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
 * @since 0.1
 */
public record ModelFit<M>(M model, Map<String, Double> parameters, double logLikelihood,
    Map<String, Double> standardErrors, long customers, int iterations, double gradientNorm) {
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
   */
  public ModelFit {
    requireNonNull(model, "model");
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    standardErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
  }

  /** Packs an optimum of the named parameters. */
  static <M> ModelFit<M> of(M model, String[] names, MaximumLikelihood.Optimum o, long customers) {
    Map<String, Double> params = new LinkedHashMap<>();
    Map<String, Double> se = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      params.put(names[i], o.parameters()[i]);
      se.put(names[i], o.standardErrors()[i]);
    }
    return new ModelFit<>(model, params, o.logLikelihood(), se, customers, o.iterations(), o.gradientNorm());
  }
}

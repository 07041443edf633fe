package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One customer's calibration pattern with their coded covariates: what {@link CovariateModel#fit}
 * fits on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pattern the customer's pattern (its count of customers, usually 1, is kept)
 * @param covariates the value of each coded column (see {@link Covariates}), finite
 * @since 0.2
 */
public record CovariatePattern(RepeatPattern pattern, Map<String, Double> covariates) {
  /**
   * Copies the covariates, keeping their order.
   *
   * @param pattern see the record description
   * @param covariates see the record description
   * @throws IllegalArgumentException naming the column whose value is not finite
   */
  public CovariatePattern {
    requireNonNull(pattern, "pattern");
    Map<String, Double> copy = new LinkedHashMap<>();
    requireNonNull(covariates, "covariates").forEach((name, v) -> {
      requireNonNull(name, "covariate name");
      if (v == null || !Double.isFinite(v)) {
        throw new IllegalArgumentException("covariate " + name + " must be finite but was " + v);
      }
      copy.put(name, v);
    });
    covariates = Collections.unmodifiableMap(copy);
  }
}

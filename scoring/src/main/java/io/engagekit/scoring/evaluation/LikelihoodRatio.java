package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.models.ModelFit;
import org.apache.commons.numbers.gamma.RegularizedGamma;

/**
 * The likelihood-ratio test of a restricted model against a fuller one that nests it (such as a
 * model without covariates against the same model with them, whose coefficients 0 give it back):
 * the statistic 2(ln L<sub>full</sub> − ln L<sub>restricted</sub>) is asymptotically χ² with as
 * many degrees of freedom as the full model has more parameters (Wilks 1938), so a small p-value
 * says the extra parameters improve the fit by more than chance.
 *
 * <p>The test assumes the restriction is interior (coefficients set to 0, not a parameter pushed to
 * a boundary of its range): it does not apply to Pareto/NBD as the b → 0 limit of GGompertz/NBD.
 * Both fits must be on the same customers.
 *
 * @param statistic 2(ln L<sub>full</sub> − ln L<sub>restricted</sub>), {@code >= 0}
 * @param degreesOfFreedom how many more parameters the full model has, {@code >= 1}
 * @param pValue P(χ²<sub>df</sub> &gt; statistic), in [0, 1]
 * @since 0.2
 */
public record LikelihoodRatio(double statistic, int degreesOfFreedom, double pValue) {
  /**
   * Validates the figures.
   *
   * @param statistic see the record description
   * @param degreesOfFreedom see the record description
   * @param pValue see the record description
   * @throws IllegalArgumentException if one is out of its range
   */
  public LikelihoodRatio {
    if (!(statistic >= 0 && statistic <= Double.MAX_VALUE) || degreesOfFreedom < 1 || !(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("a likelihood-ratio test needs a finite statistic >= 0, df >= 1 and a "
          + "p-value in [0, 1], but was " + statistic + ", " + degreesOfFreedom + ", " + pValue);
    }
  }

  /**
   * Tests a restricted fit against a fuller one.
   *
   * @param restricted the nested model's fit
   * @param full the fuller model's fit, on the same customers
   * @return the test; a full fit whose log-likelihood is below the restricted one's (an optimiser
   *     that stopped short) counts as a statistic of 0
   * @throws IllegalArgumentException if the full model has no more parameters, or the fits are on
   *     different numbers of customers
   */
  public static LikelihoodRatio test(ModelFit<?> restricted, ModelFit<?> full) {
    requireNonNull(restricted, "restricted");
    requireNonNull(full, "full");
    int df = full.parameters().size() - restricted.parameters().size();
    if (df < 1) {
      throw new IllegalArgumentException("the full model must have more parameters than the restricted one, but has "
          + full.parameters().size() + " against " + restricted.parameters().size());
    }
    if (full.customers() != restricted.customers()) {
      throw new IllegalArgumentException("the fits must be on the same customers, but are on " + full.customers()
          + " and " + restricted.customers());
    }
    double statistic = Math.max(0, 2 * (full.logLikelihood() - restricted.logLikelihood()));
    return new LikelihoodRatio(statistic, df, RegularizedGamma.Q.value(df / 2.0, statistic / 2));
  }
}

package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collection;

/**
 * The MBG/NBD model of Batislam, Denizel &amp; Filiztekin (2007), "Empirical validation and
 * comparison of models for customer base analysis", <i>International Journal of Research in
 * Marketing</i> 24(3), 201–209: BG/NBD where a customer can also drop out at time 0, right after
 * the first purchase, so that customers without repeats are not certainly alive. While alive, a
 * customer buys at rate λ ~ Gamma(r, α); at the first purchase and after each repeat purchase they
 * drop out with probability p ~ Beta(a, b).
 *
 * <p>Log-likelihood of one customer (x, t<sub>x</sub>, T), in log space:
 *
 * <pre>
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α
 *      + ln Γ(a+b) + ln Γ(b+x+1) − ln Γ(b) − ln Γ(a+b+x+1)
 *      + ln( (α+T)^−(r+x) + a/(b+x) · (α+t_x)^−(r+x) )
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param r shape of the purchase-rate distribution, finite, {@code > 0}
 * @param alpha scale of the purchase-rate distribution (in the data's time unit), finite, {@code > 0}
 * @param a first shape of the dropout-probability distribution, finite, {@code > 0}
 * @param b second shape of the dropout-probability distribution, finite, {@code > 0}
 * @since 0.1
 * @serial exclude
 */
public record MbgNbd(double r, double alpha, double a, double b) implements TransactionModel, Serializable {
  private static final long serialVersionUID = 1L;

  static final String[] NAMES = {"r", "alpha", "a", "b"};

  /**
   * Validates the parameters.
   *
   * @param r see the class description
   * @param alpha see the class description
   * @param a see the class description
   * @param b see the class description
   * @throws IllegalArgumentException naming a parameter that is not finite and positive
   */
  public MbgNbd {
    Parameters.positive("r", r);
    Parameters.positive("alpha", alpha);
    Parameters.positive("a", a);
    Parameters.positive("b", b);
  }

  /**
   * Fits the model by maximum likelihood on customers' calibration-period patterns.
   *
   * @param patterns the patterns, each with its number of customers
   * @return the fit, with parameters {@code r, alpha, a, b}
   * @throws IllegalArgumentException if there are no patterns
   * @throws ModelFitException if the optimiser does not converge to a proper maximum
   */
  public static ModelFit<MbgNbd> fit(Collection<RepeatPattern> patterns) {
    RepeatPattern[] data = Parameters.patterns(patterns, "MBG/NBD");
    long customers = Parameters.customers(data);
    // By x, so that the terms of each x are computed once per evaluation; exact Hessian (BG/NBD's, shifted).
    RepeatPattern[] byX = data.clone();
    java.util.Arrays.sort(byX, java.util.Comparator.comparingLong(RepeatPattern::x));
    BgNbdLikelihood.Times times = new BgNbdLikelihood.Times(byX);
    MaximumLikelihood.Optimum o = MaximumLikelihood.fit("MBG/NBD", NAMES, new double[] {1, 1, 1, 1},
        v -> BgNbdLikelihood.logLikelihood(byX, v[0], v[1], v[2], v[3], 1),
        v -> BgNbdLikelihood.gradient(byX, v[0], v[1], v[2], v[3], 1),
        (v, g, h) -> BgNbdLikelihood.derivatives(byX, times, v[0], v[1], v[2], v[3], g, h, 1), customers);
    double[] v = o.parameters();
    return ModelFit.of(new MbgNbd(v[0], v[1], v[2], v[3]), NAMES, o, customers);
  }

  @Override
  public double logLikelihood(Collection<RepeatPattern> patterns) {
    return BgNbdLikelihood.logLikelihood(requireNonNull(patterns, "patterns").toArray(new RepeatPattern[0]), r, alpha,
        a, b, 1);
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x))}, in log space; below 1 even for x = 0.
   */
  @Override
  public double probabilityAlive(RepeatPattern p) {
    requireNonNull(p, "pattern");
    double x = p.x();
    return Parameters.logistic(Math.log(a) - Math.log(b + x)
        + (r + x) * (Math.log(alpha + p.T()) - Math.log(alpha + p.tx())));
  }

  /**
   * {@inheritDoc}
   *
   * <p>An alive customer drops out only just after a purchase, so they make none in the next t
   * with probability e^(−λt); their posterior is λ ~ Gamma(r+x, α+T), which gives
   * P(alive) · [1 − ((α+T)/(α+T+t))^(r+x)].
   */
  @Override
  public double probabilityOfRepeat(RepeatPattern p, double t) {
    requireNonNull(p, "pattern");
    Parameters.horizon("t", t);
    double alive = probabilityAlive(p);
    if (t == 0 || alive == 0) {
      return 0;
    }
    return Math.min(1, alive * -Math.expm1(-(r + p.x()) * Math.log1p(t / (alpha + p.T()))));
  }

  /**
   * {@inheritDoc}
   *
   * <p>An alive customer buys (1 − e^(−λpt))/p in expectation before dropping out; the posterior
   * of an alive customer is λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1).
   */
  @Override
  public double expectedTransactions(RepeatPattern p, double t) {
    requireNonNull(p, "pattern");
    Parameters.horizon("t", t);
    double alive = probabilityAlive(p);
    if (t == 0 || alive == 0) {
      return 0;
    }
    return alive * Mixtures.betaPurchases(a, b + p.x() + 1, r + p.x(), t / (alpha + p.T()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A new customer survives the first purchase with probability 1 − p, then buys
   * (1 − e^(−λpt))/p in expectation: E = b/(a+b) · E<sub>p ~ Beta(a, b+1)</sub>[(1 − (1 + pt/α)^−r)/p].
   */
  @Override
  public double expectedTransactions(double t) {
    Parameters.horizon("t", t);
    if (t == 0) {
      return 0;
    }
    return b / (a + b) * Mixtures.betaPurchases(a, b + 1, r, t / alpha);
  }

  @Override
  public java.util.Map<String, Double> parameters() {
    return Parameters.named(NAMES, r, alpha, a, b);
  }


}

package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Map;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The Pareto/NBD model of Schmittlein, Morrison &amp; Colombo (1987), "Counting Your Customers: Who
 * Are They and What Will They Do Next?", <i>Management Science</i> 33(1), 1–24: while alive, a
 * customer buys at Poisson rate λ ~ Gamma(r, α) and stays alive for an exponential lifetime of
 * rate μ ~ Gamma(s, β).
 *
 * <p>Likelihood of one customer (x, t<sub>x</sub>, T), from Fader &amp; Hardie's note "Deriving an
 * Expression for P(X(t) = x) Under the Pareto/NBD Model" (2005/2006) before its final step:
 *
 * <pre>
 * L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s · I ],
 * I = ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ
 * </pre>
 *
 * <p><b>Why no hypergeometric function.</b> The papers write s·I as a difference of two Gauss
 * hypergeometric functions ₂F₁(r+s+x, s+1 or r+x; r+s+x+1; z) at z = |α−β|/(max(α,β)+t). That
 * difference cancels catastrophically when t<sub>x</sub> is close to T, its series needs
 * O(x/(1−z)) terms when z nears 1 (heavy buyers, very unequal α and β), and the standard
 * transformation to 1 − z is degenerate whenever s or r + x is an integer. I is instead the
 * integral of a positive, decreasing, log-convex function, evaluated in log space by adaptive
 * Gauss–Kronrod quadrature, which has none of these problems; the same pass yields the integrals
 * of its parameter derivatives, so the gradient is analytic. The tests check the result against
 * the ₂F₁ form evaluated in 50-digit arithmetic.
 *
 * <p>Immutable and thread-safe.
 *
 * @param r shape of the purchase-rate distribution, finite, {@code > 0}
 * @param alpha scale of the purchase-rate distribution, finite, {@code > 0}
 * @param s shape of the dropout-rate distribution, finite, {@code > 0}
 * @param beta scale of the dropout-rate distribution, finite, {@code > 0}
 * @since 0.1
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements TransactionModel {
  static final String[] NAMES = {"r", "alpha", "s", "beta"};
  private static final double TOLERANCE = 1e-12;

  /**
   * Validates the parameters.
   *
   * @param r see the class description
   * @param alpha see the class description
   * @param s see the class description
   * @param beta see the class description
   * @throws IllegalArgumentException naming a parameter that is not finite and positive
   */
  public ParetoNbd {
    Parameters.positive("r", r);
    Parameters.positive("alpha", alpha);
    Parameters.positive("s", s);
    Parameters.positive("beta", beta);
  }

  /**
   * Fits the model by maximum likelihood on customers' calibration-period patterns.
   *
   * @param patterns the patterns, each with its number of customers
   * @return the fit, with parameters {@code r, alpha, s, beta}
   * @throws IllegalArgumentException if there are no patterns
   * @throws ModelFitException if the optimiser does not converge to a proper maximum
   */
  public static ModelFit<ParetoNbd> fit(Collection<RepeatPattern> patterns) {
    RepeatPattern[] data = Parameters.patterns(patterns, "Pareto/NBD");
    long customers = Parameters.customers(data);
    MaximumLikelihood.Optimum o = MaximumLikelihood.fit("Pareto/NBD", NAMES, new double[] {1, 1, 1, 1},
        v -> evaluate(data, v[0], v[1], v[2], v[3], null), v -> {
          double[] g = new double[4];
          evaluate(data, v[0], v[1], v[2], v[3], g);
          return g;
        }, customers);
    double[] v = o.parameters();
    return ModelFit.of(new ParetoNbd(v[0], v[1], v[2], v[3]), NAMES, o, customers);
  }

  @Override
  public double logLikelihood(Collection<RepeatPattern> patterns) {
    return evaluate(requireNonNull(patterns, "patterns").toArray(new RepeatPattern[0]), r, alpha, s, beta, null);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The share of the likelihood's first term: {@code 1 / (1 + s · I · (α+T)^(r+x) (β+T)^s)}.
   */
  @Override
  public double probabilityAlive(RepeatPattern p) {
    requireNonNull(p, "pattern");
    double x = p.x();
    double first = -(r + x) * Math.log(alpha + p.T()) - s * Math.log(beta + p.T());
    double second = Math.log(s) + logIntegral(r + x, alpha, s, beta, p.tx(), p.T(), null);
    return Parameters.logistic(second - first);
  }

  /**
   * {@inheritDoc}
   *
   * <p>P(alive) · (r+x)/(α+T) · (β+T)/(s−1) · [1 − ((β+T)/(β+T+t))^(s−1)] (Schmittlein, Morrison
   * &amp; Colombo 1987, equation 22), with the bracket over s − 1 evaluated so that s = 1 (where
   * it becomes ln(1 + t/(β+T))) is no special case.
   */
  @Override
  public double expectedTransactions(RepeatPattern p, double t) {
    requireNonNull(p, "pattern");
    Parameters.horizon("t", t);
    double alive = probabilityAlive(p);
    if (t == 0 || alive == 0) {
      return 0;
    }
    double bt = beta + p.T();
    double e = alive * (r + p.x()) / (alpha + p.T()) * bt * lifetimeFraction(s - 1, Math.log1p(t / bt));
    return finite(e);
  }

  /**
   * {@inheritDoc}
   *
   * <p>rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)] (equation 17 of the paper).
   */
  @Override
  public double expectedTransactions(double t) {
    Parameters.horizon("t", t);
    if (t == 0) {
      return 0;
    }
    return finite(r / alpha * beta * lifetimeFraction(s - 1, Math.log1p(t / beta)));
  }

  @Override
  public Map<String, Double> parameters() {
    return Parameters.named(NAMES, r, alpha, s, beta);
  }

  private static double finite(double e) {
    if (!(e >= 0 && e <= Double.MAX_VALUE)) {
      throw new ArithmeticException("Pareto/NBD expected transactions overflow a double");
    }
    return e;
  }

  /** (1 − e^(−uL))/u, continuous at u = 0 where it is L. */
  private static double lifetimeFraction(double u, double logRatio) {
    double ul = u * logRatio;
    if (Math.abs(ul) < 1e-8) {
      return logRatio * (1 - ul / 2);
    }
    return -Math.expm1(-ul) / u;
  }

  /**
   * ln I for I = ∫_{tx}^{T} (α+τ)^−m (β+τ)^−(s+1) dτ; −∞ when tx = T. When {@code moments} is not
   * null it receives the integrand-weighted means of ln(α+τ), 1/(α+τ), ln(β+τ) and 1/(β+τ).
   */
  static double logIntegral(double m, double alpha, double s, double beta, double tx, double T, double[] moments) {
    if (!(T > tx)) {
      if (moments != null) {
        // The limit of the weighted means as the interval shrinks to the point tx.
        moments[0] = Math.log(alpha + tx);
        moments[1] = 1 / (alpha + tx);
        moments[2] = Math.log(beta + tx);
        moments[3] = 1 / (beta + tx);
      }
      return Double.NEGATIVE_INFINITY;
    }
    int dim = moments == null ? 1 : 5;
    double laTx = Math.log(alpha + tx);
    double lbTx = Math.log(beta + tx);
    Quadrature.Integrand integrand = (tau, out) -> {
      // Relative to tx through log1p: for m up to 1e6 the exponent is then exact to rounding, where
      // −m ln(α+τ) + m ln(α+tx) would lose up to nine digits to cancellation.
      double da = Math.log1p((tau - tx) / (alpha + tx));
      double db = Math.log1p((tau - tx) / (beta + tx));
      double f = Math.exp(-m * da - (s + 1) * db);
      out[0] = f;
      if (out.length > 1) {
        double la = laTx + da;
        double lb = lbTx + db;
        out[1] = f * la;
        out[2] = f / (alpha + tau);
        out[3] = f * lb;
        out[4] = f / (beta + tau);
      }
    };
    // The integrand falls fastest at tx, at rate k0, and ever more slowly after (it is log-convex).
    // Pieces of widths 1/k0, 4/k0, 16/k0, … put every scale of its decay in front of the
    // quadrature, which on [tx, T] in one piece could miss a spike of width 1/k0 at tx. Once the
    // rest is below 1e-17 of the sum (the integrand at a piece's start bounds it), stop.
    double k0 = m / (alpha + tx) + (s + 1) / (beta + tx);
    double[] v = new double[dim];
    double start = tx;
    double width = 1 / k0;
    double[] value = new double[1];
    while (start < T) {
      double end = Math.min(T, start + width);
      if (!(end > start)) {
        break;
      }
      double[] piece = Quadrature.integrate(integrand, dim, start, end, TOLERANCE, TOLERANCE * v[0]);
      for (int i = 0; i < dim; i++) {
        v[i] += piece[i];
      }
      start = end;
      width *= 4;
      integrand.at(start, value);
      if (value[0] * (T - start) < 1e-17 * v[0]) {
        break;
      }
    }
    if (moments != null) {
      for (int i = 0; i < 4; i++) {
        moments[i] = v[i + 1] / v[0];
      }
    }
    return -m * laTx - (s + 1) * lbTx + Math.log(v[0]);
  }

  /** The total log-likelihood; when {@code gradient} is not null, also its gradient. */
  private static double evaluate(RepeatPattern[] data, double r, double alpha, double s, double beta,
      double[] gradient) {
    double lgR = LogGamma.value(r);
    double psiR = Digamma.value(r);
    double logAlpha = Math.log(alpha);
    double logBeta = Math.log(beta);
    double logS = Math.log(s);
    double[] moments = gradient == null ? null : new double[4];
    double sum = 0;
    double gr = 0;
    double ga = 0;
    double gs = 0;
    double gb = 0;
    for (RepeatPattern p : data) {
      double x = p.x();
      double n = p.customers();
      double laT = Math.log(alpha + p.T());
      double lbT = Math.log(beta + p.T());
      double first = -(r + x) * laT - s * lbT;
      double second = logS + logIntegral(r + x, alpha, s, beta, p.tx(), p.T(), moments);
      double bracket = Parameters.logSumExp(first, second);
      sum += n * (LogGamma.value(r + x) - lgR + r * logAlpha + s * logBeta + bracket);
      if (gradient != null) {
        double w2 = Math.exp(second - bracket);
        double w1 = 1 - w2;
        gr += n * (Digamma.value(r + x) - psiR + logAlpha - w1 * laT - w2 * moments[0]);
        ga += n * (r / alpha - w1 * (r + x) / (alpha + p.T()) - w2 * (r + x) * moments[1]);
        gs += n * (logBeta - w1 * lbT + w2 * (1 / s - moments[2]));
        gb += n * (s / beta - w1 * s / (beta + p.T()) - w2 * (s + 1) * moments[3]);
      }
    }
    if (gradient != null) {
      gradient[0] = gr;
      gradient[1] = ga;
      gradient[2] = gs;
      gradient[3] = gb;
    }
    return sum;
  }
}

package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The Gamma-Gompertz/NBD model of Bemmaor &amp; Glady (2012), "Modeling Purchasing Behavior with
 * Sudden 'Death': A Flexible Customer Lifetime Model", <i>Management Science</i> 58(5), 1012–1021:
 * while alive, a customer buys at Poisson rate λ ~ Gamma(r, α); their lifetime is Gompertz,
 * P(τ &gt; t | η) = exp(−η(e<sup>bt</sup> − 1)), with η ~ Gamma(s, β), so that the population's
 * survival is S(t) = (β / (β + e<sup>bt</sup> − 1))<sup>s</sup>. The Gompertz rate b lets the
 * dropout hazard rise (or, across customers, fall) with the customer's age; as b → 0 with β/b
 * fixed, the model becomes Pareto/NBD with dropout scale β/b.
 *
 * <p>Likelihood of one customer (x, t<sub>x</sub>, T), the paper's equation (5):
 *
 * <pre>
 * L = Γ(r+x) α^r / Γ(r) · [ (α+T)^−(r+x) S(T) + b s β^s ∫_{t_x}^{T} (α+τ)^−(r+x) e^{bτ} (β+e^{bτ}−1)^−(s+1) dτ ]
 * </pre>
 *
 * <p>The integral has no closed form; it is evaluated with the moments its gradient needs by
 * adaptive Gauss–Kronrod quadrature, with ln(β + e<sup>bτ</sup> − 1) computed as bτ + ln(βe<sup>−bτ</sup>
 * − expm1(−bτ)), a sum of positive terms, so that neither a large bτ nor a β near 0 loses digits.
 * The fit uses the analytic gradient and a Hessian differenced from it.
 *
 * <p>Predictions condition on survival to T: a customer alive at T has η ~ Gamma(s, β + e<sup>bT</sup>
 * − 1), so stays alive to T + u with probability R(u) = ((β + e<sup>bT</sup> − 1) / (β +
 * e<sup>b(T+u)</sup> − 1))<sup>s</sup>, and makes in expectation (r+x)/(α+T) · ∫₀ᵗ R(u) du purchases
 * in the next t.
 *
 * <p>On CDNOW the likelihood rises toward b → 0 (CLVTools' test suite reports b = 1.1e-6 and
 * β = 1.3e-5 with the Pareto/NBD's log-likelihood, −9,594.98): those data have no ageing of the
 * dropout rate, and {@link #fit} says so with a boundary {@link ModelFitException}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param r shape of the purchase-rate distribution, finite, {@code > 0}
 * @param alpha scale of the purchase-rate distribution, finite, {@code > 0}
 * @param b the Gompertz rate of ageing, finite, {@code > 0}
 * @param s shape of the Gompertz scale's distribution, finite, {@code > 0}
 * @param beta scale of the Gompertz scale's distribution, finite, {@code > 0}
 * @since 0.2
 * @serial exclude
 */
public record GGompertzNbd(double r, double alpha, double b, double s, double beta)
    implements TransactionModel, Serializable {
  private static final long serialVersionUID = 1L;

  static final String[] NAMES = {"r", "alpha", "b", "s", "beta"};
  /** The quadrature's relative tolerance. */
  private static final double TOLERANCE = 1e-11;

  /**
   * Validates the parameters.
   *
   * @param r see the class description
   * @param alpha see the class description
   * @param b see the class description
   * @param s see the class description
   * @param beta see the class description
   * @throws IllegalArgumentException naming a parameter that is not finite and positive
   */
  public GGompertzNbd {
    Parameters.positive("r", r);
    Parameters.positive("alpha", alpha);
    Parameters.positive("b", b);
    Parameters.positive("s", s);
    Parameters.positive("beta", beta);
  }

  /**
   * Fits the model by maximum likelihood on customers' calibration-period patterns.
   *
   * @param patterns the patterns, each with its number of customers
   * @return the fit, with parameters {@code r, alpha, b, s, beta}
   * @throws IllegalArgumentException if there are no patterns
   * @throws ModelFitException if the optimiser does not converge to a proper maximum, such as when
   *     the data fit the Pareto/NBD limit b → 0
   */
  public static ModelFit<GGompertzNbd> fit(Collection<RepeatPattern> patterns) {
    RepeatPattern[] data = Parameters.patterns(patterns, "GGompertz/NBD");
    long customers = Parameters.customers(data);
    MaximumLikelihood.Optimum o = MaximumLikelihood.fit("GGompertz/NBD", NAMES, start(List.of(data)),
        v -> total(data, v, null), v -> {
          double[] g = new double[5];
          total(data, v, g);
          return g;
        }, customers);
    double[] v = o.parameters();
    return ModelFit.of(new GGompertzNbd(v[0], v[1], v[2], v[3], v[4]), NAMES, o, customers);
  }

  /**
   * The optimiser's start: r = s = 1, α = the customers' mean T (a scale in the data's unit), b =
   * 1 / mean T (an ageing that matters within the data) and β = 1.
   */
  static double[] start(List<RepeatPattern> data) {
    double weighted = 0;
    double customers = 0;
    for (RepeatPattern p : data) {
      weighted += p.T() * p.customers();
      customers += p.customers();
    }
    double scale = weighted / customers;
    if (!(scale > 0 && scale <= Double.MAX_VALUE)) {
      scale = 1;
    }
    return new double[] {1, scale, 1 / scale, 1, 1};
  }

  private static double total(RepeatPattern[] data, double[] v, double[] gradient) {
    double sum = 0;
    double[] g = gradient == null ? null : new double[5];
    if (gradient != null) {
      java.util.Arrays.fill(gradient, 0);
    }
    for (RepeatPattern p : data) {
      double ll = evaluate(p, v[0], v[1], v[2], v[3], v[4], g);
      sum += p.customers() * ll;
      if (gradient != null) {
        for (int i = 0; i < 5; i++) {
          gradient[i] += p.customers() * g[i];
        }
      }
    }
    return sum;
  }

  @Override
  public double logLikelihood(Collection<RepeatPattern> patterns) {
    RepeatPattern[] data = requireNonNull(patterns, "patterns").toArray(new RepeatPattern[0]);
    return total(data, new double[] {r, alpha, b, s, beta}, null);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The share of the likelihood's first term.
   */
  @Override
  public double probabilityAlive(RepeatPattern p) {
    requireNonNull(p, "pattern");
    double[] terms = terms(p, r, alpha, b, s, beta, null);
    return Parameters.logistic(terms[1] - terms[0]);
  }

  /**
   * {@inheritDoc}
   *
   * <p>P(alive) · ∫₀ᵗ (r+x)/(α+T) · ((α+T)/(α+T+u))^(r+x+1) · R(u) du, by quadrature after the change
   * of variable u = (α+T)(e^(vL) − 1), L = ln(1 + t/(α+T)).
   */
  @Override
  public double probabilityOfRepeat(RepeatPattern p, double t) {
    requireNonNull(p, "pattern");
    Parameters.horizon("t", t);
    double alive = probabilityAlive(p);
    if (t == 0 || alive == 0) {
      return 0;
    }
    double c = alpha + p.T();
    double shape = r + p.x();
    double span = Math.log1p(t / c);
    double at = logD(p.T());
    double[] integral = Quadrature.integrate((v, out) -> {
      double u = c * Math.expm1(v * span);
      out[0] = shape * span * Math.exp(-shape * v * span + s * (at - logD(p.T() + u)));
    }, 1, 0, 1, 1e-10, 0);
    return Math.min(1, alive * Math.min(1, integral[0]));
  }

  /**
   * {@inheritDoc}
   *
   * <p>P(alive) · (r+x)/(α+T) · ∫₀ᵗ R(u) du.
   */
  @Override
  public double expectedTransactions(RepeatPattern p, double t) {
    requireNonNull(p, "pattern");
    Parameters.horizon("t", t);
    double alive = probabilityAlive(p);
    if (t == 0 || alive == 0) {
      return 0;
    }
    double at = logD(p.T());
    double[] integral = Quadrature.integrate((u, out) -> out[0] = Math.exp(s * (at - logD(p.T() + u))), 1, 0, t,
        1e-10, 0);
    return finite(alive * (r + p.x()) / (alpha + p.T()) * integral[0]);
  }

  /**
   * {@inheritDoc}
   *
   * <p>r/α · ∫₀ᵗ S(u) du (Bemmaor &amp; Glady 2012, equation 7 before its integration by parts).
   */
  @Override
  public double expectedTransactions(double t) {
    Parameters.horizon("t", t);
    if (t == 0) {
      return 0;
    }
    double at = Math.log(beta);
    double[] integral = Quadrature.integrate((u, out) -> out[0] = Math.exp(s * (at - logD(u))), 1, 0, t, 1e-10, 0);
    return finite(r / alpha * integral[0]);
  }

  /**
   * Returns the population's survival S(t) = (β / (β + e<sup>bt</sup> − 1))<sup>s</sup>: the share of
   * customers still alive t after their first purchase.
   *
   * @param t the age, finite, {@code >= 0}
   * @return the survival, in [0, 1]
   */
  public double survival(double t) {
    Parameters.horizon("t", t);
    return Math.exp(s * (Math.log(beta) - logD(t)));
  }

  @Override
  public Map<String, Double> parameters() {
    return Parameters.named(NAMES, r, alpha, b, s, beta);
  }

  private double logD(double tau) {
    return logD(b, beta, tau);
  }

  /** ln(β + e^{bτ} − 1) as bτ + ln(βe^{−bτ} − expm1(−bτ)), both terms of the sum positive. */
  static double logD(double b, double beta, double tau) {
    double u = Math.exp(-b * tau);
    return b * tau + Math.log(beta * u - Math.expm1(-b * tau));
  }

  private static double finite(double e) {
    if (!(e >= 0 && e <= Double.MAX_VALUE)) {
      throw new ArithmeticException("GGompertz/NBD expected transactions overflow a double");
    }
    return e;
  }

  /**
   * One customer's log-likelihood (ignoring the pattern's count), with its gradient in (r, α, b, s,
   * β) when {@code gradient} is not null.
   */
  static double evaluate(RepeatPattern p, double r, double alpha, double b, double s, double beta,
      double[] gradient) {
    double m = r + p.x();
    double[] moments = gradient == null ? null : new double[5];
    double[] terms = terms(p, r, alpha, b, s, beta, moments);
    double lnA = terms[0];
    double lnB = terms[1];
    double bracket = Parameters.logSumExp(lnA, lnB);
    double k = LogGamma.value(m) - LogGamma.value(r) + r * Math.log(alpha);
    if (gradient != null) {
      double w2 = Math.exp(lnB - bracket);
      double w1 = 1 - w2;
      double T = p.T();
      double logBeta = Math.log(beta);
      double dT = logD(b, beta, T);
      double uT = Math.exp(-b * T);
      double denT = beta * uT - Math.expm1(-b * T);
      // ∂ ln A.
      double aR = -Math.log(alpha + T);
      double aAlpha = -m / (alpha + T);
      double aB = -s * T / denT;
      double aS = logBeta - dT;
      double aBeta = s / beta - s * uT / denT;
      // ∂ ln B = ∂(ln b + ln s + s ln β) + E_w[∂ ln integrand].
      double bR = -moments[0];
      double bAlpha = -m * moments[1];
      double bB = 1 / b + moments[2];
      double bS = 1 / s + logBeta - moments[3];
      double bBeta = s / beta - (s + 1) * moments[4];
      gradient[0] = Digamma.value(m) - Digamma.value(r) + Math.log(alpha) + w1 * aR + w2 * bR;
      gradient[1] = r / alpha + w1 * aAlpha + w2 * bAlpha;
      gradient[2] = w1 * aB + w2 * bB;
      gradient[3] = w1 * aS + w2 * bS;
      gradient[4] = w1 * aBeta + w2 * bBeta;
    }
    return k + bracket;
  }

  /**
   * The two terms of the bracket, logged: ln A = −(r+x) ln(α+T) + s ln β − s ln(β+e^{bT}−1), and
   * ln B = ln b + ln s + s ln β + ln I (−∞ when t<sub>x</sub> = T). With {@code moments} (length 5)
   * also the means under I's integrand of ln(α+τ), 1/(α+τ), τ − (s+1)τe^{bτ}/(β+e^{bτ}−1),
   * ln(β+e^{bτ}−1) and 1/(β+e^{bτ}−1).
   */
  private static double[] terms(RepeatPattern p, double r, double alpha, double b, double s, double beta,
      double[] moments) {
    double m = r + p.x();
    double T = p.T();
    double tx = p.tx();
    double logBeta = Math.log(beta);
    double lnA = -m * Math.log(alpha + T) + s * (logBeta - logD(b, beta, T));
    if (!(T > tx)) {
      if (moments != null) {
        java.util.Arrays.fill(moments, 0);
      }
      return new double[] {lnA, Double.NEGATIVE_INFINITY};
    }
    double logI = logIntegral(m, alpha, b, s, beta, tx, T, moments);
    return new double[] {lnA, Math.log(b) + Math.log(s) + s * logBeta + logI};
  }

  /**
   * ln ∫_{tx}^{T} (α+τ)^−m e^{bτ} (β+e^{bτ}−1)^−(s+1) dτ, by quadrature of the integrand relative to
   * its value at t<sub>x</sub>, in pieces of growing width from t<sub>x</sub> (1, 4, 16, … times the
   * scale on which its logarithm changes there), so that a spike at t<sub>x</sub> is not missed.
   */
  static double logIntegral(double m, double alpha, double b, double s, double beta, double tx, double T,
      double[] moments) {
    double h0 = logIntegrand(m, alpha, b, s, beta, tx);
    int dim = moments == null ? 1 : 6;
    Quadrature.Integrand f = (tau, out) -> {
      double w = Math.exp(logIntegrand(m, alpha, b, s, beta, tau) - h0);
      out[0] = w;
      if (out.length > 1) {
        double u = Math.exp(-b * tau);
        double den = beta * u - Math.expm1(-b * tau);
        out[1] = w * Math.log(alpha + tau);
        out[2] = w / (alpha + tau);
        out[3] = w * (tau - (s + 1) * tau / den);
        out[4] = w * (b * tau + Math.log(den));
        out[5] = w * u / den;
      }
    };
    double u0 = Math.exp(-b * tx);
    double den0 = beta * u0 - Math.expm1(-b * tx);
    double slope = Math.abs(-m / (alpha + tx) + b * (1 - (s + 1) / den0));
    double width = 1 / Math.max(slope, 1e-12 / Math.max(T - tx, Double.MIN_NORMAL));
    double[] v = new double[dim];
    double start = tx;
    while (start < T) {
      double end = Math.min(T, start + width);
      if (!(end > start)) {
        break;
      }
      double[] piece = Quadrature.integrate(f, dim, start, end, TOLERANCE, TOLERANCE * v[0]);
      for (int i = 0; i < dim; i++) {
        v[i] += piece[i];
      }
      start = end;
      width *= 4;
    }
    if (moments != null) {
      for (int i = 0; i < 5; i++) {
        moments[i] = v[i + 1] / v[0];
      }
    }
    return h0 + Math.log(v[0]);
  }

  /** ln of the integrand: −m ln(α+τ) + bτ − (s+1) ln(β+e^{bτ}−1). */
  private static double logIntegrand(double m, double alpha, double b, double s, double beta, double tau) {
    return -m * Math.log(alpha + tau) + b * tau - (s + 1) * logD(b, beta, tau);
  }
}

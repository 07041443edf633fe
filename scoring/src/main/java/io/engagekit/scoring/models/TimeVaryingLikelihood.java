package io.engagekit.scoring.models;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The likelihood of {@link TimeVaryingParetoNbd} for one customer, with its analytic gradient.
 *
 * <p>With c(τ) = exp(γ<sub>trans</sub>·x(τ)), d(τ) = exp(γ<sub>life</sub>·z(τ)), A(τ) = ∫₀^τ c
 * and B(τ) = ∫₀^τ d, a customer's purchase rate λc(τ) and dropout rate μd(τ), λ ~ Gamma(r, α) and
 * μ ~ Gamma(s, β), give (integrating λ and μ out)
 *
 * <pre>
 * L = Γ(r+x)/Γ(r) α^r Π_j c(t_j) [ (α+A(T))^−(r+x) (β/(β+B(T)))^s
 *                                 + s β^s ∫_{t_x}^{T} (α+A(τ))^−(r+x) d(τ) (β+B(τ))^−(s+1) dτ ].
 * </pre>
 *
 * <p>On a piece where the covariates are constant (c, d), α + A(τ) = c(α̃ + u) and β + B(τ) =
 * d(β̃ + u) with u the time into the piece, so the piece's share of the integral is d·c^−(r+x)·
 * d^−(s+1) times Pareto/NBD's own integral at (α̃, β̃) ({@link ParetoNbdIntegral}), whose moments
 * give the gradient in closed form too. With constant covariates the likelihood is that of {@link
 * CovariateModel}'s Pareto/NBD; with no covariates, Pareto/NBD's. Stateless.
 */
final class TimeVaryingLikelihood {
  private TimeVaryingLikelihood() {}

  /** One customer's data, arranged for evaluation: pieces clipped to [0, T]. */
  record Prepared(long x, double tx, double T, double[] purchaseTrans, double[] start, double[] end,
      double[][] trans, double[][] life, long customers) {
    static Prepared of(CovariatePath p, int transCount, int lifeCount) {
      double[][] tr = p.trans();
      double[][] li = p.life();
      if (tr[0].length != transCount || li[0].length != lifeCount) {
        throw new IllegalArgumentException("a path has " + tr[0].length + " transaction and " + li[0].length
            + " lifetime covariates, but the model has " + transCount + " and " + lifeCount);
      }
      double[] starts = p.starts();
      int pieces = 0;
      while (pieces < starts.length && (starts[pieces] < p.T() || pieces == 0)) {
        pieces++;
      }
      double[] start = new double[pieces];
      double[] end = new double[pieces];
      double[][] t = new double[pieces][];
      double[][] l = new double[pieces][];
      for (int k = 0; k < pieces; k++) {
        start[k] = starts[k];
        end[k] = k + 1 < starts.length ? Math.min(starts[k + 1], p.T()) : p.T();
        t[k] = tr[k];
        l[k] = li[k];
      }
      double[] purchases = p.purchases();
      double[] sum = new double[transCount];
      int k = 0;
      for (double when : purchases) {
        while (k + 1 < starts.length && starts[k + 1] <= when) {
          k++;
        }
        for (int j = 0; j < transCount; j++) {
          sum[j] += tr[k][j];
        }
      }
      RepeatPattern q = p.pattern();
      return new Prepared(q.x(), q.tx(), q.T(), sum, start, end, t, l, 1);
    }
  }

  /**
   * The customer's log-likelihood at (r, α, s, β) and coefficients; fills {@code terms} with (ln of
   * the alive term, ln of the dropout term, A(T)) and, when {@code gradient} is not null, the
   * gradient in (r, α, s, β, γ<sub>life</sub>, γ<sub>trans</sub>).
   */
  static double evaluate(Prepared c, double r, double alpha, double s, double beta, double[] life, double[] trans,
      double[] terms, double[] gradient) {
    int p = trans.length;
    int q = life.length;
    int n = 4 + q + p;
    double m = r + c.x();
    double a = 0;
    double b = 0;
    double[] ap = new double[p];
    double[] bp = new double[q];
    double logI = Double.NEGATIVE_INFINITY;
    double[] moments = gradient == null ? null : new double[ParetoNbdIntegral.MEANS];
    double[] e = gradient == null ? null : new double[n]; // E[∂ ln f] over the integral, running
    double[] piece = gradient == null ? null : new double[n];
    for (int k = 0; k < c.start().length; k++) {
      double lc = dot(trans, c.trans()[k]);
      double ld = dot(life, c.life()[k]);
      double ck = Math.exp(lc);
      double dk = Math.exp(ld);
      double from = Math.max(c.tx(), c.start()[k]) - c.start()[k];
      double to = c.end()[k] - c.start()[k];
      if (to > from) {
        double at = (alpha + a) / ck;
        double bt = (beta + b) / dk;
        double logPiece = ld - m * lc - (s + 1) * ld + ParetoNbdIntegral.logIntegral(m, at, s, bt, from, to, moments);
        double total = Parameters.logSumExp(logI, logPiece);
        if (gradient != null) {
          piece[0] = -(lc + moments[0]);
          piece[1] = -m * moments[1] / ck;
          piece[2] = -(ld + moments[2]);
          piece[3] = -(s + 1) * moments[3] / dk;
          for (int j = 0; j < q; j++) {
            double z = c.life()[k][j];
            piece[4 + j] = z - (s + 1) * (z + (bp[j] - z * (beta + b)) / dk * moments[3]);
          }
          for (int j = 0; j < p; j++) {
            double x = c.trans()[k][j];
            piece[4 + q + j] = -m * (x + (ap[j] - x * (alpha + a)) / ck * moments[1]);
          }
          double old = logI == Double.NEGATIVE_INFINITY ? 0 : Math.exp(logI - total);
          double add = Math.exp(logPiece - total);
          for (int i = 0; i < n; i++) {
            e[i] = e[i] * old + piece[i] * add;
          }
        }
        logI = total;
      }
      double len = c.end()[k] - c.start()[k];
      a += ck * len;
      b += dk * len;
      for (int j = 0; j < p; j++) {
        ap[j] += ck * c.trans()[k][j] * len;
      }
      for (int j = 0; j < q; j++) {
        bp[j] += dk * c.life()[k][j] * len;
      }
    }
    double logBeta = Math.log(beta);
    double laT = Math.log(alpha + a);
    double lbT = Math.log(beta + b);
    double lnA = -m * laT + s * (logBeta - lbT);
    double lnB = c.T() > c.tx() ? Math.log(s) + s * logBeta + logI : Double.NEGATIVE_INFINITY;
    double bracket = Parameters.logSumExp(lnA, lnB);
    double k = LogGamma.value(m) - LogGamma.value(r) + r * Math.log(alpha) + dot(trans, c.purchaseTrans());
    if (terms != null) {
      terms[0] = lnA;
      terms[1] = lnB;
      terms[2] = a;
      terms[3] = b;
    }
    if (gradient != null) {
      double w2 = Math.exp(lnB - bracket);
      double w1 = 1 - w2;
      double[] ga = new double[n];
      ga[0] = -laT;
      ga[1] = -m / (alpha + a);
      ga[2] = logBeta - lbT;
      ga[3] = s / beta - s / (beta + b);
      for (int j = 0; j < q; j++) {
        ga[4 + j] = -s * bp[j] / (beta + b);
      }
      for (int j = 0; j < p; j++) {
        ga[4 + q + j] = -m * ap[j] / (alpha + a);
      }
      java.util.Arrays.fill(gradient, 0);
      gradient[0] = Digamma.value(m) - Digamma.value(r) + Math.log(alpha);
      gradient[1] = r / alpha;
      for (int j = 0; j < p; j++) {
        gradient[4 + q + j] = c.purchaseTrans()[j];
      }
      for (int i = 0; i < n; i++) {
        double gb = w2 > 0 ? e[i] + (i == 2 ? 1 / s + logBeta : i == 3 ? s / beta : 0) : 0;
        gradient[i] += w1 * ga[i] + w2 * gb;
      }
    }
    return k + bracket;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}

package io.engagekit.scoring.models;

import org.apache.commons.numbers.gamma.LogBeta;

/**
 * Expectations over the dropout mixtures of the BG/NBD family, by quadrature in the variables
 * that make the Beta density smooth: the closed forms of the papers go through the Gauss
 * hypergeometric function with a factor 1/(a − 1), which cancels catastrophically near a = 1 and
 * needs the function near argument 1 for long horizons.
 */
final class Mixtures {
  private static final double TOLERANCE = 1e-11;

  private Mixtures() {}

  /**
   * The same expectation from its closed form, when a series can vouch for it to about 1e-12
   * relative; NaN otherwise, and the caller integrates.
   *
   * <p>The closed form (Fader, Hardie &amp; Lee 2005, equation 10, with B = b, m = r + x) is
   * (a+B−1)/(a−1) · [1 − (1−z)^m ₂F₁(m, B; c; z)] with z = k/(1+k), c = a+B−1. Euler's
   * transformation ₂F₁(m, B; c; z) = (1−z)^(c−m−B) ₂F₁(c−m, a−1; c; z) puts the factor a − 1 into
   * every term after the first, so the bracket over a − 1 is
   * L − (1−z)^(a−1) Σ_{n≥1} (c−m)_n (a)_{n−1} z^n / ((c)_n n!), with
   * L = −expm1((a−1) ln(1−z)) / (a−1) (= −ln(1−z) at a = 1): no cancellation near a = 1. The
   * series converges geometrically in z; it is used when it converges within 2,000 terms and the
   * final subtraction, with the rounding of n terms, leaves about 1e-12 relative.
   */
  static double series(double a, double b, double m, double k) {
    double c = a + b - 1;
    if (!(c > 0) || !(k > 0)) {
      return Double.NaN;
    }
    double z = k / (1 + k);
    double log1mz = -Math.log1p(k);
    double e = a - 1;
    double u = e * log1mz;
    double l = e == 0 ? -log1mz : u == 0 ? -log1mz : -Math.expm1(u) / u * log1mz;
    double w = Math.exp(u);
    double p = c - m;
    double term = p * z / c;
    double sum = term;
    double sumAbs = Math.abs(term);
    int n = 1;
    while (Math.abs(term) > 1e-17 * sumAbs) {
      if (n >= 2000) {
        return Double.NaN;
      }
      term *= (p + n) * (a + n - 1) * z / ((c + n) * (n + 1));
      sum += term;
      sumAbs += Math.abs(term);
      n++;
    }
    double bracket = l - w * sum;
    double scale = Math.abs(l) + w * sumAbs;
    // Rounding: about n ulps of the terms, magnified by the cancellation scale / bracket.
    if (!(bracket > 0) || !(scale * n <= 1e4 * bracket) || !(w * sumAbs <= Double.MAX_VALUE)) {
      return Double.NaN;
    }
    double result = c * bracket;
    return result <= Double.MAX_VALUE ? result : Double.NaN;
  }

  /**
   * E<sub>p ~ Beta(a, b)</sub>[(1 − (1 + k p)^−m) / p]: the expected number of purchases of a
   * customer buying at a Gamma(m, ·)-mixed Poisson rate who drops out after each purchase with
   * probability p, over a horizon that is k times the rate's scale. Finite and in (0, m·k] for
   * k &gt; 0.
   */
  static double betaPurchases(double a, double b, double m, double k) {
    if (k == 0) {
      return 0;
    }
    double fast = series(a, b, m, k);
    if (fast == fast) {
      return Math.min(fast, m * k);
    }
    return byQuadrature(a, b, m, k);
  }

  /** {@link #betaPurchases} by quadrature alone, for k &gt; 0. */
  static double byQuadrature(double a, double b, double m, double k) {
    double logB = LogBeta.value(a, b);
    double c = a / (a + b); // the mean: both sides hold a share of the mass
    if (!(c > 0 && c < 1)) {
      c = 0.5;
    }
    double left = side(a, b, m, k, c, logB, true);
    double right = side(b, a, m, k, 1 - c, logB, false);
    double e = left + right;
    if (!(e >= 0 && e <= Double.MAX_VALUE)) {
      throw new ArithmeticException("expected purchases are not finite (a = " + a + ", b = " + b + ", m = " + m
          + ", k = " + k + ")");
    }
    return Math.min(e, m * k); // the integrand is at most m·k, so only rounding can exceed it
  }

  /**
   * The integral over the side [0, c] of u ~ Beta(u-shape s, other shape o), where u = p on the
   * left and u = 1 − p on the right. For s ≤ 1 the density is singular at u = 0, so the variable
   * is v = (u/c)^s, in which u^(s−1) du = c^s/s dv is flat.
   */
  private static double side(double s, double o, double m, double k, double c, double logB, boolean left) {
    Quadrature.Integrand f;
    double lo;
    double hi;
    double scale;
    if (s <= 1) {
      double logC = Math.log(c);
      f = (v, out) -> {
        double u = v <= 0 ? 0 : Math.exp((logC + Math.log(v) / s));
        double p = left ? u : 1 - u;
        double q = 1 - u;
        double logQ = Math.log1p(-u);
        out[0] = q <= 0 ? 0 : Math.exp((o - 1) * logQ) * purchases(p, m, k);
      };
      lo = 0;
      hi = 1;
      scale = Math.exp(s * logC - Math.log(s) - logB);
    } else {
      f = (u, out) -> {
        double p = left ? u : 1 - u;
        double q = 1 - u;
        double logQ = Math.log1p(-u);
        out[0] = u <= 0 || q <= 0 ? 0
            : Math.exp((s - 1) * Math.log(u) + (o - 1) * logQ - logB) * purchases(p, m, k);
      };
      lo = 0;
      hi = c;
      scale = 1;
    }
    double integral = Quadrature.integrate(f, 1, lo, hi, TOLERANCE, 0)[0];
    return integral == 0 ? 0 : integral * scale;
  }

  /** (1 − (1 + k p)^−m) / p, continuous at p = 0 where it is m·k. */
  static double purchases(double p, double m, double k) {
    double kp = k * p;
    if (kp * (m + 1) < 1e-8) {
      return m * k * (1 - (m + 1) * kp / 2);
    }
    return -Math.expm1(-m * Math.log1p(kp)) / p;
  }
}

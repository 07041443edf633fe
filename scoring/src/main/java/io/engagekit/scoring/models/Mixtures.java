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
   * E<sub>p ~ Beta(a, b)</sub>[(1 − (1 + k p)^−m) / p]: the expected number of purchases of a
   * customer buying at a Gamma(m, ·)-mixed Poisson rate who drops out after each purchase with
   * probability p, over a horizon that is k times the rate's scale. Finite and in (0, m·k] for
   * k &gt; 0.
   */
  static double betaPurchases(double a, double b, double m, double k) {
    if (k == 0) {
      return 0;
    }
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

package io.engagekit.scoring.models;

import java.util.PriorityQueue;

/**
 * Globally adaptive Gauss–Kronrod quadrature (7-point Gauss, 15-point Kronrod) of a vector of
 * integrands sharing one subdivision: the interval with the largest error estimate of the first
 * component is bisected until the total error estimate is below the relative tolerance.
 *
 * <p>The customer-base models use it where the papers use the Gauss hypergeometric function: the
 * quantities are one-dimensional integrals of positive, bounded functions (mixtures over a Beta or
 * Gamma distribution), which quadrature evaluates to near double precision for every parameter
 * value, including those where the hypergeometric series needs millions of terms or its
 * transformations near argument 1 are degenerate (integer c − a − b).
 */
final class Quadrature {
  /** Kronrod nodes in [0, 1] (the positive half; node 0 is the centre), from QUADPACK's QK15. */
  private static final double[] XK = {
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
  /** Kronrod weights matching {@link #XK}. */
  private static final double[] WK = {
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
  /** Gauss weights of the odd-indexed Kronrod nodes (1, 3, 5) and the centre. */
  private static final double[] WG = {
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

  private static final int MAX_INTERVALS = 2000;

  private Quadrature() {}

  /** A vector integrand: writes the values at {@code t} into {@code out}. */
  @FunctionalInterface
  interface Integrand {
    void at(double t, double[] out);
  }

  /** One interval's estimates. */
  private record Piece(double lo, double hi, double[] value, double error) {}

  /**
   * Integrates over [lo, hi]; component 0 drives the subdivision and must be {@code >= 0}.
   *
   * @param f the integrand, with {@code dim} components
   * @param dim the number of components
   * @param relative the relative tolerance on component 0
   * @param absolute an absolute tolerance on component 0, for a piece of a larger integral
   * @return the integrals of each component
   * @throws ArithmeticException if the error estimate is still above 1e-6 of the integral after the
   *     interval budget (below that, the budget ends the refinement: the tolerance was under the
   *     rounding floor of the integrand), or a value is not finite
   */
  static double[] integrate(Integrand f, int dim, double lo, double hi, double relative, double absolute) {
    if (!(hi > lo)) {
      return new double[dim];
    }
    PriorityQueue<Piece> queue = new PriorityQueue<>((p, q) -> Double.compare(q.error, p.error));
    Piece first = rule(f, dim, lo, hi, new double[dim], new double[dim]);
    queue.add(first);
    double[] total = first.value.clone();
    double error = first.error;
    double[] buffer = new double[dim];
    double[] scratch = new double[dim];
    int intervals = 1;
    while (error > Math.max(relative * Math.abs(total[0]), absolute) && error > Double.MIN_NORMAL) {
      if (intervals >= MAX_INTERVALS) {
        if (error <= 1e-6 * Math.abs(total[0])) {
          break;
        }
        throw new ArithmeticException("quadrature did not converge: error estimate " + error + " against "
            + Math.abs(total[0]) + " after " + intervals + " intervals");
      }
      Piece worst = queue.poll();
      double mid = 0.5 * (worst.lo + worst.hi);
      if (!(mid > worst.lo && mid < worst.hi)) {
        // The interval cannot be split in double precision: its error is as small as it will get.
        queue.add(new Piece(worst.lo, worst.hi, worst.value, 0));
        error -= worst.error;
        continue;
      }
      Piece left = rule(f, dim, worst.lo, mid, buffer, scratch);
      Piece right = rule(f, dim, mid, worst.hi, buffer, scratch);
      for (int i = 0; i < dim; i++) {
        total[i] += left.value[i] + right.value[i] - worst.value[i];
      }
      error += left.error + right.error - worst.error;
      queue.add(left);
      queue.add(right);
      intervals++;
    }
    // Re-add the pieces for the final sum: the running sum accumulates rounding over many updates.
    double[] sum = new double[dim];
    for (Piece p : queue) {
      for (int i = 0; i < dim; i++) {
        sum[i] += p.value[i];
      }
    }
    for (double v : sum) {
      if (!Double.isFinite(v)) {
        throw new ArithmeticException("quadrature: the integral is not finite");
      }
    }
    return sum;
  }

  private static Piece rule(Integrand f, int dim, double lo, double hi, double[] buffer, double[] scratch) {
    double centre = 0.5 * (lo + hi);
    double half = 0.5 * (hi - lo);
    double[] kronrod = new double[dim];
    double[] gauss = new double[dim];
    f.at(centre, buffer);
    for (int i = 0; i < dim; i++) {
      kronrod[i] = WK[7] * buffer[i];
      gauss[i] = WG[3] * buffer[i];
    }
    for (int j = 0; j < 7; j++) {
      double dx = half * XK[j];
      f.at(centre - dx, buffer);
      f.at(centre + dx, scratch);
      for (int i = 0; i < dim; i++) {
        double s = buffer[i] + scratch[i];
        kronrod[i] += WK[j] * s;
        if ((j & 1) == 1) {
          gauss[i] += WG[j >> 1] * s;
        }
      }
    }
    for (int i = 0; i < dim; i++) {
      kronrod[i] *= half;
      gauss[i] *= half;
    }
    double error = Math.abs(kronrod[0] - gauss[0]);
    if (!Double.isFinite(kronrod[0]) || !Double.isFinite(error)) {
      throw new ArithmeticException("quadrature: the integrand is not finite on [" + lo + ", " + hi + "]");
    }
    return new Piece(lo, hi, kronrod, error);
  }
}

package io.engagekit.scoring.models;

/**
 * The Pareto/NBD likelihood's one integral, I = ∫<sub>t<sub>x</sub></sub><sup>T</sup> (α+τ)<sup>−m</sup>
 * (β+τ)<sup>−(s+1)</sup> dτ, on the log scale, with the moments under it that the analytic gradient
 * and Hessian need: a convergent series where it applies, Gauss-Legendre quadrature elsewhere.
 * Stateless.
 */
final class ParetoNbdIntegral {
  /** The relative tolerance of the quadrature. */
  private static final double TOLERANCE = 1e-12;

  private ParetoNbdIntegral() {}

  /** The length of a moments array with the means only: E[ln(α+τ)], E[1/(α+τ)], E[ln(β+τ)], E[1/(β+τ)]. */
  static final int MEANS = 4;
  /**
   * The length of a moments array that also holds the covariances of those four quantities, in the
   * order (0,0), (0,1), (0,2), (0,3), (1,1), (1,2), (1,3), (2,2), (2,3), (3,3).
   */
  static final int COVARIANCES = 14;

  /**
   * ln I for I = ∫_{tx}^{T} (α+τ)^−m (β+τ)^−(s+1) dτ; −∞ when tx = T. When {@code moments} is not
   * null (length {@link #MEANS} or {@link #COVARIANCES}) it receives, under the integrand as a
   * weight, the means of ln(α+τ), 1/(α+τ), ln(β+τ) and 1/(β+τ), and with the longer array also
   * their covariances.
   */
  static double logIntegral(double m, double alpha, double s, double beta, double tx, double T, double[] moments) {
    if (!(T > tx)) {
      if (moments != null) {
        // The limit as the interval shrinks to the point tx: the means there, no spread.
        java.util.Arrays.fill(moments, 0);
        moments[0] = Math.log(alpha + tx);
        moments[1] = 1 / (alpha + tx);
        moments[2] = Math.log(beta + tx);
        moments[3] = 1 / (beta + tx);
      }
      return Double.NEGATIVE_INFINITY;
    }
    double bySeries = logIntegralBySeries(m, alpha, s, beta, tx, T, moments);
    return Double.isNaN(bySeries) ? logIntegralByQuadrature(m, alpha, s, beta, tx, T, moments) : bySeries;
  }

  /**
   * ln I by adaptive quadrature in log space; requires T &gt; t<sub>x</sub>. Moments as for {@link
   * #logIntegral}.
   */
  static double logIntegralByQuadrature(double m, double alpha, double s, double beta, double tx, double T,
      double[] moments) {
    boolean covariances = moments != null && moments.length >= COVARIANCES;
    int dim = moments == null ? 1 : covariances ? 15 : 5;
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
        // ln(α+τ) and ln(β+τ) enter relative to their values at tx, so that their spread is not
        // lost under a large common offset.
        double ra = 1 / (alpha + tau);
        double rb = 1 / (beta + tau);
        out[1] = f * da;
        out[2] = f * ra;
        out[3] = f * db;
        out[4] = f * rb;
        if (out.length > 5) {
          out[5] = out[1] * da;
          out[6] = out[1] * ra;
          out[7] = out[1] * db;
          out[8] = out[1] * rb;
          out[9] = out[2] * ra;
          out[10] = out[2] * db;
          out[11] = out[2] * rb;
          out[12] = out[3] * db;
          out[13] = out[3] * rb;
          out[14] = out[4] * rb;
        }
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
      double[] mean = new double[4];
      for (int i = 0; i < 4; i++) {
        mean[i] = v[i + 1] / v[0];
      }
      moments[0] = laTx + mean[0];
      moments[1] = mean[1];
      moments[2] = lbTx + mean[2];
      moments[3] = mean[3];
      if (covariances) {
        int c = 4;
        for (int i = 0; i < 4; i++) {
          for (int j = i; j < 4; j++) {
            moments[c] = v[c + 1] / v[0] - mean[i] * mean[j];
            c++;
          }
        }
      }
    }
    return -m * laTx - (s + 1) * lbTx + Math.log(v[0]);
  }

  /**
   * ln I by its series in y = (α−β)/(α+τ), or NaN when the series cannot vouch for near double
   * precision (|y| at t<sub>x</sub> above 1/2, s above 100, or an alternating series, α &lt; β,
   * whose terms could cancel more than two digits). When α &lt; β and that fails, the same series
   * with the two factors' roles exchanged, in (β−α)/(β+τ) &gt; 0, under the same limits with r + x
   * in place of s. Requires T &gt; t<sub>x</sub>. Moments as for {@link #logIntegral}.
   *
   * <p>With w = α+τ, the integrand is w^−(m+s+1) (1−y)^−(s+1) = Σ<sub>k</sub> (s+1)<sub>k</sub>/k!
   * (α−β)^k w^−(m+s+1+k), and each power integrates in closed form: with v = ln(w/w<sub>x</sub>)
   * over [0, L], L = ln(w<sub>T</sub>/w<sub>x</sub>), it gives w<sub>x</sub>^−n J<sub>0</sub>(n),
   * n = m+s+k, where J<sub>i</sub>(n) = ∫<sub>0</sub><sup>L</sup> v^i e^−nv dv. J<sub>0</sub> is
   * built from sums of positive numbers (1 − e^−nL = (1 − e^−(m+s)L) + e^−(m+s)L (1 − e^−kL), the
   * last by 1 − q^(k+1) = (1−q) + q(1 − q^k)), so t<sub>x</sub> close to T costs no digits, which
   * is what defeats the papers' difference of two ₂F₁ values. The moments come from the same
   * terms: a factor 1/(α+τ) = e^−v/w<sub>x</sub> shifts n by one; ln(α+τ) − ln w<sub>x</sub> = v
   * turns J<sub>0</sub> into J<sub>1</sub>, and v² into J<sub>2</sub>; ln(β+τ) = ln w + λ with λ
   * = ln(1−y), whose products with (1−y)^−(s+1) are the series differentiated in s (coefficients
   * times H<sub>k</sub> = Σ<sub>j&lt;k</sub> 1/(s+1+j), and for λ² times H<sub>k</sub>² −
   * Σ<sub>j&lt;k</sub> 1/(s+1+j)²); and each factor 1/(β+τ) = e^−v/(w<sub>x</sub>(1−y)) raises
   * s+1 by one as well.
   */
  static double logIntegralBySeries(double m, double alpha, double s, double beta, double tx, double T,
      double[] moments) {
    double bySeries = series(m, alpha, s + 1, beta, m + s, tx, T, moments);
    if (!Double.isNaN(bySeries) || !(beta > alpha)) {
      return bySeries;
    }
    // The same integral with the factors' roles exchanged: a series in (β−α)/(β+τ) > 0.
    double[] swapped = moments == null ? null : new double[moments.length];
    bySeries = series(s + 1, beta, m, alpha, m + s, tx, T, swapped);
    if (moments != null && !Double.isNaN(bySeries)) {
      int[] order = {2, 3, 0, 1};
      for (int i = 0; i < MEANS; i++) {
        moments[order[i]] = swapped[i];
      }
      if (moments.length >= COVARIANCES) {
        for (int i = 0; i < MEANS; i++) {
          for (int j = i; j < MEANS; j++) {
            moments[covariance(order[i], order[j])] = swapped[covariance(i, j)];
          }
        }
      }
    }
    return bySeries;
  }

  /** The position of the covariance of moments i and j in a moments array. */
  static int covariance(int i, int j) {
    int lo = Math.min(i, j);
    int hi = Math.max(i, j);
    return MEANS + lo * MEANS - lo * (lo - 1) / 2 + (hi - lo);
  }

  /**
   * ln ∫_{tx}^{T} (α+τ)^−p (β+τ)^−q dτ by the series in y = (α−β)/(α+τ), for {@link
   * #logIntegralBySeries}; {@code n0} = p + q − 1, computed by the caller without rounding it away.
   */
  private static double series(double p, double alpha, double q, double beta, double n0, double tx, double T,
      double[] moments) {
    double wx = alpha + tx;
    double y = (alpha - beta) / wx;
    double ay = Math.abs(y);
    if (!(ay <= 0.5) || !(q <= 101) || (y < 0 && (q + 2) * Math.log((1 + ay) / (1 - ay)) > Math.log(100))) {
      return Double.NaN;
    }
    double logRatio = Math.log1p((T - tx) / wx);
    double oneMinusDecay = -Math.expm1(-logRatio);
    double decay = Math.exp(-logRatio);
    double e0 = Math.exp(-n0 * logRatio);
    double oneMinusE0 = -Math.expm1(-n0 * logRatio);
    int level = moments == null ? 0 : moments.length >= COVARIANCES ? 2 : 1;
    // Term k, n = n0 + k: a, b, c = (q)_k/k! y^k, (q+1)_k/k! y^k, (q+2)_k/k! y^k; h, hb =
    // Σ_{j<k} 1/(q+j), 1/(q+1+j); d = h² − Σ_{j<k} 1/(q+j)², by the recurrence d += 2h/(q+k), whose
    // terms are positive where h² and the sum of squares can be huge and nearly equal (q small);
    // u = 1 − e^−kL; e = e^−nL; j0 = J0(n), j0n = J0(n+1).
    double a = 1;
    double b = 1;
    double c = 1;
    double h = 0;
    double d = 0;
    double hb = 0;
    double u = 0;
    double e = e0;
    double j0 = oneMinusE0 / n0;
    double u1 = oneMinusDecay;
    double j0n = (oneMinusE0 + e0 * u1) / (n0 + 1);
    double[] sum = new double[level == 2 ? 15 : level == 1 ? 5 : 1];
    for (int k = 0; k < 400; k++) {
      double n = n0 + k;
      sum[0] += a * j0;
      if (level > 0) {
        double j1 = weightedLog(n, logRatio, j0, e);
        sum[1] += a * j1;                    // E[v]
        sum[2] += a * j0n;                   // E[Ra] · w
        sum[3] -= a * h * j0;                // E[λ]
        sum[4] += b * j0n;                   // E[Rb] · w
        if (level > 1) {
          double u2 = oneMinusDecay + decay * u1;
          double j0nn = (oneMinusE0 + e0 * u2) / (n + 2);
          double j1n = weightedLog(n + 1, logRatio, j0n, e * decay);
          sum[5] += a * weightedSquare(n, logRatio, j1, e);  // E[v²]
          sum[6] += a * j1n;                 // E[v Ra] · w
          sum[7] -= a * h * j1;              // E[v λ]
          sum[8] += b * j1n;                 // E[v Rb] · w
          sum[9] += a * j0nn;                // E[Ra²] · w²
          sum[10] -= a * h * j0n;            // E[λ Ra] · w
          sum[11] += b * j0nn;               // E[Ra Rb] · w²
          sum[12] += a * d * j0;             // E[λ²]
          sum[13] -= b * hb * j0n;           // E[λ Rb] · w
          sum[14] += c * j0nn;               // E[Rb²] · w²
        }
      }
      double ratio = (q + level + k) * ay / (k + 1);
      if (ratio < 1) {
        // Later ratios fall towards |y| from above, or (q + level < 1) rise towards it from below.
        double rho = Math.max(ratio, ay);
        double spread = 1 + h + logRatio + 1 / ((1 - rho) * q);
        double largest = level == 0 ? a : level == 1 ? b : c;
        double tail = Math.abs(largest) * j0 * rho / (1 - rho) * (level > 1 ? spread * spread : spread);
        if (tail <= 1e-17 * Math.abs(sum[0])
            && (level == 0 || tail <= 1e-17 * Math.min(Math.abs(sum[2]), Math.abs(sum[4])))
            && (level < 2 || tail <= 1e-17 * Math.min(Math.abs(sum[9]), Math.abs(sum[14])))) {
          if (level > 0) {
            seriesMoments(sum, Math.log(wx), wx, moments);
          }
          return -n0 * Math.log(wx) + Math.log(sum[0]);
        }
      }
      double inverse = 1 / (q + k);
      d += 2 * h * inverse;
      h += inverse;
      hb += 1 / (q + 1 + k);
      a *= (q + k) / (k + 1) * y;
      b *= (q + 1 + k) / (k + 1) * y;
      c *= (q + 2 + k) / (k + 1) * y;
      u = u1;
      u1 = oneMinusDecay + decay * u;
      e *= decay;
      j0 = j0n;
      j0n = (oneMinusE0 + e0 * u1) / (n + 2);
    }
    return Double.NaN;
  }

  /** The means and covariances from the series' sums (see {@link #logIntegralBySeries}). */
  private static void seriesMoments(double[] sum, double lwx, double wx, double[] moments) {
    double s0 = sum[0];
    double ev = sum[1] / s0;
    double era = sum[2] / (s0 * wx);
    double el = sum[3] / s0;
    double erb = sum[4] / (s0 * wx);
    moments[0] = lwx + ev;
    moments[1] = era;
    moments[2] = lwx + ev + el;
    moments[3] = erb;
    if (moments.length < COVARIANCES) {
      return;
    }
    double evv = sum[5] / s0;
    double evra = sum[6] / (s0 * wx);
    double evl = sum[7] / s0;
    double evrb = sum[8] / (s0 * wx);
    double erara = sum[9] / (s0 * wx * wx);
    double elra = sum[10] / (s0 * wx);
    double erarb = sum[11] / (s0 * wx * wx);
    double ell = sum[12] / s0;
    double elrb = sum[13] / (s0 * wx);
    double erbrb = sum[14] / (s0 * wx * wx);
    double elb = ev + el; // E[ln(β+τ)] − ln w_x
    moments[4] = evv - ev * ev;
    moments[5] = evra - ev * era;
    moments[6] = evv + evl - ev * elb;
    moments[7] = evrb - ev * erb;
    moments[8] = erara - era * era;
    moments[9] = evra + elra - era * elb;
    moments[10] = erarb - era * erb;
    moments[11] = evv + 2 * evl + ell - elb * elb;
    moments[12] = evrb + elrb - elb * erb;
    moments[13] = erbrb - erb * erb;
  }

  /**
   * J<sub>1</sub>(n) = ∫<sub>0</sub><sup>L</sup> v e^−nv dv, given J<sub>0</sub>(n) = (1 −
   * e^−nL)/n and e = e^−nL: (J<sub>0</sub> − L e)/n, or L² Σ (−nL)^i / (i! (i+2)) when nL &lt;
   * 1/2, where that difference would cancel.
   */
  private static double weightedLog(double n, double logRatio, double j0, double e) {
    double v = n * logRatio;
    if (v >= 0.5) {
      return (j0 - logRatio * e) / n;
    }
    return logRatio * logRatio * smallSeries(v, 2);
  }

  /**
   * J<sub>2</sub>(n) = ∫<sub>0</sub><sup>L</sup> v² e^−nv dv, given J<sub>1</sub>(n): (2J<sub>1</sub>
   * − L² e)/n, or L³ Σ (−nL)^i / (i! (i+3)) when nL &lt; 1/2.
   */
  private static double weightedSquare(double n, double logRatio, double j1, double e) {
    double v = n * logRatio;
    if (v >= 0.5) {
      return (2 * j1 - logRatio * logRatio * e) / n;
    }
    return logRatio * logRatio * logRatio * smallSeries(v, 3);
  }

  /** Σ<sub>i≥0</sub> (−v)^i / (i! (i+d)) for 0 ≤ v &lt; 1/2. */
  private static double smallSeries(double v, int d) {
    double sum = 0;
    double power = 1; // (−v)^i / i!
    for (int i = 0; i < 30; i++) {
      double term = power / (i + d);
      sum += term;
      if (Math.abs(term) <= 1e-17 * sum) {
        break;
      }
      power *= -v / (i + 1);
    }
    return sum;
  }

}

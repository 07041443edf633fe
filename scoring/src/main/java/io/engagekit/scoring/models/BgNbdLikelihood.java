package io.engagekit.scoring.models;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The BG/NBD log-likelihood of Fader, Hardie &amp; Lee (2005), eq. 6, summed over patterns, with its
 * analytic gradient and Hessian in (r, α, a, b): what {@link BgNbd#fit} maximises. Stateless.
 */
final class BgNbdLikelihood {
  private BgNbdLikelihood() {}

  static double logLikelihood(RepeatPattern[] data, double r, double alpha, double a, double b) {
    return logLikelihood(data, r, alpha, a, b, 0);
  }

  /**
   * The log-likelihood of BG/NBD ({@code shift} 0) or MBG/NBD ({@code shift} 1), as for {@link
   * #gradient(RepeatPattern[], double, double, double, double, int)}; patterns sorted by x share
   * their x terms.
   */
  static double logLikelihood(RepeatPattern[] data, double r, double alpha, double a, double b, int shift) {
    double logAlpha = Math.log(alpha);
    double lgR = LogGamma.value(r);
    double lgB = LogGamma.value(b);
    double lgAB = LogGamma.value(a + b);
    double logA = Math.log(a);
    double sum = 0;
    long lastX = -1;
    double a1 = 0;
    double a2 = 0;
    for (RepeatPattern p : data) {
      double x = p.x();
      if (p.x() != lastX) {
        lastX = p.x();
        a1 = LogGamma.value(r + x) - lgR + r * logAlpha;
        a2 = lgAB + LogGamma.value(b + x + shift) - lgB - LogGamma.value(a + b + x + shift);
      }
      double a3 = -(r + x) * Math.log(alpha + p.T());
      double ll;
      if (shift > 0 || p.x() > 0) {
        double a4 = logA - Math.log(b + x - 1 + shift) - (r + x) * Math.log(alpha + p.tx());
        ll = a1 + a2 + Parameters.logSumExp(a3, a4);
      } else {
        ll = a1 + a2 + a3;
      }
      sum += p.customers() * ll;
    }
    return sum;
  }

  /**
   * The total log-likelihood with its gradient and Hessian in (r, α, a, b), in one pass over
   * patterns sorted by x. Per pattern, ln L = A1 + A2 + S with A1 = lnΓ(r+x) − lnΓ(r) + r ln α,
   * A2 = ln B(a, b+x) − ln B(a, b) and S = A3, or for x &gt; 0 S = ln(e^A3 + e^A4), where
   * A3 = −(r+x) ln(α+T) and A4 = ln a − ln(b+x−1) − (r+x) ln(α+t_x). With weights w3, w4 = the
   * softmax of (A3, A4) and d = ∇A3 − ∇A4: ∇S = w3 ∇A3 + w4 ∇A4 and
   * ∇²S = w3 ∇²A3 + w4 ∇²A4 + w3 w4 d dᵀ.
   */
  static double derivatives(RepeatPattern[] byX, double r, double alpha, double a, double b, double[] g,
      double[][] h) {
    return derivatives(byX, new Times(byX), r, alpha, a, b, g, h, 0);
  }

  /**
   * The distinct times (T and t<sub>x</sub>) among patterns and each pattern's index into them, so
   * that ln(α+t) and 1/(α+t) are computed once per distinct time in each evaluation: the full
   * CDNOW cohort's 8,685 patterns have 84 values of T and 271 of t<sub>x</sub>.
   */
  static final class Times {
    final double[] values;
    final int[] ofT;
    final int[] ofTx;

    Times(RepeatPattern[] patterns) {
      java.util.Map<Double, Integer> index = new java.util.HashMap<>();
      ofT = new int[patterns.length];
      ofTx = new int[patterns.length];
      for (int i = 0; i < patterns.length; i++) {
        ofT[i] = index.computeIfAbsent(patterns[i].T(), t -> index.size());
        ofTx[i] = index.computeIfAbsent(patterns[i].tx(), t -> index.size());
      }
      values = new double[index.size()];
      index.forEach((t, i) -> values[i] = t);
    }
  }

  /**
   * {@link #derivatives(RepeatPattern[], double, double, double, double, double[], double[][])}
   * with the times given, for BG/NBD ({@code shift} 0) or MBG/NBD ({@code shift} 1: b + x − 1 becomes
   * b + x, Γ(b+x) and Γ(a+b+x) become Γ(b+x+1) and Γ(a+b+x+1), and S has its second term for x = 0 too).
   */
  static double derivatives(RepeatPattern[] byX, Times times, double r, double alpha, double a, double b,
      double[] g, double[][] h, int shift) {
    double[] logs = new double[times.values.length];
    double[] inverses = new double[times.values.length];
    for (int i = 0; i < logs.length; i++) {
      logs[i] = Math.log(alpha + times.values[i]);
      inverses[i] = 1 / (alpha + times.values[i]);
    }
    double logAlpha = Math.log(alpha);
    double logA = Math.log(a);
    double lgR = LogGamma.value(r);
    double lgB = LogGamma.value(b);
    double lgAB = LogGamma.value(a + b);
    double psiR = Digamma.value(r);
    double psiB = Digamma.value(b);
    double psiAB = Digamma.value(a + b);
    double triR = Trigamma.value(r);
    double triB = Trigamma.value(b);
    double triAB = Trigamma.value(a + b);
    double ll = 0;
    double gr = 0;
    double gal = 0;
    double ga = 0;
    double gb = 0;
    double hrr = 0;
    double hral = 0;
    double hra = 0;
    double hrb = 0;
    double halal = 0;
    double hala = 0;
    double halb = 0;
    double haa = 0;
    double hab = 0;
    double hbb = 0;
    long lastX = -1;
    // The terms of A1 + A2 for the current x, and their derivatives.
    double lg = 0;
    double dr = 0;
    double da = 0;
    double db = 0;
    double trr = 0;
    double taa = 0;
    double tbb = 0;
    double logB1 = 0;
    double inB = 0;
    for (int i = 0; i < byX.length; i++) {
      RepeatPattern p = byX[i];
      double x = p.x();
      if (p.x() != lastX) {
        lastX = p.x();
        double bx = b + x + shift;
        double lgABX = LogGamma.value(a + bx);
        double psiABX = Digamma.value(a + bx);
        double triABX = Trigamma.value(a + bx);
        lg = LogGamma.value(r + x) - lgR + r * logAlpha + lgAB + LogGamma.value(bx) - lgB - lgABX;
        dr = Digamma.value(r + x) - psiR + logAlpha;
        da = psiAB - psiABX;
        db = psiAB + Digamma.value(bx) - psiB - psiABX;
        trr = Trigamma.value(r + x) - triR;
        taa = triAB - triABX;
        tbb = triAB + Trigamma.value(bx) - triB - triABX;
        logB1 = shift > 0 || x > 0 ? Math.log(bx - 1) : 0;
        inB = shift > 0 || x > 0 ? 1 / (bx - 1) : 0;
      }
      double n = p.customers();
      double rx = r + x;
      double inT = inverses[times.ofT[i]];
      double logT = logs[times.ofT[i]];
      double a3 = -rx * logT;
      // S and its derivatives; A3 alone when x = 0 (BG/NBD).
      double s = a3;
      double sr = -logT;
      double sal = -rx * inT;
      double sa = 0;
      double sb = 0;
      double sral = -inT;
      double salal = rx * inT * inT;
      double saa = 0;
      double sbb = 0;
      double cross = 0; // w3 w4
      double d0 = 0;
      double d1 = 0;
      double d2 = 0;
      double d3 = 0;
      if (shift > 0 || p.x() > 0) {
        double inTx = inverses[times.ofTx[i]];
        double logTx = logs[times.ofTx[i]];
        double a4 = logA - logB1 - rx * logTx;
        // One exponential for both the weights and S = ln(e^A3 + e^A4).
        double small = Math.exp(-Math.abs(a3 - a4));
        double w4 = a4 > a3 ? 1 / (1 + small) : small / (1 + small);
        double w3 = 1 - w4;
        s = Math.max(a3, a4) + Math.log1p(small);
        sr = -w3 * logT - w4 * logTx;
        sal = -rx * (w3 * inT + w4 * inTx);
        sa = w4 / a;
        sb = -w4 * inB;
        sral = -(w3 * inT + w4 * inTx);
        salal = rx * (w3 * inT * inT + w4 * inTx * inTx);
        saa = -w4 / (a * a);
        sbb = w4 * inB * inB;
        cross = w3 * w4;
        d0 = logTx - logT;
        d1 = rx * (inTx - inT);
        d2 = -1 / a;
        d3 = inB;
      }
      ll += n * (lg + s);
      gr += n * (dr + sr);
      gal += n * (r / alpha + sal);
      ga += n * (da + sa);
      gb += n * (db + sb);
      hrr += n * (trr + cross * d0 * d0);
      hral += n * (1 / alpha + sral + cross * d0 * d1);
      hra += n * cross * d0 * d2;
      hrb += n * cross * d0 * d3;
      halal += n * (-r / (alpha * alpha) + salal + cross * d1 * d1);
      hala += n * cross * d1 * d2;
      halb += n * cross * d1 * d3;
      haa += n * (taa + saa + cross * d2 * d2);
      hab += n * (taa + cross * d2 * d3);
      hbb += n * (tbb + sbb + cross * d3 * d3);
    }
    g[0] = gr;
    g[1] = gal;
    g[2] = ga;
    g[3] = gb;
    double[][] m = {
      {hrr, hral, hra, hrb},
      {hral, halal, hala, halb},
      {hra, hala, haa, hab},
      {hrb, halb, hab, hbb}
    };
    for (int i = 0; i < 4; i++) {
      System.arraycopy(m[i], 0, h[i], 0, 4);
    }
    return ll;
  }

  /** The gradient of the total log-likelihood with respect to (r, α, a, b). */
  static double[] gradient(RepeatPattern[] data, double r, double alpha, double a, double b) {
    return gradient(data, r, alpha, a, b, 0);
  }

  /**
   * The gradient of BG/NBD ({@code shift} 0) or of MBG/NBD ({@code shift} 1), which is BG/NBD with
   * a chance to drop out at time 0 as well (Batislam, Denizel &amp; Filiztekin 2007): b + x − 1
   * becomes b + x, and the second term of the log-sum-exp exists for x = 0 too.
   */
  static double[] gradient(RepeatPattern[] data, double r, double alpha, double a, double b, int shift) {
    double logAlpha = Math.log(alpha);
    double psiR = Digamma.value(r);
    double psiB = Digamma.value(b);
    double psiAB = Digamma.value(a + b);
    double logA = Math.log(a);
    double gr = 0;
    double galpha = 0;
    double ga = 0;
    double gb = 0;
    for (RepeatPattern p : data) {
      double x = p.x();
      double n = p.customers();
      double logT = Math.log(alpha + p.T());
      // w4: the share of the second term of the log-sum-exp (0 without repeats); w3 = 1 - w4.
      double w4 = 0;
      double logTx = 0;
      if (shift > 0 || p.x() > 0) {
        logTx = Math.log(alpha + p.tx());
        double a3 = -(r + x) * logT;
        double a4 = logA - Math.log(b + x - 1 + shift) - (r + x) * logTx;
        w4 = a4 > a3 ? 1 / (1 + Math.exp(a3 - a4)) : Math.exp(a4 - a3) / (1 + Math.exp(a4 - a3));
      }
      double w3 = 1 - w4;
      double psiABX = Digamma.value(a + b + x + shift);
      gr += n * (Digamma.value(r + x) - psiR + logAlpha - w3 * logT - w4 * logTx);
      galpha += n * (r / alpha - w3 * (r + x) / (alpha + p.T()) - (w4 == 0 ? 0 : w4 * (r + x) / (alpha + p.tx())));
      ga += n * (psiAB - psiABX + (w4 == 0 ? 0 : w4 / a));
      gb += n * (psiAB + Digamma.value(b + x + shift) - psiB - psiABX - (w4 == 0 ? 0 : w4 / (b + x - 1 + shift)));
    }
    return new double[] {gr, galpha, ga, gb};
  }
}

package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The BG/NBD model of Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy Way: An
 * Alternative to the Pareto/NBD Model", <i>Marketing Science</i> 24(2), 275–284: while alive, a
 * customer buys at Poisson rate λ, with λ ~ Gamma(r, α) across customers; after each purchase they
 * drop out with probability p, with p ~ Beta(a, b).
 *
 * <p>Log-likelihood of one customer with x repeat purchases, the last at t<sub>x</sub>, observed for
 * T (their equation 6, in log space):
 *
 * <pre>
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α
 *      + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
 *      + ln( (α+T)^−(r+x) + [x &gt; 0] · a/(b+x−1) · (α+t_x)^−(r+x) )
 * </pre>
 *
 * The last term is a log-sum-exp of two logs, so it neither overflows nor underflows for heavy
 * buyers. Times are in the unit of the data the model was fitted on.
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
public record BgNbd(double r, double alpha, double a, double b) implements TransactionModel, Serializable {
  private static final long serialVersionUID = 1L;

  /** The parameter names, in order. */
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
  public BgNbd {
    Parameters.positive("r", r);
    Parameters.positive("alpha", alpha);
    Parameters.positive("a", a);
    Parameters.positive("b", b);
  }

  /**
   * Fits the model by maximum likelihood on customers' calibration-period patterns.
   *
   * @param patterns the patterns, each with its number of customers; at least one customer must
   *     have made a repeat purchase
   * @return the fit, with parameters {@code r, alpha, a, b}
   * @throws IllegalArgumentException if there are no patterns or no repeat purchases
   * @throws ModelFitException if the optimiser does not converge to a proper maximum
   */
  public static ModelFit<BgNbd> fit(Collection<RepeatPattern> patterns) {
    RepeatPattern[] data = Parameters.patterns(patterns, "BG/NBD");
    long customers = Parameters.customers(data);
    boolean repeats = false;
    for (RepeatPattern p : data) {
      repeats |= p.x() > 0;
    }
    if (!repeats) {
      throw new IllegalArgumentException("BG/NBD cannot be fitted: no customer made a repeat purchase, so the "
          + "dropout parameters a and b are not identified");
    }
    // By x, so that the terms of each x are computed once per evaluation.
    RepeatPattern[] byX = data.clone();
    java.util.Arrays.sort(byX, java.util.Comparator.comparingLong(RepeatPattern::x));
    Times times = new Times(byX);
    MaximumLikelihood.Optimum o = MaximumLikelihood.fit("BG/NBD", NAMES, new double[] {1, 1, 1, 1},
        p -> logLikelihood(byX, p[0], p[1], p[2], p[3]), p -> gradient(byX, p[0], p[1], p[2], p[3]),
        (p, g, h) -> derivatives(byX, times, p[0], p[1], p[2], p[3], g, h), customers);
    double[] p = o.parameters();
    return ModelFit.of(new BgNbd(p[0], p[1], p[2], p[3]), NAMES, o, customers);
  }

  @Override
  public double logLikelihood(Collection<RepeatPattern> patterns) {
    return logLikelihood(requireNonNull(patterns, "patterns").toArray(new RepeatPattern[0]), r, alpha, a, b);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Equation 11 of the paper: {@code 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))},
   * computed in log space; 1 for a customer without repeats (BG/NBD customers drop out only after
   * a purchase).
   */
  @Override
  public double probabilityAlive(RepeatPattern p) {
    requireNonNull(p, "pattern");
    if (p.x() == 0) {
      return 1.0;
    }
    return alive(Math.log(a) - Math.log(b + p.x() - 1), p);
  }

  /** P(alive) of a pattern with x &gt; 0, given ln(a/(b+x−1)). */
  private double alive(double logDropout, RepeatPattern p) {
    return Parameters.logistic(logDropout + (r + p.x()) * Math.log1p((p.T() - p.tx()) / (alpha + p.tx())));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Bit for bit the numbers of the one-customer methods; ln(b+x−1) is computed once per x and
   * the expectation's mixture once per distinct (x, T), so that a million customers of a cohort
   * observed in days cost a few thousand mixtures.
   */
  @Override
  public void predict(RepeatPattern[] patterns, double t, double[] alive, double[] expected) {
    Parameters.predictions(patterns, t, alive, expected);
    double logA = Math.log(a);
    double[] logDropout = new double[64];
    long cached = 0;
    PairTable mixtures = new PairTable();
    for (int i = 0; i < patterns.length; i++) {
      RepeatPattern p = requireNonNull(patterns[i], "pattern");
      long x = p.x();
      if (x == 0) {
        alive[i] = 1.0;
      } else {
        double ld;
        if (x < logDropout.length) {
          if ((cached & (1L << x)) == 0) {
            logDropout[(int) x] = logA - Math.log(b + x - 1);
            cached |= 1L << x;
          }
          ld = logDropout[(int) x];
        } else {
          ld = logA - Math.log(b + x - 1);
        }
        alive[i] = alive(ld, p);
      }
      if (t == 0 || alive[i] == 0) {
        expected[i] = 0;
        continue;
      }
      int slot = mixtures.slot(x, p.T());
      double mixture = mixtures.filled(slot) ? mixtures.value(slot)
          : mixtures.fill(slot, x, p.T(), Mixtures.betaPurchases(a, b + x, r + x, t / (alpha + p.T())));
      expected[i] = alive[i] * mixture;
    }
  }

  /** An open-addressing table from (x, T) to a double, for {@link #predict}. */
  private static final class PairTable {
    private long[] xs = new long[1024];
    private long[] ts = new long[1024];
    private double[] values = new double[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** The slot of (x, T): the one holding it, or the empty one where it belongs. */
    int slot(long x, double T) {
      long bits = Double.doubleToLongBits(T);
      int mask = xs.length - 1;
      long h = (x * 0x9E3779B97F4A7C15L) ^ (bits * 0xC2B2AE3D27D4EB4FL);
      int i = (int) (h ^ (h >>> 29)) & mask;
      while (used[i] && !(xs[i] == x && ts[i] == bits)) {
        i = (i + 1) & mask;
      }
      return i;
    }

    boolean filled(int slot) {
      return used[slot];
    }

    double value(int slot) {
      return values[slot];
    }

    /** Stores the value in the slot (which may move the table's slots) and returns it. */
    double fill(int slot, long x, double T, double value) {
      xs[slot] = x;
      ts[slot] = Double.doubleToLongBits(T);
      values[slot] = value;
      used[slot] = true;
      if (++size * 2 > xs.length) {
        grow();
      }
      return value;
    }

    private void grow() {
      long[] oldX = xs;
      long[] oldT = ts;
      double[] oldV = values;
      boolean[] oldUsed = used;
      xs = new long[oldX.length * 2];
      ts = new long[oldX.length * 2];
      values = new double[oldX.length * 2];
      used = new boolean[oldX.length * 2];
      size = 0;
      for (int i = 0; i < oldX.length; i++) {
        if (oldUsed[i]) {
          fill(slot(oldX[i], Double.longBitsToDouble(oldT[i])), oldX[i], Double.longBitsToDouble(oldT[i]), oldV[i]);
        }
      }
    }
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
   * <p>Equation 10 of the paper, computed from its derivation rather than its hypergeometric closed
   * form: an alive customer buys (1 − e^(−λpt))/p in expectation before dropping out, and an
   * alive customer's posterior is λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x), so
   * E[Y(t)] = P(alive) · E<sub>p</sub>[(1 − (1 + pt/(α+T))^−(r+x))/p], a one-dimensional integral
   * evaluated by adaptive quadrature. The closed form's factor 1/(a−1) is not needed, so a = 1 is
   * no special case.
   */
  @Override
  public double expectedTransactions(RepeatPattern p, double t) {
    requireNonNull(p, "pattern");
    Parameters.horizon("t", t);
    double alive = probabilityAlive(p);
    if (t == 0 || alive == 0) {
      return 0;
    }
    return alive * Mixtures.betaPurchases(a, b + p.x(), r + p.x(), t / (alpha + p.T()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Equation 9 of the paper, as E<sub>p ~ Beta(a, b)</sub>[(1 − (1 + pt/α)^−r)/p].
   */
  @Override
  public double expectedTransactions(double t) {
    Parameters.horizon("t", t);
    if (t == 0) {
      return 0;
    }
    return Mixtures.betaPurchases(a, b, r, t / alpha);
  }

  /**
   * Returns the probability that a new customer makes exactly {@code n} repeat purchases in their
   * first {@code t}, P(X(t) = n) (equation 8 of the paper), with the finite sum of its second term
   * written as a regularised incomplete beta function (the upper tail of a negative binomial).
   *
   * @param n the number of purchases, {@code >= 0}
   * @param t the horizon, finite and {@code >= 0}
   * @return the probability, in [0, 1]
   */
  public double probabilityOfPurchases(long n, double t) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0 but was " + n);
    }
    Parameters.horizon("t", t);
    if (t == 0) {
      return n == 0 ? 1.0 : 0.0;
    }
    double x = n;
    double logB = LogBeta.value(a, b);
    // Alive through t with n purchases: B(a, b+n)/B(a, b) · NB(n; r, α/(α+t)).
    double logNb = LogGamma.value(r + x) - LogGamma.value(r) - LogGamma.value(x + 1)
        + r * (Math.log(alpha) - Math.log(alpha + t)) + (x == 0 ? 0 : x * (Math.log(t) - Math.log(alpha + t)));
    double first = Math.exp(LogBeta.value(a, b + x) - logB + logNb);
    if (n == 0) {
      return Math.min(1.0, first);
    }
    // Dropped out after the n-th purchase: B(a+1, b+n−1)/B(a, b) · P(NB(r, α/(α+t)) >= n).
    double tail = RegularizedBeta.value(t / (alpha + t), x, r);
    double second = tail == 0 ? 0 : Math.exp(LogBeta.value(a + 1, b + x - 1) - logB + Math.log(tail));
    return Math.min(1.0, first + second);
  }

  @Override
  public Map<String, Double> parameters() {
    return Parameters.named(NAMES, r, alpha, a, b);
  }

  private static double logLikelihood(RepeatPattern[] data, double r, double alpha, double a, double b) {
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
        a2 = lgAB + LogGamma.value(b + x) - lgB - LogGamma.value(a + b + x);
      }
      double a3 = -(r + x) * Math.log(alpha + p.T());
      double ll;
      if (p.x() > 0) {
        double a4 = logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + p.tx());
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
    return derivatives(byX, new Times(byX), r, alpha, a, b, g, h);
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
   * with the times given.
   */
  static double derivatives(RepeatPattern[] byX, Times times, double r, double alpha, double a, double b,
      double[] g, double[][] h) {
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
        double lgABX = LogGamma.value(a + b + x);
        double psiABX = Digamma.value(a + b + x);
        double triABX = Trigamma.value(a + b + x);
        lg = LogGamma.value(r + x) - lgR + r * logAlpha + lgAB + LogGamma.value(b + x) - lgB - lgABX;
        dr = Digamma.value(r + x) - psiR + logAlpha;
        da = psiAB - psiABX;
        db = psiAB + Digamma.value(b + x) - psiB - psiABX;
        trr = Trigamma.value(r + x) - triR;
        taa = triAB - triABX;
        tbb = triAB + Trigamma.value(b + x) - triB - triABX;
        logB1 = x > 0 ? Math.log(b + x - 1) : 0;
        inB = x > 0 ? 1 / (b + x - 1) : 0;
      }
      double n = p.customers();
      double rx = r + x;
      double inT = inverses[times.ofT[i]];
      double logT = logs[times.ofT[i]];
      double a3 = -rx * logT;
      // S and its derivatives; A3 alone when x = 0.
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
      if (p.x() > 0) {
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
      if (p.x() > 0) {
        logTx = Math.log(alpha + p.tx());
        double a3 = -(r + x) * logT;
        double a4 = logA - Math.log(b + x - 1) - (r + x) * logTx;
        w4 = a4 > a3 ? 1 / (1 + Math.exp(a3 - a4)) : Math.exp(a4 - a3) / (1 + Math.exp(a4 - a3));
      }
      double w3 = 1 - w4;
      double psiABX = Digamma.value(a + b + x);
      gr += n * (Digamma.value(r + x) - psiR + logAlpha - w3 * logT - w4 * logTx);
      galpha += n * (r / alpha - w3 * (r + x) / (alpha + p.T()) - (w4 == 0 ? 0 : w4 * (r + x) / (alpha + p.tx())));
      ga += n * (psiAB - psiABX + (w4 == 0 ? 0 : w4 / a));
      gb += n * (psiAB + Digamma.value(b + x) - psiB - psiABX - (w4 == 0 ? 0 : w4 / (b + x - 1)));
    }
    return new double[] {gr, galpha, ga, gb};
  }

}

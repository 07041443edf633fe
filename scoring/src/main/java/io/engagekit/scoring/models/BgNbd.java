package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;

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
    BgNbdLikelihood.Times times = new BgNbdLikelihood.Times(byX);
    MaximumLikelihood.Optimum o = MaximumLikelihood.fit("BG/NBD", NAMES, new double[] {1, 1, 1, 1},
        p -> BgNbdLikelihood.logLikelihood(byX, p[0], p[1], p[2], p[3]),
        p -> BgNbdLikelihood.gradient(byX, p[0], p[1], p[2], p[3]),
        (p, g, h) -> BgNbdLikelihood.derivatives(byX, times, p[0], p[1], p[2], p[3], g, h, 0), customers);
    double[] p = o.parameters();
    return ModelFit.of(new BgNbd(p[0], p[1], p[2], p[3]), NAMES, o, customers);
  }

  @Override
  public double logLikelihood(Collection<RepeatPattern> patterns) {
    RepeatPattern[] data = requireNonNull(patterns, "patterns").toArray(new RepeatPattern[0]);
    return BgNbdLikelihood.logLikelihood(data, r, alpha, a, b);
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
}

package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The BG/BB model for discrete-time, noncontractual data (Fader, Hardie &amp; Shang 2010,
 * "Customer-Base Analysis in a Discrete-Time Noncontractual Setting", <i>Marketing Science</i>
 * 29(6), 1086–1108): at each opportunity an alive customer transacts with probability p ~ Beta(α,
 * β), and between opportunities drops out for good with probability θ ~ Beta(γ, δ).
 *
 * <p>Likelihood of one customer (x, t<sub>x</sub>, n), their equation 5, summed in log space:
 *
 * <pre>
 * L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *   + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ)
 * </pre>
 *
 * Each ratio of beta functions is a product of ratios below 1 (one per opportunity), summed as
 * logarithms by {@code log1p}, so every term is computed to a few ulps per factor and the sum, a
 * probability, stays at or below 1 up to its own rounding; no array is allocated. A likelihood
 * evaluation costs O(n) per pattern, which is why a pattern's periods are bounded
 * ({@link DiscretePattern#MAX_PERIODS}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param alpha first shape of the transaction-probability distribution, finite, {@code > 0}
 * @param beta second shape of the transaction-probability distribution, finite, {@code > 0}
 * @param gamma first shape of the dropout-probability distribution, finite, {@code > 0}
 * @param delta second shape of the dropout-probability distribution, finite, {@code > 0}
 * @since 0.1
 */
public record BgBb(double alpha, double beta, double gamma, double delta) {
  static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};

  /**
   * Validates the parameters.
   *
   * @param alpha see the class description
   * @param beta see the class description
   * @param gamma see the class description
   * @param delta see the class description
   * @throws IllegalArgumentException naming a parameter that is not finite and positive
   */
  public BgBb {
    Parameters.positive("alpha", alpha);
    Parameters.positive("beta", beta);
    Parameters.positive("gamma", gamma);
    Parameters.positive("delta", delta);
  }

  /**
   * Fits the model by maximum likelihood.
   *
   * @param patterns the patterns with their counts
   * @return the fit, with parameters {@code alpha, beta, gamma, delta}
   * @throws IllegalArgumentException if there are no patterns
   * @throws ModelFitException if the optimiser does not converge to a proper maximum
   */
  public static ModelFit<BgBb> fit(Collection<DiscretePattern> patterns) {
    DiscretePattern[] data = requireNonNull(patterns, "patterns").toArray(new DiscretePattern[0]);
    if (data.length == 0) {
      throw new IllegalArgumentException("BG/BB needs at least one customer");
    }
    long customers = 0;
    for (DiscretePattern p : data) {
      customers += requireNonNull(p, "pattern").customers();
    }
    MaximumLikelihood.Optimum o = MaximumLikelihood.fit("BG/BB", NAMES, new double[] {1, 1, 1, 1},
        v -> evaluate(data, v, null), v -> {
          double[] g = new double[4];
          evaluate(data, v, g);
          return g;
        }, customers);
    double[] v = o.parameters();
    return ModelFit.of(new BgBb(v[0], v[1], v[2], v[3]), NAMES, o, customers);
  }

  /**
   * Returns the total log-likelihood of the patterns under this model.
   *
   * @param patterns customers' patterns
   * @return the sum over customers of ln L
   */
  public double logLikelihood(Collection<DiscretePattern> patterns) {
    return evaluate(requireNonNull(patterns, "patterns").toArray(new DiscretePattern[0]),
        new double[] {alpha, beta, gamma, delta}, null);
  }

  /**
   * Returns the probability that the customer is alive at the next opportunity, n + 1 (their
   * equation 11).
   *
   * @param p the customer's pattern (its count is ignored)
   * @return the probability, in [0, 1]
   */
  public double probabilityAlive(DiscretePattern p) {
    requireNonNull(p, "pattern");
    // The likelihood's "alive through n" term, one opportunity further: a part of the likelihood, so
    // at most 1 as a ratio, up to the rounding of the sum the likelihood is.
    double logAliveNext = logRatioA(alpha, beta, p.frequency(), p.periods() - p.frequency())
        + logRatioC(gamma, delta, p.periods() + 1);
    return Math.min(1.0, Math.exp(logAliveNext - logLikelihood(p)));
  }

  /**
   * Returns the expected number of transactions in the next {@code opportunities} (their equation
   * 13), as P(alive at n) · E[p] · Σ<sub>k=1..n*</sub> E[(1−θ)^k], with the sum in the closed form
   * of the paper and its factor 1/(γ−1) taken to the limit near γ = 1.
   *
   * @param p the customer's pattern (its count is ignored)
   * @param opportunities n*, the number of future opportunities, {@code >= 0}
   * @return the expected transactions, finite, in [0, n*]
   */
  public double expectedTransactions(DiscretePattern p, long opportunities) {
    requireNonNull(p, "pattern");
    if (opportunities < 0) {
      throw new IllegalArgumentException("opportunities must be >= 0 but was " + opportunities);
    }
    if (opportunities == 0) {
      return 0;
    }
    double x = p.frequency();
    double n = p.periods();
    // P(alive at n | data) and the posterior mean transaction probability (α+x)/(α+β+n).
    double logAlive = logRatioA(alpha, beta, p.frequency(), p.periods() - p.frequency())
        + logRatioC(gamma, delta, p.periods()) - logLikelihood(p);
    double meanP = (alpha + x) / (alpha + beta + n);
    double e = Math.exp(logAlive) * meanP * survivals(delta + n, opportunities);
    return Math.min(e, opportunities);
  }

  /**
   * Returns the probability of at least one transaction in the next {@code opportunities}, n + 1
   * to n + n*. The event "the data, then no transaction in those opportunities" is the pattern
   * (x, t<sub>x</sub>, n + n*), so the probability is exactly 1 − L(x, t<sub>x</sub>, n + n*) /
   * L(x, t<sub>x</sub>, n), computed as −expm1 of the difference of the log-likelihoods (accurate
   * when the probability is small). For one opportunity it equals {@link #expectedTransactions}.
   * Costs O(n + n* − t<sub>x</sub>).
   *
   * @param p the customer's pattern (its count is ignored)
   * @param opportunities n*, {@code >= 0}, with {@code n + n* <= }{@link DiscretePattern#MAX_PERIODS}
   * @return the probability, in [0, 1]
   * @throws IllegalArgumentException if {@code opportunities} is negative or {@code n + n*} exceeds
   *     the bound
   * @since 0.2
   */
  public double probabilityOfRepeat(DiscretePattern p, long opportunities) {
    requireNonNull(p, "pattern");
    if (opportunities < 0 || opportunities > DiscretePattern.MAX_PERIODS - p.periods()) {
      throw new IllegalArgumentException("opportunities must be in [0, " + (DiscretePattern.MAX_PERIODS - p.periods())
          + "] (at most " + DiscretePattern.MAX_PERIODS + " with the pattern's " + p.periods() + ") but was "
          + opportunities);
    }
    if (opportunities == 0) {
      return 0;
    }
    DiscretePattern later = new DiscretePattern(p.frequency(), p.recency(), p.periods() + opportunities, 1);
    double logRatio = logLikelihood(later) - logLikelihood(p);
    // The later pattern's likelihood is a part of this one's, so the ratio is at most 1 up to rounding.
    return Math.max(0, Math.min(1, -Math.expm1(Math.min(0, logRatio))));
  }

  /**
   * S = Σ<sub>k=1..N</sub> t<sub>k</sub> with t<sub>k</sub> = B(γ, d+k)/B(γ, d) = E[(1−θ)^k] for
   * θ ~ Beta(γ, d). Up to 1,000 terms the sum is taken directly by the recurrence
   * t<sub>k</sub> = t<sub>k−1</sub> · (d+k−1)/(γ+d+k−1), exact to rounding. Beyond, the paper's
   * telescoped form S = (d − (d+N) t<sub>N</sub>)/(γ − 1), written as
   * d · −expm1(ln(1 + N/d) + ln t<sub>N</sub>)/(γ − 1) so the cancellation near γ = 1 happens in a
   * small, accurately computed exponent; within 1e-6 of γ = 1 its expansion to first order in γ − 1.
   */
  private double survivals(double d, long count) {
    if (count <= 1000) {
      double t = 1;
      double s = 0;
      for (long k = 1; k <= count; k++) {
        t *= (d + k - 1) / (gamma + d + k - 1);
        s += t;
      }
      return s;
    }
    double n = count;
    double g1 = gamma - 1;
    double s;
    if (Math.abs(g1) < 1e-6) {
      // The expansion to first order in γ − 1: d · (h + (γ−1)(h' − h²)/2).
      double h = Digamma.value(d + n + 1) - Digamma.value(d + 1);
      double h1 = Trigamma.value(d + n + 1) - Trigamma.value(d + 1);
      s = d * (h + g1 * (h1 - h * h) / 2);
    } else {
      double lnT = LogBeta.value(gamma, d + n) - LogBeta.value(gamma, d);
      s = d * -Math.expm1(Math.log1p(n / d) + lnT) / g1;
    }
    return Math.max(0, Math.min(s, n));
  }

  /** One pattern's log-likelihood (its count ignored): at most 0. */
  double logLikelihood(DiscretePattern p) {
    return evaluate(new DiscretePattern[] {p}, new double[] {alpha, beta, gamma, delta}, null);
  }

  /**
   * The model's parameters by name.
   *
   * @return {@code alpha, beta, gamma, delta}
   */
  public Map<String, Double> parameters() {
    return Parameters.named(NAMES, alpha, beta, gamma, delta);
  }

  /** The total log-likelihood; when {@code gradient} is not null, also its gradient. */
  private static double evaluate(DiscretePattern[] data, double[] v, double[] gradient) {
    double al = v[0];
    double be = v[1];
    double ga = v[2];
    double de = v[3];
    double psiAB = Digamma.value(al + be);
    double psiGD = Digamma.value(ga + de);
    double psiA = Digamma.value(al);
    double psiB = Digamma.value(be);
    double psiG = Digamma.value(ga);
    double psiD = Digamma.value(de);
    double sum = 0;
    double[] g = new double[4];
    double[] d = new double[4];
    for (DiscretePattern p : data) {
      long x = p.frequency();
      long tx = p.recency();
      long n = p.periods();
      // The exact value is a probability's log, at most 0; the computed one can exceed 0 only by the
      // rounding of its last few ulps (NumericsPropertyTest bounds it), which is dropped here.
      double ll = Math.min(0, rawLogLikelihood(al, be, ga, de, x, tx, n));
      sum += p.customers() * ll;
      if (gradient != null) {
        long extra = n - tx;
        double a0 = logRatioA(al, be, x, tx - x);
        double d0 = logRatioD(ga, de, tx);
        double first = logRatioA(al, be, x, n - x) + logRatioC(ga, de, n);
        double w = Math.exp(first - ll);
        double psiAX = Digamma.value(al + x);
        // d ln B(u, v)/du = ψ(u) − ψ(u+v).
        Arrays.fill(d, 0);
        addTerm(d, w, psiAX - Digamma.value(al + be + n) - psiA + psiAB,
            Digamma.value(be + n - x) - Digamma.value(al + be + n) - psiB + psiAB,
            psiG - Digamma.value(ga + de + n) - psiG + psiGD,
            Digamma.value(de + n) - Digamma.value(ga + de + n) - psiD + psiGD);
        double a = a0;
        double dd = d0;
        for (long i = 0; i < extra; i++) {
          double wi = Math.exp(a + dd - ll);
          a -= Math.log1p((al + x) / (be + tx - x + i));
          dd -= Math.log1p((ga + 1) / (de + tx + i));
          if (wi == 0) {
            continue;
          }
          double ab = al + be + tx + i;
          double gd = ga + de + tx + i + 1;
          addTerm(d, wi, psiAX - Digamma.value(ab) - psiA + psiAB,
              Digamma.value(be + tx - x + i) - Digamma.value(ab) - psiB + psiAB,
              Digamma.value(ga + 1) - Digamma.value(gd) - psiG + psiGD,
              Digamma.value(de + tx + i) - Digamma.value(gd) - psiD + psiGD);
        }
        for (int k = 0; k < 4; k++) {
          g[k] += p.customers() * d[k];
        }
      }
    }
    if (gradient != null) {
      System.arraycopy(g, 0, gradient, 0, 4);
    }
    return sum;
  }

  /**
   * One pattern's log-likelihood as computed, before the rounding above 0 is dropped: the terms in
   * log, each a sum of logs of ratios below 1 (so each is at most 0), the "dropped out after
   * opportunity t_x+i" terms by recurrence and then "alive through n"; the largest found first,
   * then ln L = max + log1p(sum of the others relative to it), which keeps the digits of a
   * likelihood near 1.
   */
  static double rawLogLikelihood(double al, double be, double ga, double de, long x, long tx, long n) {
    double a0 = logRatioA(al, be, x, tx - x);
    double d0 = logRatioD(ga, de, tx);
    double max = Double.NEGATIVE_INFINITY;
    double a = a0;
    double dd = d0;
    for (long i = 0; i < n - tx; i++) {
      max = Math.max(max, a + dd);
      a -= Math.log1p((al + x) / (be + tx - x + i));
      dd -= Math.log1p((ga + 1) / (de + tx + i));
    }
    double first = a + logRatioC(ga, de, n); // a is now ln[B(α+x, β+n−x)/B(α, β)]
    max = Math.max(max, first);
    double rest = 0;
    boolean skipped = false; // the largest term is the 1 in log1p
    a = a0;
    dd = d0;
    for (long i = 0; i < n - tx; i++) {
      double t = a + dd;
      if (!skipped && t == max) {
        skipped = true;
      } else {
        rest += Math.exp(t - max);
      }
      a -= Math.log1p((al + x) / (be + tx - x + i));
      dd -= Math.log1p((ga + 1) / (de + tx + i));
    }
    if (skipped) { // else the largest term is this one
      rest += Math.exp(first - max);
    }
    return max + Math.log1p(rest);
  }

  /**
   * ln[B(α+x, β+y)/B(α, β)] = Σ<sub>j&lt;x</sub> ln((α+j)/(α+β+j)) + Σ<sub>j&lt;y</sub>
   * ln((β+j)/(α+β+x+j)), each ratio below 1 taken as −log1p of a positive number: exact to a few
   * ulps per factor, where a difference of log-beta values loses digits to cancellation.
   */
  static double logRatioA(double al, double be, long x, long y) {
    double s = 0;
    for (long j = 0; j < x; j++) {
      s -= Math.log1p(be / (al + j));
    }
    for (long j = 0; j < y; j++) {
      s -= Math.log1p((al + x) / (be + j));
    }
    return s;
  }

  /** ln[B(γ, δ+z)/B(γ, δ)] = Σ<sub>j&lt;z</sub> ln((δ+j)/(γ+δ+j)), as {@link #logRatioA}. */
  static double logRatioC(double ga, double de, long z) {
    double s = 0;
    for (long j = 0; j < z; j++) {
      s -= Math.log1p(ga / (de + j));
    }
    return s;
  }

  /** ln[B(γ+1, δ+z)/B(γ, δ)] = ln(γ/(γ+δ)) + Σ<sub>j&lt;z</sub> ln((δ+j)/(γ+δ+1+j)), as {@link #logRatioA}. */
  static double logRatioD(double ga, double de, long z) {
    double s = -Math.log1p(de / ga);
    for (long j = 0; j < z; j++) {
      s -= Math.log1p((ga + 1) / (de + j));
    }
    return s;
  }

  private static void addTerm(double[] d, double w, double da, double db, double dg, double dd) {
    d[0] += w * da;
    d[1] += w * db;
    d[2] += w * dg;
    d[3] += w * dd;
  }
}

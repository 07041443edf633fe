package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collection;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;
import org.jspecify.annotations.Nullable;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie &amp; Lee 2005, "RFM and CLV:
 * Using Iso-Value Curves for Customer Base Analysis", <i>Journal of Marketing Research</i> 42(4);
 * Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value"): a customer's transactions
 * have spends ~ Gamma(p, ν), and ν ~ Gamma(q, γ) across customers. The model is independent of
 * the transaction process and is fitted on the mean repeat spend m̄ of the customers with x ≥ 1
 * repeat transactions:
 *
 * <pre>
 * ln L = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + m̄x)
 * </pre>
 *
 * <p><b>Zero spend.</b> Spends are gamma-distributed and so positive: a mean repeat spend of 0
 * has zero likelihood, and {@link SpendPattern} refuses it rather than let it drag the fit to a
 * boundary. Leave such customers (and customers without repeats) out of the fit and predict them
 * with {@link #expectedSpend(long, double)}, which accepts x = 0 and m̄ = 0: it shrinks the
 * observed mean towards the population mean pγ/(q−1) as the data allow, and a customer without
 * repeats gets the population mean.
 *
 * <p>Immutable and thread-safe.
 *
 * @param p shape of a customer's spend distribution, finite, {@code > 0}
 * @param q shape of the distribution of the spend rate ν, finite, {@code > 0}
 * @param gamma scale of the distribution of ν, finite, {@code > 0}
 * @since 0.1
 * @serial exclude
 */
public record GammaGamma(double p, double q, double gamma) implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String[] NAMES = {"p", "q", "gamma"};

  /**
   * Validates the parameters.
   *
   * @param p see the class description
   * @param q see the class description
   * @param gamma see the class description
   * @throws IllegalArgumentException naming a parameter that is not finite and positive
   */
  public GammaGamma {
    Parameters.positive("p", p);
    Parameters.positive("q", q);
    Parameters.positive("gamma", gamma);
  }

  /**
   * Fits the model by maximum likelihood.
   *
   * @param patterns repeat buyers' mean spends, each with its number of customers
   * @return the fit, with parameters {@code p, q, gamma}
   * @throws IllegalArgumentException if there are no patterns
   * @throws ModelFitException if the optimiser does not converge to a proper maximum
   */
  public static ModelFit<GammaGamma> fit(Collection<SpendPattern> patterns) {
    SpendPattern[] data = merged(requireNonNull(patterns, "patterns"));
    if (data.length == 0) {
      throw new IllegalArgumentException("Gamma-Gamma needs at least one customer with a repeat spend");
    }
    long customers = 0;
    for (SpendPattern s : data) {
      customers = Math.addExact(customers, s.customers());
    }
    Spends spends = new Spends(data);
    MaximumLikelihood.Optimum o = MaximumLikelihood.fit("Gamma-Gamma", NAMES, new double[] {1, 1, 1},
        v -> spends.evaluate(v[0], v[1], v[2], null, null),
        v -> {
          double[] g = new double[3];
          spends.evaluate(v[0], v[1], v[2], g, null);
          return g;
        },
        (v, g, h) -> spends.evaluate(v[0], v[1], v[2], g, h), customers);
    double[] v = o.parameters();
    return ModelFit.of(new GammaGamma(v[0], v[1], v[2]), NAMES, o, customers);
  }

  /**
   * Returns the total log-likelihood of the patterns under this model.
   *
   * @param patterns repeat buyers' mean spends
   * @return the sum over customers of ln L
   */
  public double logLikelihood(Collection<SpendPattern> patterns) {
    return logLikelihood(requireNonNull(patterns, "patterns").toArray(new SpendPattern[0]), p, q, gamma);
  }

  /**
   * Returns the expected spend per transaction of a customer with x repeat transactions of mean
   * spend m̄ (Fader, Hardie &amp; Lee 2005, equation 3): the weighted mean
   * {@code (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · m̄} = {@code p(γ + x·m̄)/(px+q−1)}.
   *
   * @param x the customer's repeat transactions, {@code >= 0} (0: the population mean)
   * @param meanSpend their mean spend, finite and {@code >= 0} (ignored when x = 0)
   * @return the expected spend, finite and {@code > 0}
   * @throws IllegalArgumentException for a negative x or a mean spend that is negative or not finite
   * @throws ArithmeticException when the expectation does not exist: px + q ≤ 1 (for x = 0, q ≤ 1,
   *     where the population's mean spend is infinite), or it overflows
   */
  public double expectedSpend(long x, double meanSpend) {
    if (x < 0) {
      throw new IllegalArgumentException("x must be >= 0 but was " + x);
    }
    if (!(meanSpend >= 0 && meanSpend <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("mean spend must be finite and >= 0 but was " + meanSpend);
    }
    double px = p * x;
    double denominator = px + q - 1;
    if (!(denominator > 0)) {
      throw new ArithmeticException("Gamma-Gamma expected spend does not exist: p·x + q = " + (px + q)
          + " <= 1 (q = " + q + ")");
    }
    // p(γ + x m̄) / (px + q − 1), split so that γ + x m̄ cannot overflow.
    double e = x == 0 ? p * gamma / denominator : p * gamma / denominator + px / denominator * meanSpend;
    if (!(e <= Double.MAX_VALUE)) {
      throw new ArithmeticException("Gamma-Gamma expected spend overflows a double");
    }
    return e;
  }

  /**
   * Returns the population's mean spend per transaction, pγ/(q−1).
   *
   * @return the mean, finite and {@code > 0}
   * @throws ArithmeticException when q ≤ 1 (the mean is infinite) or it overflows
   */
  public double meanSpend() {
    return expectedSpend(0, 0);
  }

  static double logLikelihood(SpendPattern[] data, double p, double q, double gamma) {
    double lgQ = LogGamma.value(q);
    double qLogGamma = q * Math.log(gamma);
    double sum = 0;
    for (SpendPattern s : data) {
      double x = s.x();
      double m = s.meanSpend();
      double px = p * x;
      double ll = LogGamma.value(px + q) - LogGamma.value(px) - lgQ + qLogGamma + (px - 1) * Math.log(m)
          + px * Math.log(x) - (px + q) * Math.log(gamma + m * x);
      sum += s.customers() * ll;
    }
    return sum;
  }

  static double[] gradient(SpendPattern[] data, double p, double q, double gamma) {
    double psiQ = Digamma.value(q);
    double logGamma = Math.log(gamma);
    double gp = 0;
    double gq = 0;
    double gg = 0;
    for (SpendPattern s : data) {
      double n = s.customers();
      double x = s.x();
      double m = s.meanSpend();
      double px = p * x;
      double psiPxQ = Digamma.value(px + q);
      double logDen = Math.log(gamma + m * x);
      gp += n * x * (psiPxQ - Digamma.value(px) + Math.log(m) + Math.log(x) - logDen);
      gq += n * (psiPxQ - psiQ + logGamma - logDen);
      gg += n * (q / gamma - (px + q) / (gamma + m * x));
    }
    return new double[] {gp, gq, gg};
  }

  /** Equal (x, mean spend) patterns as one, with their customers added: a fit costs distinct patterns. */
  private static SpendPattern[] merged(Collection<SpendPattern> patterns) {
    java.util.Map<SpendPattern, long[]> counts = new java.util.TreeMap<>(RepeatPatterns.SPEND_ORDER);
    for (SpendPattern s : patterns) {
      long[] n = counts.computeIfAbsent(requireNonNull(s, "pattern"), k -> new long[1]);
      n[0] = Math.addExact(n[0], s.customers());
    }
    SpendPattern[] out = new SpendPattern[counts.size()];
    int i = 0;
    for (java.util.Map.Entry<SpendPattern, long[]> e : counts.entrySet()) {
      out[i++] = new SpendPattern(e.getKey().x(), e.getKey().meanSpend(), e.getValue()[0]);
    }
    return out;
  }

  /**
   * The log-likelihood with its gradient and exact Hessian in (p, q, γ); see {@link Spends}.
   */
  static double derivatives(SpendPattern[] data, double p, double q, double gamma, double[] g, double[][] h) {
    return new Spends(merged(java.util.Arrays.asList(data))).evaluate(p, q, gamma, g, h);
  }

  /**
   * A fit's data: distinct patterns in x order, with what does not depend on the parameters
   * computed once. Per customer, ln L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m + px ln x
   * − (px+q) ln D with D = γ + m x; its second derivatives are x²(ψ'(px+q) − ψ'(px)), x ψ'(px+q),
   * −x/D (p with p, q, γ), ψ'(px+q) − ψ'(q), 1/γ − 1/D (q with q, γ) and −q/γ² + (px+q)/D² (γ with
   * γ). The gamma functions depend on x only, so an evaluation computes them once per distinct x
   * and one logarithm per pattern.
   */
  static final class Spends {
    private final double[] xs;
    private final double[] m;
    private final double[] n;
    private final double[] logM;
    /** Patterns [start of group, groupEnd[k]) share x = xs[k]. */
    private final int[] groupEnd;

    Spends(SpendPattern[] byX) {
      m = new double[byX.length];
      n = new double[byX.length];
      logM = new double[byX.length];
      double[] x = new double[byX.length];
      int[] ends = new int[byX.length];
      int groups = 0;
      for (int i = 0; i < byX.length; i++) {
        m[i] = byX[i].meanSpend();
        n[i] = byX[i].customers();
        logM[i] = Math.log(m[i]);
        if (i > 0 && byX[i].x() < byX[i - 1].x()) {
          throw new IllegalArgumentException("patterns must be in x order");
        }
        if (i == 0 || byX[i].x() != byX[i - 1].x()) {
          x[groups++] = byX[i].x();
        }
        ends[groups - 1] = i + 1;
      }
      xs = java.util.Arrays.copyOf(x, groups);
      groupEnd = java.util.Arrays.copyOf(ends, groups);
    }

    /**
     * Returns ln L; fills the gradient if {@code g} is not null, and the Hessian if {@code h} is not
     * null too.
     */
    double evaluate(double p, double q, double gamma, double @Nullable [] g, double @Nullable [][] h) {
      double lgQ = LogGamma.value(q);
      double psiQ = g == null ? 0 : Digamma.value(q);
      double triQ = h == null ? 0 : Trigamma.value(q);
      double logGamma = Math.log(gamma);
      double ll = 0;
      double gp = 0;
      double gq = 0;
      double gg = 0;
      double hpp = 0;
      double hpq = 0;
      double hpg = 0;
      double hqq = 0;
      double hqg = 0;
      double hgg = 0;
      int start = 0;
      for (int k = 0; k < xs.length; k++) {
        double x = xs[k];
        double px = p * x;
        double logX = Math.log(x);
        double customers = 0;
        double sumLogM = 0;
        double sumLogDen = 0;
        double sumInv = 0;
        double sumInv2 = 0;
        for (int i = start; i < groupEnd[k]; i++) {
          double den = gamma + m[i] * x;
          double inv = 1 / den;
          customers += n[i];
          sumLogM += n[i] * logM[i];
          sumLogDen += n[i] * Math.log(den);
          sumInv += n[i] * inv;
          sumInv2 += n[i] * inv * inv;
        }
        start = groupEnd[k];
        ll += customers * (LogGamma.value(px + q) - LogGamma.value(px) - lgQ + q * logGamma + px * logX)
            + (px - 1) * sumLogM - (px + q) * sumLogDen;
        if (g != null) {
          double psiPxQ = Digamma.value(px + q);
          gp += x * (customers * (psiPxQ - Digamma.value(px) + logX) + sumLogM - sumLogDen);
          gq += customers * (psiPxQ - psiQ + logGamma) - sumLogDen;
          gg += customers * q / gamma - (px + q) * sumInv;
          if (h != null) {
            double triPxQ = Trigamma.value(px + q);
            hpp += x * x * customers * (triPxQ - Trigamma.value(px));
            hpq += x * customers * triPxQ;
            hpg += -x * sumInv;
            hqq += customers * (triPxQ - triQ);
            hqg += customers / gamma - sumInv;
            hgg += -customers * q / (gamma * gamma) + (px + q) * sumInv2;
          }
        }
      }
      if (g != null) {
        g[0] = gp;
        g[1] = gq;
        g[2] = gg;
        if (h != null) {
          double[][] hm = {{hpp, hpq, hpg}, {hpq, hqq, hqg}, {hpg, hqg, hgg}};
          for (int i = 0; i < 3; i++) {
            System.arraycopy(hm[i], 0, h[i], 0, 3);
          }
        }
      }
      return ll;
    }
  }
}

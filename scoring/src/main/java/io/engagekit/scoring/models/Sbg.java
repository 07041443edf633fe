package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;

/**
 * The shifted-beta-geometric (sBG) model of contract duration (Fader &amp; Hardie 2007, "How to
 * Project Customer Retention", <i>Journal of Interactive Marketing</i> 21(1), 76–90): at the end of
 * each period an active customer cancels with probability θ, and θ varies across customers as
 * Beta(α, β). For a cohort acquired together it gives the duration T (in periods, T ≥ 1) and so
 * the survival and retention curves; it is the contractual counterpart of BG/BB.
 *
 * <ul>
 *   <li>P(T = t) = B(α+1, β+t−1) / B(α, β) (their equation 5);
 *   <li>S(t) = P(T &gt; t) = B(α, β+t) / B(α, β) (equation 6);
 *   <li>the retention rate from period t−1 to t, r<sub>t</sub> = S(t)/S(t−1) = (β+t−1)/(α+β+t−1)
 *       (equation 8): it rises with t because the customers likeliest to cancel leave first.
 * </ul>
 *
 * <p>Discounted lifetimes (Fader &amp; Hardie 2010, "Customer-Base Valuation in a Contractual
 * Setting: The Perils of Ignoring Heterogeneity", <i>Marketing Science</i> 29(1), 85–93), with d the
 * discount rate per period: the discounted expected lifetime of a customer just acquired, {@code
 * DEL(d) = Σ_{t≥0} S(t)/(1+d)^t} (each period's payment made at its start; E[CLV] = m · DEL), and
 * the discounted expected residual lifetime of one who has made n−1 renewals, at the end of period
 * n just before deciding to renew, {@code DERL(d, n) = Σ_{t≥n} [S(t)/S(n−1)] / (1+d)^(t−n)} (their
 * equation 6, there written with a Gaussian hypergeometric function). Both are summed term by term,
 * each term from the previous one by the retention rate and the discount factor, until a term is
 * below 1e-17 of the sum (the tail then left is below 1e-17/d of it); with d = 0 they are the
 * undiscounted expectations in closed form, finite only when α &gt; 1.
 *
 * <p>Immutable and thread-safe.
 *
 * @param alpha the first shape of the cancellation-probability distribution, finite, {@code > 0}
 * @param beta the second shape, finite, {@code > 0}
 * @since 0.2
 */
public record Sbg(double alpha, double beta) {
  static final String[] NAMES = {"alpha", "beta"};
  /** The most terms a discounted lifetime is summed over before it is refused as not converging. */
  private static final long MAX_TERMS = 100_000_000L;

  /**
   * Validates the parameters.
   *
   * @param alpha see the class description
   * @param beta see the class description
   * @throws IllegalArgumentException naming a parameter that is not finite and positive
   */
  public Sbg {
    Parameters.positive("alpha", alpha);
    Parameters.positive("beta", beta);
  }

  /**
   * Fits the model to one cohort's survivors by maximum likelihood: the customers lost in period t
   * (s<sub>t−1</sub> − s<sub>t</sub>) each contribute ln P(T = t), and those still active after the
   * last period ln S(n) (their equation 7).
   *
   * @param survivors the cohort by period: {@code survivors[0]} its size, {@code survivors[t]} how
   *     many are still active after t periods; at least two values, non-increasing, the first
   *     positive
   * @return the fit, with parameters {@code alpha, beta}; its customers are the cohort's size
   * @throws IllegalArgumentException if the survivors are not a cohort as described, naming the
   *     period
   * @throws ModelFitException if the optimiser does not converge to a proper maximum
   */
  public static ModelFit<Sbg> fit(long[] survivors) {
    long[] s = requireNonNull(survivors, "survivors").clone();
    check(s);
    MaximumLikelihood.Optimum o = MaximumLikelihood.fit("sBG", NAMES, new double[] {1, 1},
        v -> evaluate(s, v[0], v[1], null), v -> {
          double[] g = new double[2];
          evaluate(s, v[0], v[1], g);
          return g;
        }, s[0]);
    double[] v = o.parameters();
    return ModelFit.of(new Sbg(v[0], v[1]), NAMES, o, s[0]);
  }

  /** Checks a cohort's survivors: at least two, the first positive, none negative or rising. */
  static void check(long[] s) {
    if (s.length < 2) {
      throw new IllegalArgumentException("sBG needs the cohort's size and at least one period's survivors, but "
          + s.length + " value" + (s.length == 1 ? " was" : "s were") + " given");
    }
    if (s[0] <= 0) {
      throw new IllegalArgumentException("survivors at period 0 (the cohort's size) must be > 0 but was " + s[0]);
    }
    for (int t = 1; t < s.length; t++) {
      if (s[t] < 0 || s[t] > s[t - 1]) {
        throw new IllegalArgumentException("survivors at period " + t + " must be in [0, " + s[t - 1]
            + "] (those of period " + (t - 1) + ") but was " + s[t]);
      }
    }
  }

  /**
   * Returns the log-likelihood of a cohort's survivors under this model.
   *
   * @param survivors the cohort by period, as for {@link #fit}
   * @return the log-likelihood, at most 0
   * @throws IllegalArgumentException if the survivors are not a cohort
   */
  public double logLikelihood(long[] survivors) {
    long[] s = requireNonNull(survivors, "survivors").clone();
    check(s);
    return evaluate(s, alpha, beta, null);
  }

  /** The log-likelihood, and when {@code gradient} is not null its gradient in (α, β). */
  private static double evaluate(long[] s, double a, double b, double[] gradient) {
    double lbAB = LogBeta.value(a, b);
    double psiA = gradient == null ? 0 : Digamma.value(a);
    double psiB = gradient == null ? 0 : Digamma.value(b);
    double psiAB = gradient == null ? 0 : Digamma.value(a + b);
    double sum = 0;
    double ga = 0;
    double gb = 0;
    int n = s.length - 1;
    for (int t = 1; t <= n; t++) {
      long lost = s[t - 1] - s[t];
      if (lost > 0) {
        // ln P(T = t) = ln B(a+1, b+t-1) - ln B(a, b)
        sum += lost * (LogBeta.value(a + 1, b + t - 1) - lbAB);
        if (gradient != null) {
          double psiTotal = Digamma.value(a + b + t);
          ga += lost * (Digamma.value(a + 1) - psiTotal - psiA + psiAB);
          gb += lost * (Digamma.value(b + t - 1) - psiTotal - psiB + psiAB);
        }
      }
    }
    if (s[n] > 0) {
      // ln S(n) = ln B(a, b+n) - ln B(a, b)
      sum += s[n] * (LogBeta.value(a, b + n) - lbAB);
      if (gradient != null) {
        double psiTotal = Digamma.value(a + b + n);
        ga += s[n] * (psiA - psiTotal - psiA + psiAB);
        gb += s[n] * (Digamma.value(b + n) - psiTotal - psiB + psiAB);
      }
    }
    if (gradient != null) {
      gradient[0] = ga;
      gradient[1] = gb;
    }
    return sum;
  }

  /**
   * Returns the probability that a new customer's contract lasts exactly t periods, P(T = t).
   *
   * @param t the period, {@code >= 1}
   * @return the probability, in [0, 1]
   */
  public double churnProbability(long t) {
    if (t < 1) {
      throw new IllegalArgumentException("t must be >= 1 but was " + t);
    }
    return Math.exp(LogBeta.value(alpha + 1, beta + t - 1) - LogBeta.value(alpha, beta));
  }

  /**
   * Returns the probability that a new customer is still active after t periods, S(t).
   *
   * @param t the number of periods, {@code >= 0}
   * @return the probability, in (0, 1]
   */
  public double survival(long t) {
    if (t < 0) {
      throw new IllegalArgumentException("t must be >= 0 but was " + t);
    }
    return t == 0 ? 1.0 : Math.min(1.0, Math.exp(LogBeta.value(alpha, beta + t) - LogBeta.value(alpha, beta)));
  }

  /**
   * Returns the retention rate from period t−1 to period t: the share of those active after t−1
   * periods who are still active after t.
   *
   * @param t the period, {@code >= 1}
   * @return (β+t−1)/(α+β+t−1), in (0, 1)
   */
  public double retention(long t) {
    if (t < 1) {
      throw new IllegalArgumentException("t must be >= 1 but was " + t);
    }
    return (beta + t - 1) / (alpha + beta + t - 1);
  }

  /**
   * Returns the discounted expected lifetime of a customer just acquired, in periods: Σ<sub>t≥0</sub>
   * S(t)/(1+d)<sup>t</sup>. Multiplied by the margin per period it is the expected lifetime value.
   *
   * @param discountRate d, finite and {@code >= 0}; 0 only when α &gt; 1
   * @return the discounted expected lifetime, {@code >= 1}
   * @throws IllegalArgumentException if the rate is out of range, or 0 with α ≤ 1 (the expected
   *     lifetime is then infinite)
   */
  public double discountedLifetime(double discountRate) {
    return 1 + discountedResidualLifetime(discountRate, 1) / (1 + discountRate);
  }

  /**
   * Returns the discounted expected residual lifetime of a customer who has made n−1 renewals, at
   * the end of period n just before the renewal decision: Σ<sub>t≥n</sub> [S(t)/S(n−1)] /
   * (1+d)<sup>t−n</sup> (Fader &amp; Hardie 2010, equation 6). The first term is the probability of
   * renewing now, undiscounted.
   *
   * @param discountRate d, finite and {@code >= 0}; 0 only when α &gt; 1
   * @param period n, {@code >= 1}: the period the customer is in
   * @return the discounted expected residual lifetime, in periods, {@code >= 0}
   * @throws IllegalArgumentException if an argument is out of range, or the rate is 0 with α ≤ 1
   * @throws ArithmeticException if the sum has not converged within 100,000,000 terms (a rate so
   *     small that the lifetime is effectively undiscounted and longer than that)
   */
  public double discountedResidualLifetime(double discountRate, long period) {
    if (!(discountRate >= 0 && discountRate <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("discount rate must be finite and >= 0 but was " + discountRate);
    }
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1 but was " + period);
    }
    if (discountRate == 0 && !(alpha > 1)) {
      throw new IllegalArgumentException("with a discount rate of 0 the expected residual lifetime is finite only"
          + " when alpha > 1, but alpha is " + alpha);
    }
    if (discountRate == 0) {
      return (beta + period - 1) / (alpha - 1); // Σ_{t≥n} S(t)/S(n−1), in closed form
    }
    double factor = 1 / (1 + discountRate);
    double term = 1;
    double sum = 0;
    for (long t = period; t - period < MAX_TERMS; t++) {
      term *= retention(t); // S(t)/S(n−1) · (1+d)^−(t−n), from the previous term
      sum += term;
      if (term <= 1e-17 * sum) {
        return sum;
      }
      term *= factor;
    }
    throw new ArithmeticException("the discounted residual lifetime did not converge within " + MAX_TERMS
        + " periods at a discount rate of " + discountRate);
  }

  /**
   * The model's parameters by name.
   *
   * @return {@code alpha, beta}
   */
  public Map<String, Double> parameters() {
    return Parameters.named(NAMES, alpha, beta);
  }
}

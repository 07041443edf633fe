package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Pareto/NBD with covariates that change over time, piecewise constant (Bachmann, Meierer &amp;
 * Näf 2021, "The Role of Time-Varying Contextual Factors in Latent Attrition Models for Customer
 * Base Analysis", <i>Marketing Science</i> 40(4)): a customer's purchase rate at time τ is
 * λ·exp(γ<sub>trans</sub>·x(τ)) and their dropout rate μ·exp(γ<sub>life</sub>·z(τ)), with λ ~
 * Gamma(r, α) and μ ~ Gamma(s, β) as in Pareto/NBD. Seasons, campaigns or a price in force are
 * such covariates; a covariate that never changes for a customer acts as in {@link
 * CovariateModel} (α·exp(−γ·z)), and with every coefficient 0 the model is Pareto/NBD. The
 * likelihood and its gradient are exact ({@code TimeVaryingLikelihood}); the fit starts from
 * Pareto/NBD's and differences the gradient for the Hessian.
 *
 * <p>Parameters, as {@link #parameters()} names them: {@code r, alpha, s, beta}, then {@code
 * life.NAME} and {@code trans.NAME} for each covariate. Predictions take a customer's {@link
 * CovariatePath}: P(alive) at T, and expected purchases in (T, T + t], which use the covariates
 * the path gives after T (its last piece's values carried on).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2
 */
public final class TimeVaryingParetoNbd {
  private final ParetoNbd base;
  private final List<String> life;
  private final List<String> trans;
  private final double[] lifeCoefficients;
  private final double[] transCoefficients;

  /**
   * Makes the model from its parameters.
   *
   * @param base r, α, s, β
   * @param life the lifetime covariates' coefficients by name, in the order of the paths' values
   * @param trans the transaction covariates' coefficients by name, likewise
   * @throws IllegalArgumentException if a coefficient is not finite or a name is repeated
   */
  public TimeVaryingParetoNbd(ParetoNbd base, Map<String, Double> life, Map<String, Double> trans) {
    this.base = requireNonNull(base, "base");
    this.life = List.copyOf(requireNonNull(life, "life").keySet());
    this.trans = List.copyOf(requireNonNull(trans, "trans").keySet());
    this.lifeCoefficients = values(life);
    this.transCoefficients = values(trans);
  }

  private static double[] values(Map<String, Double> m) {
    double[] v = new double[m.size()];
    int i = 0;
    for (Map.Entry<String, Double> e : m.entrySet()) {
      if (e.getValue() == null || !Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException("coefficient " + e.getKey() + " must be finite but was " + e.getValue());
      }
      v[i++] = e.getValue();
    }
    return v;
  }

  /**
   * Fits the model by maximum likelihood.
   *
   * @param data each customer's purchases and covariate path; each path's rows hold the values of
   *     {@code life} and {@code trans}, in that order
   * @param life the names of the lifetime covariates
   * @param trans the names of the transaction covariates
   * @return the fit, with parameters named as the class description says
   * @throws IllegalArgumentException if there are no customers or covariates, a name is repeated,
   *     or a path has another number of values
   * @throws ModelFitException if the optimiser does not converge to a proper maximum
   */
  public static ModelFit<TimeVaryingParetoNbd> fit(Collection<CovariatePath> data, List<String> life,
      List<String> trans) {
    List<String> names = names(life, trans);
    int q = life.size();
    int p = trans.size();
    List<TimeVaryingLikelihood.Prepared> prepared = new ArrayList<>();
    List<RepeatPattern> patterns = new ArrayList<>();
    for (CovariatePath c : requireNonNull(data, "data")) {
      prepared.add(TimeVaryingLikelihood.Prepared.of(requireNonNull(c, "path"), p, q));
      patterns.add(c.pattern());
    }
    if (prepared.isEmpty()) {
      throw new IllegalArgumentException("Pareto/NBD with time-varying covariates needs at least one customer");
    }
    TimeVaryingLikelihood.Prepared[] all = prepared.toArray(new TimeVaryingLikelihood.Prepared[0]);
    double[] start = new double[4 + q + p];
    double[] base;
    try {
      base = ParetoNbd.fit(patterns).model().parameters().values().stream().mapToDouble(Double::doubleValue).toArray();
    } catch (ModelFitException e) {
      base = ParetoNbd.start(patterns.toArray(new RepeatPattern[0]));
    }
    System.arraycopy(base, 0, start, 0, 4);
    MaximumLikelihood.Optimum o = MaximumLikelihood.fit("Pareto/NBD with time-varying covariates",
        names.toArray(new String[0]), 4, start, v -> total(all, v, q, null), v -> {
          double[] g = new double[v.length];
          total(all, v, q, g);
          return g;
        }, null, all.length);
    double[] v = o.parameters();
    return ModelFit.of(of(v, life, trans), names.toArray(new String[0]), o, all.length);
  }

  private static TimeVaryingParetoNbd of(double[] v, List<String> life, List<String> trans) {
    Map<String, Double> l = new LinkedHashMap<>();
    Map<String, Double> t = new LinkedHashMap<>();
    for (int j = 0; j < life.size(); j++) {
      l.put(life.get(j), v[4 + j]);
    }
    for (int j = 0; j < trans.size(); j++) {
      t.put(trans.get(j), v[4 + life.size() + j]);
    }
    return new TimeVaryingParetoNbd(new ParetoNbd(v[0], v[1], v[2], v[3]), l, t);
  }

  private static List<String> names(List<String> life, List<String> trans) {
    requireNonNull(life, "life");
    requireNonNull(trans, "trans");
    if (life.isEmpty() && trans.isEmpty()) {
      throw new IllegalArgumentException("name at least one covariate for the lifetime or transaction process");
    }
    if (new LinkedHashSet<>(life).size() != life.size() || new LinkedHashSet<>(trans).size() != trans.size()) {
      throw new IllegalArgumentException("a covariate is named twice for one process: life " + life + ", trans "
          + trans);
    }
    List<String> names = new ArrayList<>(List.of(ParetoNbd.NAMES));
    life.forEach(n -> names.add("life." + n));
    trans.forEach(n -> names.add("trans." + n));
    return names;
  }

  private static double total(TimeVaryingLikelihood.Prepared[] all, double[] v, int q, double[] gradient) {
    double[] life = java.util.Arrays.copyOfRange(v, 4, 4 + q);
    double[] trans = java.util.Arrays.copyOfRange(v, 4 + q, v.length);
    double[] g = gradient == null ? null : new double[v.length];
    if (gradient != null) {
      java.util.Arrays.fill(gradient, 0);
    }
    double sum = 0;
    for (TimeVaryingLikelihood.Prepared c : all) {
      double ll = TimeVaryingLikelihood.evaluate(c, v[0], v[1], v[2], v[3], life, trans, null, g);
      if (!Double.isFinite(ll)) {
        return Double.NEGATIVE_INFINITY;
      }
      sum += ll;
      if (gradient != null) {
        for (int i = 0; i < v.length; i++) {
          gradient[i] += g[i];
        }
      }
    }
    return sum;
  }

  /**
   * Returns the Pareto/NBD of a customer whose covariates are all 0.
   *
   * @return the base model
   */
  public ParetoNbd base() {
    return base;
  }

  /**
   * Returns every parameter by name, in order: {@code r, alpha, s, beta}, {@code life.NAME}, {@code
   * trans.NAME}.
   *
   * @return the parameters
   */
  public Map<String, Double> parameters() {
    Map<String, Double> all = new LinkedHashMap<>(base.parameters());
    for (int j = 0; j < life.size(); j++) {
      all.put("life." + life.get(j), lifeCoefficients[j]);
    }
    for (int j = 0; j < trans.size(); j++) {
      all.put("trans." + trans.get(j), transCoefficients[j]);
    }
    return Collections.unmodifiableMap(all);
  }

  /**
   * Returns the total log-likelihood of customers.
   *
   * @param data the customers' paths
   * @return the log-likelihood
   */
  public double logLikelihood(Collection<CovariatePath> data) {
    double sum = 0;
    for (CovariatePath c : requireNonNull(data, "data")) {
      sum += TimeVaryingLikelihood.evaluate(prepare(c), base.r(), base.alpha(), base.s(), base.beta(),
          lifeCoefficients, transCoefficients, null, null);
    }
    return sum;
  }

  /**
   * Returns the probability that the customer is alive at the end of their observation, T.
   *
   * @param path the customer's purchases and covariates
   * @return P(alive), in [0, 1]
   */
  public double probabilityAlive(CovariatePath path) {
    double[] terms = new double[4];
    TimeVaryingLikelihood.evaluate(prepare(path), base.r(), base.alpha(), base.s(), base.beta(), lifeCoefficients,
        transCoefficients, terms, null);
    return Parameters.logistic(terms[1] - terms[0]);
  }

  /**
   * Returns the customer's expected purchases in (T, T + t]: P(alive) · (r+x)/(α+A(T)) ·
   * ∫<sub>T</sub><sup>T+t</sup> c(u) ((β+B(T))/(β+B(u)))<sup>s</sup> du, in closed form on each
   * piece of the path (its last piece carried on).
   *
   * @param path the customer's purchases and covariates
   * @param t the horizon, finite and {@code >= 0}
   * @return the expected purchases, finite and {@code >= 0}
   */
  public double expectedTransactions(CovariatePath path, double t) {
    Parameters.horizon("t", t);
    double[] terms = new double[4];
    TimeVaryingLikelihood.evaluate(prepare(path), base.r(), base.alpha(), base.s(), base.beta(), lifeCoefficients,
        transCoefficients, terms, null);
    double alive = Parameters.logistic(terms[1] - terms[0]);
    if (t == 0 || alive == 0) {
      return 0;
    }
    double T = path.T();
    double s = base.s();
    double bT = base.beta() + terms[3];
    double[] starts = path.starts();
    double[][] tr = path.trans();
    double[][] li = path.life();
    double b = bT;
    double sum = 0;
    for (int k = 0; k < starts.length; k++) {
      double end = k + 1 < starts.length ? starts[k + 1] : Double.POSITIVE_INFINITY;
      double from = Math.max(T, starts[k]);
      double to = Math.min(T + t, end);
      if (!(to > from)) {
        continue;
      }
      double ck = Math.exp(dot(transCoefficients, tr[k]));
      double dk = Math.exp(dot(lifeCoefficients, li[k]));
      double len = to - from;
      // ∫_0^len (b + d u)^−s du · (β+B(T))^s = b/d · (bT/b)^s · (1 − (1 + d len/b)^(1−s))/(s−1).
      double l = Math.log1p(dk * len / b);
      double fraction = Math.abs((s - 1) * l) < 1e-8 ? l * (1 - (s - 1) * l / 2) : -Math.expm1(-(s - 1) * l) / (s - 1);
      sum += ck * b / dk * Math.exp(s * Math.log(bT / b)) * fraction;
      b += dk * len;
    }
    double e = alive * (base.r() + path.purchases().length) / (base.alpha() + terms[2]) * sum;
    if (!(e >= 0 && e <= Double.MAX_VALUE)) {
      throw new ArithmeticException("expected transactions overflow a double");
    }
    return e;
  }

  private TimeVaryingLikelihood.Prepared prepare(CovariatePath path) {
    return TimeVaryingLikelihood.Prepared.of(requireNonNull(path, "path"), transCoefficients.length,
        lifeCoefficients.length);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeVaryingParetoNbd m && parameters().equals(m.parameters());
  }

  @Override
  public int hashCode() {
    return parameters().hashCode();
  }

  @Override
  public String toString() {
    return "TimeVaryingParetoNbd" + parameters();
  }
}

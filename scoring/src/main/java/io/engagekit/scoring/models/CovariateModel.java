package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A customer-base model whose purchase and dropout processes depend on time-invariant covariates,
 * in the parameterisation of Bachmann, Meierer &amp; Näf (2021), "The Role of Time-Varying
 * Contextual Factors in Latent Attrition Models for Customer Base Analysis", <i>Marketing
 * Science</i> 40(4), and of Fader &amp; Hardie's note "Incorporating Time-Invariant Covariates into
 * the Pareto/NBD and BG/NBD Models" (2007): with z<sub>i</sub> a customer's covariates,
 *
 * <ul>
 *   <li>Pareto/NBD: α<sub>i</sub> = α·exp(−γ<sub>trans</sub>·z<sub>i</sub>), β<sub>i</sub> =
 *       β·exp(−γ<sub>life</sub>·z<sub>i</sub>);
 *   <li>BG/NBD: α<sub>i</sub> = α·exp(−γ<sub>trans</sub>·z<sub>i</sub>), a<sub>i</sub> =
 *       a·exp(γ<sub>life</sub>·z<sub>i</sub>), b<sub>i</sub> = b·exp(γ<sub>life</sub>·z<sub>i</sub>);
 *   <li>GGompertz/NBD: α<sub>i</sub> = α·exp(−γ<sub>trans</sub>·z<sub>i</sub>), β<sub>i</sub> =
 *       β·exp(−γ<sub>life</sub>·z<sub>i</sub>).
 * </ul>
 *
 * <p>So a positive transaction coefficient raises the expected purchase rate r/α<sub>i</sub> by the
 * factor e<sup>γ·z</sup>; a positive Pareto/NBD (or GGompertz/NBD) lifetime coefficient raises the
 * expected dropout rate. The transaction and lifetime processes have separate coefficient vectors;
 * a covariate in both may be constrained to one coefficient. Customer i's predictions are those of
 * the model without covariates at its own parameters ({@link #forCustomer}), as in CLVTools.
 *
 * <p>Parameter names, as {@link #parameters()} and {@code fit --json} give them: the base model's,
 * then {@code life.NAME} for each lifetime covariate, {@code trans.NAME} for each transaction
 * covariate, and {@code constr.NAME} for each covariate constrained to one coefficient in both.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2
 */
public final class CovariateModel {
  private final ModelType<?> baseType;
  private final TransactionModel base;
  private final double[] baseValues;
  private final List<String> life;
  private final List<String> trans;
  private final Set<String> constrained;
  private final Map<String, Double> coefficients;
  private final CovariateLikelihood.Link link;
  /** Which coefficient acts on which parameter: made once, used by every {@link #forCustomer}. */
  private final CovariateLikelihood.Spec spec;

  private CovariateModel(ModelType<?> baseType, double[] baseValues, List<String> life, List<String> trans,
      Set<String> constrained, Map<String, Double> coefficients) {
    this.baseType = baseType;
    this.link = CovariateLikelihood.Link.of(baseType);
    this.spec = new CovariateLikelihood.Spec(life, trans, constrained);
    this.baseValues = baseValues.clone();
    this.base = link.factory.apply(this.baseValues);
    this.life = List.copyOf(life);
    this.trans = List.copyOf(trans);
    this.constrained = Collections.unmodifiableSet(new LinkedHashSet<>(constrained));
    this.coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
  }

  /**
   * Returns the models that take covariates: {@link ModelType#PARETONBD}, {@link ModelType#BGNBD}
   * and {@link ModelType#GGOMNBD}.
   *
   * @return the types
   */
  public static List<ModelType<?>> supported() {
    return List.of(ModelType.PARETONBD, ModelType.BGNBD, ModelType.GGOMNBD);
  }

  /**
   * Fits the model with covariates by maximum likelihood, starting from the fit without them (with
   * every coefficient 0).
   *
   * @param type the base model, one of {@link #supported()}
   * @param data each customer's calibration pattern and coded covariate values
   * @param life the columns (of {@link Covariates#columns()}) acting on the lifetime process
   * @param trans the columns acting on the transaction process
   * @param constrained columns in both lists whose two coefficients are one
   * @return the fit, with parameters named as the class description says
   * @throws IllegalArgumentException if the type takes no covariates, there are no covariates or
   *     customers, a customer lacks a column's value, a value is not finite, or a constrained
   *     column is not in both lists
   * @throws ModelFitException if the optimiser does not converge to a proper maximum
   */
  public static ModelFit<CovariateModel> fit(ModelType<?> type, Collection<CovariatePattern> data, List<String> life,
      List<String> trans, Set<String> constrained) {
    CovariateLikelihood.Link link = CovariateLikelihood.Link.of(requireNonNull(type, "type"));
    CovariateLikelihood.Spec spec = new CovariateLikelihood.Spec(life, trans, constrained);
    List<CovariatePattern> rows = List.copyOf(requireNonNull(data, "data"));
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(link.label + " with covariates needs at least one customer");
    }
    // Customers with equal patterns and covariates are one term of the likelihood, counted.
    Map<List<Object>, long[]> counts = new LinkedHashMap<>();
    Map<List<Object>, CovariatePattern> firstOf = new LinkedHashMap<>();
    List<RepeatPattern> plain = new ArrayList<>(rows.size());
    for (CovariatePattern row : rows) {
      requireNonNull(row, "pattern");
      List<Object> key = new ArrayList<>();
      RepeatPattern p = row.pattern();
      key.add(p.x());
      key.add(p.tx());
      key.add(p.T());
      for (String c : spec.columns) {
        Double v = row.covariates().get(c);
        if (v == null) {
          throw new IllegalArgumentException("a customer's covariates have no value for " + c + ": they have "
              + row.covariates().keySet());
        }
        key.add(v);
      }
      counts.computeIfAbsent(key, k -> new long[1])[0] += p.customers();
      firstOf.putIfAbsent(key, row);
      plain.add(p);
    }
    int k = link.names.length;
    int q = spec.names.size();
    CovariateLikelihood.Group[] groups = new CovariateLikelihood.Group[counts.size()];
    int g = 0;
    long customers = 0;
    for (Map.Entry<List<Object>, long[]> e : counts.entrySet()) {
      CovariatePattern row = firstOf.get(e.getKey());
      groups[g++] = new CovariateLikelihood.Group(new RepeatPattern(row.pattern().x(), row.pattern().tx(), row.pattern().T(), 1),
          e.getValue()[0], spec.design(link, row.covariates()));
      customers += e.getValue()[0];
    }
    double[] start = new double[k + q];
    System.arraycopy(link.start(plain), 0, start, 0, k);
    String[] names = new String[k + q];
    System.arraycopy(link.names, 0, names, 0, k);
    for (int i = 0; i < q; i++) {
      names[k + i] = spec.names.get(i);
    }
    MaximumLikelihood.Optimum o = MaximumLikelihood.fit(link.label + " with covariates", names, k, start,
        p -> CovariateLikelihood.evaluate(link, groups, p, null, null),
        p -> {
          double[] grad = new double[k + q];
          CovariateLikelihood.evaluate(link, groups, p, grad, null);
          return grad;
        },
        link.hessian ? (p, grad, h) -> CovariateLikelihood.evaluate(link, groups, p, grad, h) : null, customers);
    double[] v = o.parameters();
    Map<String, Double> coefficients = new LinkedHashMap<>();
    for (int i = 0; i < q; i++) {
      coefficients.put(spec.names.get(i), v[k + i]);
    }
    CovariateModel model = new CovariateModel(type, java.util.Arrays.copyOf(v, k), spec.life, spec.trans,
        spec.constrained, coefficients);
    return ModelFit.of(model, names, o, customers);
  }

  /**
   * Returns the base model without covariates: the model of a customer whose covariates are all 0.
   *
   * @return the base model
   */
  public TransactionModel base() {
    return base;
  }

  /**
   * Returns the base model's type.
   *
   * @return the type
   */
  public ModelType<?> baseType() {
    return baseType;
  }

  /**
   * Returns the columns acting on the lifetime process.
   *
   * @return the column names
   */
  public List<String> life() {
    return life;
  }

  /**
   * Returns the columns acting on the transaction process.
   *
   * @return the column names
   */
  public List<String> trans() {
    return trans;
  }

  /**
   * Returns every parameter by name: the base model's, then the coefficients.
   *
   * @return the parameters, in order
   */
  public Map<String, Double> parameters() {
    Map<String, Double> all = new LinkedHashMap<>(base.parameters());
    all.putAll(coefficients);
    return Collections.unmodifiableMap(all);
  }

  /**
   * Returns the model of one customer: the base model at that customer's own parameters.
   *
   * @param covariates the customer's value of every column of {@link #life()} and {@link #trans()}
   * @return the customer's model
   * @throws IllegalArgumentException if a value is missing or not finite, or the customer's
   *     parameters overflow
   */
  public TransactionModel forCustomer(Map<String, Double> covariates) {
    double[][] c = spec.design(link, requireNonNull(covariates, "covariates"));
    double[] theta = new double[baseValues.length];
    double[] gamma = new double[spec.names.size()];
    for (int i = 0; i < gamma.length; i++) {
      gamma[i] = coefficients.get(spec.names.get(i));
    }
    for (int j = 0; j < theta.length; j++) {
      double shift = 0;
      for (int i = 0; i < gamma.length; i++) {
        shift += c[j][i] * gamma[i];
      }
      theta[j] = baseValues[j] * Math.exp(shift);
    }
    return link.factory.apply(theta);
  }

  /**
   * Returns the total log-likelihood of customers at this model's parameters.
   *
   * @param data the customers' patterns and covariates
   * @return the log-likelihood
   */
  public double logLikelihood(Collection<CovariatePattern> data) {
    double sum = 0;
    for (CovariatePattern row : requireNonNull(data, "data")) {
      sum += forCustomer(row.covariates()).logLikelihood(List.of(row.pattern()));
    }
    return sum;
  }

  /**
   * Returns the model type of fits with these covariates, so that {@link FittedModel} and {@link
   * ModelJson} can carry them: the base type's name, the parameters of {@link #parameters()}.
   *
   * @param base one of {@link #supported()}
   * @param parameters the parameter names: the base model's and the coefficients, named {@code
   *     life.NAME}, {@code trans.NAME} or {@code constr.NAME}
   * @return the type
   * @throws IllegalArgumentException if a name is neither
   */
  public static ModelType<CovariateModel> type(ModelType<?> base, Collection<String> parameters) {
    CovariateLikelihood.Link link = CovariateLikelihood.Link.of(base);
    List<String> baseNames = List.of(link.names);
    List<String> life = new ArrayList<>();
    List<String> trans = new ArrayList<>();
    Set<String> constrained = new LinkedHashSet<>();
    List<String> coefficients = new ArrayList<>();
    for (String n : parameters) {
      if (baseNames.contains(n)) {
        continue;
      }
      coefficients.add(n);
      if (n.startsWith("life.")) {
        life.add(n.substring(5));
      } else if (n.startsWith("trans.")) {
        trans.add(n.substring(6));
      } else if (n.startsWith("constr.")) {
        constrained.add(n.substring(7));
      } else {
        throw new IllegalArgumentException("a " + base.name() + " model has no parameter " + n + "; it has "
            + baseNames + " and covariate coefficients named life.NAME, trans.NAME or constr.NAME");
      }
    }
    List<String> lifeAll = new ArrayList<>(life);
    List<String> transAll = new ArrayList<>(trans);
    lifeAll.addAll(constrained);
    transAll.addAll(constrained);
    CovariateLikelihood.Spec spec = new CovariateLikelihood.Spec(lifeAll, transAll, constrained);
    List<String> order = new ArrayList<>(baseNames);
    order.addAll(spec.names);
    return ModelType.of(base.name(), order.toArray(new String[0]), true, v -> {
      Map<String, Double> coef = new LinkedHashMap<>();
      for (int i = 0; i < spec.names.size(); i++) {
        coef.put(spec.names.get(i), v[baseNames.size() + i]);
      }
      return new CovariateModel(base, java.util.Arrays.copyOf(v, baseNames.size()), spec.life, spec.trans,
          spec.constrained, coef);
    });
  }

  /** The type of this model's fits. */
  ModelType<CovariateModel> type() {
    return type(baseType, parameters().keySet());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CovariateModel m && baseType.name().equals(m.baseType.name())
        && parameters().equals(m.parameters()) && life.equals(m.life) && trans.equals(m.trans);
  }

  @Override
  public int hashCode() {
    return parameters().hashCode();
  }

  @Override
  public String toString() {
    return "CovariateModel[" + baseType.name() + " " + parameters() + "]";
  }
}

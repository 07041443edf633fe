package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The likelihood of {@link CovariateModel}: how covariates enter each base model ({@link Link}),
 * which coefficients a fit has ({@link Spec}), and the log-likelihood with its exact gradient and
 * Hessian. Stateless.
 */
final class CovariateLikelihood {
  private CovariateLikelihood() {}

  /**
   * The total log-likelihood at p = (base parameters, coefficients), with its gradient and Hessian
   * in p when asked. Each customer's log-parameters are linear in (ln base, coefficients): ln θ =
   * ln base + C·γ with C the customer's design, so with g and H the gradient and Hessian of the
   * customer's log-likelihood in ln θ, the gradient in (ln base, γ) is (g, Cᵀg) and the Hessian
   * [[H, HC], [CᵀH, CᵀHC]], exact; then the chain rule to p.
   */
  static double evaluate(Link link, Group[] groups, double[] p, double[] gradient, double[][] hessian) {
    int k = link.names.length;
    int n = p.length;
    int q = n - k;
    boolean first = gradient != null || hessian != null;
    boolean second = hessian != null;
    double[] ge = new double[n];
    double[][] he = new double[n][n];
    double[] theta = new double[k];
    double[] gt = new double[k];
    double[][] ht = new double[k][k];
    double[] gl = new double[k];
    double[][] hl = new double[k][k];
    double[][] hc = new double[k][q];
    double sum = 0;
    for (Group group : groups) {
      double[][] c = group.design;
      for (int j = 0; j < k; j++) {
        double ln = Math.log(p[j]);
        for (int i = 0; i < q; i++) {
          ln += c[j][i] * p[k + i];
        }
        theta[j] = Math.exp(ln);
        if (!(theta[j] > 0 && theta[j] <= Double.MAX_VALUE)) {
          return Double.NEGATIVE_INFINITY;
        }
      }
      double w = group.customers;
      double ll = link.derivatives.evaluate(group.pattern, theta, first ? gt : null, second ? ht : null);
      if (!Double.isFinite(ll)) {
        return Double.NEGATIVE_INFINITY;
      }
      sum += w * ll;
      if (!first) {
        continue;
      }
      for (int j = 0; j < k; j++) {
        gl[j] = theta[j] * gt[j];
        ge[j] += w * gl[j];
        for (int i = 0; i < q; i++) {
          ge[k + i] += w * c[j][i] * gl[j];
        }
      }
      if (!second) {
        continue;
      }
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          hl[a][b] = theta[a] * theta[b] * ht[a][b] + (a == b ? gl[a] : 0);
        }
      }
      for (int a = 0; a < k; a++) {
        for (int i = 0; i < q; i++) {
          double s = 0;
          for (int b = 0; b < k; b++) {
            s += hl[a][b] * c[b][i];
          }
          hc[a][i] = s;
        }
      }
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          he[a][b] += w * hl[a][b];
        }
        for (int i = 0; i < q; i++) {
          he[a][k + i] += w * hc[a][i];
          he[k + i][a] += w * hc[a][i];
        }
      }
      for (int i = 0; i < q; i++) {
        for (int m = 0; m < q; m++) {
          double s = 0;
          for (int b = 0; b < k; b++) {
            s += c[b][i] * hc[b][m];
          }
          he[k + i][k + m] += w * s;
        }
      }
    }
    // From (ln base, γ) to p = (base, γ): d = base where logged, 1 elsewhere.
    if (gradient != null || second) {
      double[] d = new double[n];
      for (int j = 0; j < n; j++) {
        d[j] = j < k ? p[j] : 1;
      }
      if (gradient != null) {
        for (int j = 0; j < n; j++) {
          gradient[j] = ge[j] / d[j];
        }
      }
      if (second) {
        for (int a = 0; a < n; a++) {
          for (int b = 0; b < n; b++) {
            hessian[a][b] = (he[a][b] - (a == b && a < k ? ge[a] : 0)) / (d[a] * d[b]);
          }
        }
      }
    }
    return sum;
  }

  /** Customers sharing a pattern and covariates: the pattern (of one customer), their count, their design. */
  record Group(RepeatPattern pattern, long customers, double[][] design) {}

  /** The per-pattern log-likelihood of a base model with its gradient and Hessian (when not null) in θ. */
  @FunctionalInterface
  interface PatternDerivatives {
    double evaluate(RepeatPattern pattern, double[] theta, double[] gradient, double[][] hessian);
  }

  /** How covariates enter one base model: which parameters scale with which process, with which sign. */
  static final class Link {
    final String label;
    final String[] names;
    /** Per base parameter: 0 none, +1 or −1 the sign of the transaction coefficients. */
    final int[] transSign;
    /** Per base parameter: 0 none, +1 or −1 the sign of the lifetime coefficients. */
    final int[] lifeSign;
    final PatternDerivatives derivatives;
    final boolean hessian;
    final java.util.function.Function<double[], TransactionModel> factory;
    final java.util.function.Function<List<RepeatPattern>, double[]> start;

    Link(String label, String[] names, int[] transSign, int[] lifeSign, PatternDerivatives derivatives,
        boolean hessian, java.util.function.Function<double[], TransactionModel> factory,
        java.util.function.Function<List<RepeatPattern>, double[]> start) {
      this.label = label;
      this.names = names;
      this.transSign = transSign;
      this.lifeSign = lifeSign;
      this.derivatives = derivatives;
      this.hessian = hessian;
      this.factory = factory;
      this.start = start;
    }

    /** The fit without covariates, or where that fails the base model's own start. */
    double[] start(List<RepeatPattern> patterns) {
      return start.apply(patterns);
    }

    static Link of(ModelType<?> type) {
      switch (type.name()) {
        case "paretonbd":
          return new Link("Pareto/NBD", ParetoNbd.NAMES, new int[] {0, -1, 0, 0}, new int[] {0, 0, 0, -1},
              (p, t, g, h) -> ParetoNbd.evaluate(new RepeatPattern[] {p}, t[0], t[1], t[2], t[3], g, h), true,
              v -> new ParetoNbd(v[0], v[1], v[2], v[3]), patterns -> {
                try {
                  ModelFit<ParetoNbd> f = ParetoNbd.fit(patterns);
                  return values(f.parameters());
                } catch (ModelFitException e) {
                  return ParetoNbd.start(patterns.toArray(new RepeatPattern[0]));
                }
              });
        case "bgnbd":
          return new Link("BG/NBD", BgNbd.NAMES, new int[] {0, -1, 0, 0}, new int[] {0, 0, 1, 1},
              (p, t, g, h) -> BgNbdLikelihood.derivatives(new RepeatPattern[] {p}, t[0], t[1], t[2], t[3],
                  g == null ? new double[4] : g, h == null ? new double[4][4] : h), true,
              v -> new BgNbd(v[0], v[1], v[2], v[3]), patterns -> {
                try {
                  return values(BgNbd.fit(patterns).parameters());
                } catch (ModelFitException | IllegalArgumentException e) {
                  return new double[] {1, 1, 1, 1};
                }
              });
        case "ggomnbd":
          return new Link("GGompertz/NBD", GGompertzNbd.NAMES, new int[] {0, -1, 0, 0, 0},
              new int[] {0, 0, 0, 0, -1},
              (p, t, g, h) -> GGompertzNbd.evaluate(p, t[0], t[1], t[2], t[3], t[4], g), false,
              v -> new GGompertzNbd(v[0], v[1], v[2], v[3], v[4]), GGompertzNbd::start);
        default:
          throw new IllegalArgumentException("a " + type.name() + " model takes no covariates; those that do: "
              + "paretonbd, bgnbd, ggomnbd");
      }
    }

    private static double[] values(Map<String, Double> m) {
      return m.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  /** The coefficients of a fit: their names in order, and which columns act on which process. */
  static final class Spec {
    final List<String> life;
    final List<String> trans;
    final Set<String> constrained;
    /** Coefficient names: life.X, trans.X, constr.X. */
    final List<String> names = new ArrayList<>();
    /** Per coefficient, its column. */
    final List<String> columnOf = new ArrayList<>();
    /** Per coefficient, whether it acts on the transaction and on the lifetime process. */
    final List<boolean[]> acts = new ArrayList<>();
    /** The distinct columns used. */
    final List<String> columns;

    Spec(List<String> life, List<String> trans, Set<String> constrained) {
      this.life = List.copyOf(requireNonNull(life, "life"));
      this.trans = List.copyOf(requireNonNull(trans, "trans"));
      this.constrained = Set.copyOf(requireNonNull(constrained, "constrained"));
      if (this.life.isEmpty() && this.trans.isEmpty()) {
        throw new IllegalArgumentException("name at least one covariate for the lifetime or transaction process");
      }
      if (new LinkedHashSet<>(this.life).size() != this.life.size()
          || new LinkedHashSet<>(this.trans).size() != this.trans.size()) {
        throw new IllegalArgumentException("a covariate is named twice for one process: life " + life + ", trans "
            + trans);
      }
      for (String c : this.constrained) {
        if (!this.life.contains(c) || !this.trans.contains(c)) {
          throw new IllegalArgumentException("the constrained covariate " + c + " must act on both processes, but "
              + "life has " + life + " and trans " + trans);
        }
      }
      for (String c : this.life) {
        if (!this.constrained.contains(c)) {
          add("life." + c, c, false, true);
        }
      }
      for (String c : this.trans) {
        if (!this.constrained.contains(c)) {
          add("trans." + c, c, true, false);
        }
      }
      for (String c : this.life) {
        if (this.constrained.contains(c)) {
          add("constr." + c, c, true, true);
        }
      }
      LinkedHashSet<String> cols = new LinkedHashSet<>(this.life);
      cols.addAll(this.trans);
      columns = List.copyOf(cols);
    }

    private void add(String name, String column, boolean onTrans, boolean onLife) {
      names.add(name);
      columnOf.add(column);
      acts.add(new boolean[] {onTrans, onLife});
    }

    /** The design C: C[j][i] = the shift of ln θ_j per unit of coefficient i, for these covariates. */
    double[][] design(Link link, Map<String, Double> z) {
      double[][] c = new double[link.names.length][names.size()];
      for (int i = 0; i < names.size(); i++) {
        Double v = z.get(columnOf.get(i));
        if (v == null) {
          throw new IllegalArgumentException("a customer's covariates have no value for " + columnOf.get(i)
              + ": they have " + z.keySet());
        }
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("covariate " + columnOf.get(i) + " must be finite but was " + v);
        }
        for (int j = 0; j < link.names.length; j++) {
          int sign = (acts.get(i)[0] ? link.transSign[j] : 0) + (acts.get(i)[1] ? link.lifeSign[j] : 0);
          c[j][i] = sign * v;
        }
      }
      return c;
    }
  }
}

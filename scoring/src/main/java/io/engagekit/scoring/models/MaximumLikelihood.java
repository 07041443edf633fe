package io.engagekit.scoring.models;

import java.util.function.Function;

/**
 * Maximum likelihood over log-parameters, shared by the customer-base models: damped Newton
 * steps on the analytic gradient and a Hessian differenced from it (Levenberg–Marquardt damping
 * where the Hessian is not negative definite, backtracking until the log-likelihood rises), until
 * the gradient vanishes; standard errors then come from the same Hessian.
 *
 * <p>Why not a quasi-Newton method: these models have two to five parameters, so an exact Hessian
 * costs a handful of gradient evaluations and makes every step a full Newton step near the
 * optimum, which is quadratically convergent and ends at a gradient near 0 rather than at a value
 * that stopped changing. Every way this can fail ends in a {@link ModelFitException} naming the
 * model.
 *
 * <p>The convergence rule, the one every fit (the command line, the model-based strategies, the
 * backtest) is judged by: the gradient in log-parameters is below a tolerance that grows with the
 * customers; the information matrix there is positive definite; and every parameter is identified,
 * its standard error at most {@value #MAX_RELATIVE_SE} times its estimate (a flat ridge can leave
 * the information matrix positive definite by rounding, with standard errors thousands of times the
 * estimates: issue 22). When the gradient cannot be brought below the tolerance because no step
 * improves the log-likelihood, a point within 1,000 times the tolerance is taken as the limit of
 * double precision and judged by the same rest of the rule.
 *
 * <p>A fit that fails the rule throws {@link ModelFitException}. When the likelihood rose toward a
 * boundary of the parameter space, a parameter moving more than {@value #BOUNDARY_FACTOR} times away
 * from its start toward 0 or ∞ (the data fit a limit of the model, such as no dropout), the
 * exception says so in its message and {@link ModelFitException#boundary()}.
 */
final class MaximumLikelihood {
  private static final int MAX_ITERATIONS = 500;
  /**
   * The largest standard error of an identified parameter, as a multiple of its estimate (the
   * standard error of its logarithm): 100. Fits on a ridge of near-equal likelihood, where the data
   * fix a ratio of two parameters but not each (Pareto/NBD's s and β with little dropout), reach
   * tens and still predict well; unidentified ones reach thousands.
   */
  static final double MAX_RELATIVE_SE = 100;
  /** How far from its start (as a factor) a parameter of a failed fit must move to be reported at a boundary. */
  static final double BOUNDARY_FACTOR = 1e6;
  /** The largest change of a log-parameter in one step: e^8 ≈ 3,000 times. */
  private static final double MAX_STEP = 8.0;

  private MaximumLikelihood() {}

  /**
   * The optimum: parameters (not logged), log-likelihood, standard errors, the covariance of the
   * parameters (from the inverse observed information) and diagnostics.
   */
  record Optimum(double[] parameters, double logLikelihood, double[] standardErrors, double[][] covariance,
      int iterations, double gradientNorm) {}

  /**
   * Maximises a log-likelihood over the logs of positive parameters.
   *
   * @param model the model's name, for messages
   * @param names the parameter names, for messages
   * @param start the starting parameters, positive
   * @param logLikelihood the log-likelihood of parameters (NaN or -∞ where undefined)
   * @param gradient the gradient of the log-likelihood with respect to the parameters
   * @param scale the number of customers: the gradient tolerance grows with it
   */
  static Optimum fit(String model, String[] names, double[] start, Function<double[], Double> logLikelihood,
      Function<double[], double[]> gradient, double scale) {
    return fit(model, names, start, logLikelihood, gradient, null, scale);
  }

  /**
   * The gradient and Hessian of a log-likelihood in its parameters (not their logarithms), from one
   * pass over the data: writes them and returns the log-likelihood.
   */
  interface Derivatives {
    double evaluate(double[] p, double[] gradient, double[][] hessian);
  }

  /**
   * As {@link #fit(String, String[], double[], Function, Function, double)}, with the exact
   * Hessian from {@code derivatives} when it is not null: one pass per Newton step instead of one
   * gradient and 2k more for the Hessian by differences.
   */
  static Optimum fit(String model, String[] names, double[] start, Function<double[], Double> logLikelihood,
      Function<double[], double[]> gradient, Derivatives derivatives, double scale) {
    return fit(model, names, start.length, start, logLikelihood, gradient, derivatives, scale);
  }

  /**
   * As {@link #fit(String, String[], double[], Function, Function, Derivatives, double)}, where only
   * the first {@code logged} parameters are positive and optimised as logarithms; the others (such
   * as covariate coefficients) are any real number and optimised as they are. The identification
   * rule's relative bound on the standard error applies to the positive parameters only; a free
   * parameter needs a finite standard error.
   */
  static Optimum fit(String model, String[] names, int logged, double[] start,
      Function<double[], Double> logLikelihood, Function<double[], double[]> gradient, Derivatives derivatives,
      double scale) {
    int k = start.length;
    Function<double[], Double> f = theta -> {
      double[] p = transform(theta, logged);
      if (!allFinitePositive(p, logged)) {
        return Double.NEGATIVE_INFINITY;
      }
      double v = logLikelihood.apply(p);
      return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    };
    Function<double[], double[]> g = theta -> {
      double[] p = transform(theta, logged);
      double[] d = gradient.apply(p);
      double[] out = new double[k];
      for (int i = 0; i < k; i++) {
        out[i] = i < logged ? p[i] * d[i] : d[i];
      }
      return out;
    };
    double[] theta = new double[k];
    for (int i = 0; i < k; i++) {
      theta[i] = i < logged ? Math.log(start[i]) : start[i];
    }
    double[] origin = theta.clone();
    double value = f.apply(theta);
    if (!Double.isFinite(value)) {
      throw new ModelFitException(model + ": the log-likelihood is not finite at the starting point");
    }
    double tolerance = 1e-7 * Math.max(1.0, scale);
    double damping = 0;
    double[][] hessian = null;
    double[] grad = null;
    // With exact derivatives, the first trial point of each step is evaluated with them: a Newton
    // step is nearly always accepted, and its derivatives are then those of the next iteration.
    Point trial = null;
    int iteration = 0;
    while (true) {
      if (derivatives == null) {
        grad = g.apply(theta);
        hessian = allFinite(grad) ? hessian(g, theta) : null;
      } else {
        Point here = trial != null && java.util.Arrays.equals(trial.theta, theta) ? trial
            : Point.at(derivatives, theta, logged);
        grad = here.gradient;
        hessian = here.hessian;
      }
      if (!allFinite(grad)) {
        throw failure(model + ": the gradient is not finite at " + describe(names, transform(theta, logged)), names,
            origin, theta, logged);
      }
      if (norm(grad) <= tolerance) {
        break;
      }
      if (++iteration > MAX_ITERATIONS) {
        throw failure(model + ": did not converge in " + MAX_ITERATIONS + " iterations: the gradient "
            + "norm is still " + norm(grad) + " (tolerance " + tolerance + ") at "
            + describe(names, transform(theta, logged)),
            names, origin, theta, logged);
      }
      boolean improved = false;
      boolean firstTrial = true;
      for (int attempt = 0; attempt < 60 && !improved; attempt++) {
        double[] step = dampedNewton(hessian, grad, damping);
        if (step == null) {
          damping = damping == 0 ? 1e-6 * scaleOf(hessian) : damping * 10;
          continue;
        }
        double longest = 0;
        for (double s : step) {
          longest = Math.max(longest, Math.abs(s));
        }
        double shrink = longest > MAX_STEP ? MAX_STEP / longest : 1.0;
        for (double t = shrink; t > 1e-12 * shrink; t /= 2) {
          double[] next = theta.clone();
          for (int i = 0; i < k; i++) {
            next[i] += t * step[i];
          }
          double v;
          if (derivatives != null && firstTrial) {
            firstTrial = false;
            trial = Point.at(derivatives, next, logged);
            v = trial.value;
          } else {
            v = f.apply(next);
          }
          if (v > value) {
            theta = next;
            value = v;
            improved = true;
            break;
          }
        }
        if (!improved) {
          damping = damping == 0 ? 1e-6 * scaleOf(hessian) : damping * 10;
        } else {
          damping /= 10;
          if (damping < 1e-12 * scaleOf(hessian)) {
            damping = 0;
          }
        }
      }
      if (!improved) {
        if (norm(grad) <= 1e3 * tolerance) {
          break; // at the limit of double precision in the log-likelihood
        }
        throw failure(model + ": did not converge: no step improves the log-likelihood at "
            + describe(names, transform(theta, logged)) + ", where its gradient norm is " + norm(grad), names, origin,
            theta, logged);
      }
    }
    double[] p = transform(theta, logged);
    double[] scaleBy = new double[k];
    for (int i = 0; i < k; i++) {
      scaleBy[i] = i < logged ? p[i] : 1;
    }
    double[][] covariance = LinearAlgebra.inverse(negate(hessian));
    if (covariance == null) {
      throw failure(model + ": the optimum at " + describe(names, p) + " is not a proper maximum "
          + "(the information matrix is not positive definite), so the data do not identify "
          + String.join(", ", names), names, origin, theta, logged);
    }
    double[] se = new double[k];
    for (int i = 0; i < k; i++) {
      // At a stationary point the Hessian in p is D^-1 H D^-1 (D = diag p), so SE(p) = p SE(ln p).
      se[i] = scaleBy[i] * Math.sqrt(covariance[i][i]);
      if (!(Double.isFinite(p[i]) && Double.isFinite(se[i]))) {
        throw failure(model + ": the fit ran off to " + names[i] + " = " + p[i]
            + ", so the data do not identify it", names, origin, theta, logged);
      }
      if (i < logged && se[i] > MAX_RELATIVE_SE * p[i]) {
        throw failure(model + ": the optimum at " + describe(names, p) + " leaves " + names[i]
            + " unidentified: its standard error, " + se[i] + ", is " + Math.round(se[i] / p[i])
            + " times the estimate (at most " + (int) MAX_RELATIVE_SE + " for a fit), so the data do not identify "
            + String.join(", ", names), names, origin, theta, logged);
      }
    }
    double[][] cov = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        cov[i][j] = scaleBy[i] * scaleBy[j] * covariance[i][j]; // Cov(p) = D Cov(ln p) D at the optimum
      }
    }
    return new Optimum(p, value, se, cov, iteration, norm(grad));
  }

  /** A point in log-parameters with the log-likelihood and its derivatives there, in θ = ln p. */
  private record Point(double[] theta, double value, double[] gradient, double[][] hessian) {
    /**
     * In θ = ln p for the first {@code logged} parameters and θ = p for the rest: with d = p where
     * logged and 1 elsewhere, g_θ = d ∘ g_p and H_θ = D H_p D + diag(g_θ where logged), D = diag(d).
     */
    static Point at(Derivatives derivatives, double[] theta, int logged) {
      int k = theta.length;
      double[] p = transform(theta, logged);
      double[] gp = new double[k];
      double[][] hp = new double[k][k];
      double value = allFinitePositive(p, logged) ? derivatives.evaluate(p, gp, hp) : Double.NEGATIVE_INFINITY;
      if (Double.isNaN(value)) {
        value = Double.NEGATIVE_INFINITY;
      }
      double[] d = new double[k];
      for (int i = 0; i < k; i++) {
        d[i] = i < logged ? p[i] : 1;
      }
      double[] grad = new double[k];
      double[][] hessian = new double[k][k];
      for (int i = 0; i < k; i++) {
        grad[i] = d[i] * gp[i];
        for (int j = 0; j < k; j++) {
          hessian[i][j] = d[i] * d[j] * hp[i][j];
        }
        if (i < logged) {
          hessian[i][i] += grad[i];
        }
      }
      return new Point(theta.clone(), value, grad, hessian);
    }
  }

  /** The Hessian in log-parameters, by central differences of the analytic gradient, symmetrised. */
  private static double[][] hessian(Function<double[], double[]> g, double[] theta) {
    int k = theta.length;
    double[][] h = new double[k][k];
    for (int j = 0; j < k; j++) {
      double step = 1e-5 * Math.max(1.0, Math.abs(theta[j]));
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[j] += step;
      down[j] -= step;
      double[] gu = g.apply(up);
      double[] gd = g.apply(down);
      for (int i = 0; i < k; i++) {
        h[i][j] = (gu[i] - gd[i]) / (2 * step);
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < i; j++) {
        double m = (h[i][j] + h[j][i]) / 2;
        h[i][j] = m;
        h[j][i] = m;
      }
    }
    return h;
  }

  /** Solves (−H + λI) d = g; null if that matrix is not positive definite. */
  private static double[] dampedNewton(double[][] hessian, double[] grad, double lambda) {
    int k = grad.length;
    double[][] m = negate(hessian);
    for (int i = 0; i < k; i++) {
      m[i][i] += lambda;
    }
    double[][] l = LinearAlgebra.cholesky(m);
    if (l == null) {
      return null;
    }
    return LinearAlgebra.solve(l, grad);
  }

  private static double[][] negate(double[][] m) {
    double[][] n = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      n[i] = new double[m[i].length];
      for (int j = 0; j < m[i].length; j++) {
        n[i][j] = -m[i][j];
      }
    }
    return n;
  }

  private static double scaleOf(double[][] h) {
    double s = 0;
    for (int i = 0; i < h.length; i++) {
      s = Math.max(s, Math.abs(h[i][i]));
    }
    return Math.max(s, 1.0);
  }

  /** The parameters of working coordinates: e^θ for the first {@code logged}, θ for the rest. */
  private static double[] transform(double[] theta, int logged) {
    double[] p = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      p[i] = i < logged ? Math.exp(theta[i]) : theta[i];
    }
    return p;
  }

  /**
   * A failed fit's exception: the message, then which parameters the likelihood drove toward a
   * boundary, if any.
   */
  static ModelFitException failure(String message, String[] names, double[] origin, double[] theta) {
    return failure(message, names, origin, theta, names.length);
  }

  /**
   * As {@link #failure(String, String[], double[], double[])} where only the first {@code logged}
   * parameters are logarithms; a free one at a boundary runs off to ±∞ (moving more than ln
   * {@value #BOUNDARY_FACTOR}).
   */
  static ModelFitException failure(String message, String[] names, double[] origin, double[] theta, int logged) {
    java.util.List<String> boundary = new java.util.ArrayList<>();
    double far = Math.log(BOUNDARY_FACTOR);
    for (int i = 0; i < names.length; i++) {
      double moved = theta[i] - origin[i];
      if (Math.abs(moved) > far || Double.isInfinite(theta[i])) {
        boundary.add(names[i] + (moved > 0 ? " → ∞" : i < logged ? " → 0" : " → −∞"));
      }
    }
    if (boundary.isEmpty()) {
      return new ModelFitException(message);
    }
    return new ModelFitException(message + "; the likelihood rises toward the boundary " + String.join(", ", boundary)
        + " (more than " + (long) BOUNDARY_FACTOR + " times from the start): the data fit a limit of the model "
        + "better than any interior point", boundary);
  }

  private static String describe(String[] names, double[] p) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(names[i]).append(" = ").append(p[i]);
    }
    return sb.toString();
  }

  /** Whether the first {@code logged} values are finite and positive and the rest finite. */
  private static boolean allFinitePositive(double[] p, int logged) {
    for (int i = 0; i < p.length; i++) {
      if (i < logged ? !(p[i] > 0 && p[i] <= Double.MAX_VALUE) : !Double.isFinite(p[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean allFinite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}

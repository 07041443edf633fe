package io.engagekit.scoring.models;

/** The dense symmetric linear algebra of the optimiser: Cholesky factors, solves, inverses. Stateless. */
final class LinearAlgebra {
  private LinearAlgebra() {}

  /** The lower Cholesky factor of a symmetric matrix, or null if it is not positive definite. */
  static double[][] cholesky(double[][] m) {
    int k = m.length;
    double[][] l = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double s = m[i][j];
        for (int q = 0; q < j; q++) {
          s -= l[i][q] * l[j][q];
        }
        if (i == j) {
          if (!(s > 0) || !Double.isFinite(s)) {
            return null;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  static double[] solve(double[][] l, double[] b) {
    int k = b.length;
    double[] y = new double[k];
    for (int i = 0; i < k; i++) {
      double s = b[i];
      for (int q = 0; q < i; q++) {
        s -= l[i][q] * y[q];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double s = y[i];
      for (int q = i + 1; q < k; q++) {
        s -= l[q][i] * x[q];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  /** The inverse of a symmetric positive-definite matrix, or null if it is not one. */
  static double[][] inverse(double[][] m) {
    double[][] l = cholesky(m);
    if (l == null) {
      return null;
    }
    int k = m.length;
    double[][] inv = new double[k][k];
    for (int j = 0; j < k; j++) {
      double[] e = new double[k];
      e[j] = 1;
      double[] col = solve(l, e);
      for (int i = 0; i < k; i++) {
        inv[i][j] = col[i];
      }
    }
    return inv;
  }
}

package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One customer's purchases with covariates that change over time, piecewise constant: what {@link
 * TimeVaryingParetoNbd} fits on. Times are since the customer's first purchase (when they came
 * alive), in the model's unit; the covariates hold from each piece's start to the next start, and
 * the last piece's values hold from its start on (also beyond T, where predictions need them: give
 * pieces up to the end of a forecast to make it with the covariates then).
 *
 * <p>Immutable and thread-safe: the arrays are copied in and out.
 *
 * @param purchases the times of the repeat purchases, ascending, each in (0, T]
 * @param T how long the customer was observed, finite and {@code >= 0}
 * @param starts the start of each piece, ascending, the first 0
 * @param trans each piece's values of the transaction covariates, {@code trans[piece][k]}, finite,
 *     one row per piece and the same number of values in each
 * @param life each piece's values of the lifetime covariates, as {@code trans}
 * @since 0.2
 */
public record CovariatePath(double[] purchases, double T, double[] starts, double[][] trans, double[][] life) {
  /**
   * Validates and copies the arrays.
   *
   * @param purchases see the record description
   * @param T see the record description
   * @param starts see the record description
   * @param trans see the record description
   * @param life see the record description
   * @throws IllegalArgumentException naming what is out of order, out of range or not finite
   */
  public CovariatePath {
    purchases = requireNonNull(purchases, "purchases").clone();
    starts = requireNonNull(starts, "starts").clone();
    trans = copy(requireNonNull(trans, "trans"), "trans", starts.length);
    life = copy(requireNonNull(life, "life"), "life", starts.length);
    if (!(T >= 0 && T <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("T must be finite and >= 0 but was " + T);
    }
    double last = 0;
    for (int i = 0; i < purchases.length; i++) {
      if (!(purchases[i] > 0 && purchases[i] <= T && purchases[i] >= last)) {
        throw new IllegalArgumentException("purchase " + i + " at " + purchases[i] + " must be in (0, T = " + T
            + "] and not before the one before it");
      }
      last = purchases[i];
    }
    if (starts.length == 0 || starts[0] != 0) {
      throw new IllegalArgumentException("the first piece must start at 0 (the first purchase), but the starts are "
          + Arrays.toString(starts));
    }
    for (int i = 1; i < starts.length; i++) {
      if (!(starts[i] > starts[i - 1] && starts[i] <= Double.MAX_VALUE)) {
        throw new IllegalArgumentException("piece " + i + " starts at " + starts[i] + ", not after the piece before it "
            + "at " + starts[i - 1]);
      }
    }
  }

  private static double[][] copy(double[][] values, String what, int pieces) {
    if (values.length != pieces) {
      throw new IllegalArgumentException(what + " has " + values.length + " rows for " + pieces + " pieces");
    }
    double[][] out = new double[pieces][];
    for (int i = 0; i < pieces; i++) {
      out[i] = requireNonNull(values[i], what + " row").clone();
      if (out[i].length != out[0].length) {
        throw new IllegalArgumentException(what + " row " + i + " has " + out[i].length + " values, row 0 has "
            + out[0].length);
      }
      for (double v : out[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(what + " row " + i + " has a value that is not finite: " + v);
        }
      }
    }
    return out;
  }

  /**
   * Returns the repeat purchase times, a copy.
   *
   * @return the repeat purchase times
   */
  @Override
  public double[] purchases() {
    return purchases.clone();
  }

  /**
   * Returns the pieces' starts, a copy.
   *
   * @return the pieces' starts
   */
  @Override
  public double[] starts() {
    return starts.clone();
  }

  /**
   * Returns the transaction covariates by piece, a copy.
   *
   * @return the transaction covariates by piece
   */
  @Override
  public double[][] trans() {
    return copy(trans, "trans", trans.length);
  }

  /**
   * Returns the lifetime covariates by piece, a copy.
   *
   * @return the lifetime covariates by piece
   */
  @Override
  public double[][] life() {
    return copy(life, "life", life.length);
  }

  /**
   * Returns the customer's (x, t<sub>x</sub>, T).
   *
   * @return the pattern
   */
  public RepeatPattern pattern() {
    return RepeatPattern.of(purchases.length, purchases.length == 0 ? 0 : purchases[purchases.length - 1], T);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CovariatePath p && T == p.T && Arrays.equals(purchases, p.purchases)
        && Arrays.equals(starts, p.starts) && Arrays.deepEquals(trans, p.trans) && Arrays.deepEquals(life, p.life);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(purchases) * 31 + Arrays.hashCode(starts);
  }

  @Override
  public String toString() {
    return "CovariatePath[x=" + purchases.length + ", T=" + T + ", pieces=" + starts.length + "]";
  }
}

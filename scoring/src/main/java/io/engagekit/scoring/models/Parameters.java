package io.engagekit.scoring.models;

/** Checks shared by the models' constructors. */
final class Parameters {
  private Parameters() {}

  /** Throws unless {@code v} is finite and {@code > 0}. */
  static void positive(String name, double v) {
    if (!(v > 0 && v <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException(name + " must be finite and > 0 but was " + v);
    }
  }

  /** Throws unless {@code t} is finite and {@code >= 0}. */
  static void horizon(String name, double t) {
    if (!(t >= 0 && t <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0 but was " + t);
    }
  }

  /** Checks the arguments of {@link TransactionModel#predict}. */
  static void predictions(RepeatPattern[] patterns, double t, double[] alive, double[] expected) {
    java.util.Objects.requireNonNull(patterns, "patterns");
    java.util.Objects.requireNonNull(alive, "alive");
    java.util.Objects.requireNonNull(expected, "expected");
    horizon("t", t);
    if (alive.length < patterns.length || expected.length < patterns.length) {
      throw new IllegalArgumentException("the output arrays (alive " + alive.length + ", expected "
          + expected.length + ") must be at least as long as the patterns (" + patterns.length + ")");
    }
  }

  /** ln(e^u + e^v) without overflow; -∞ when both are -∞. */
  static double logSumExp(double u, double v) {
    double m = Math.max(u, v);
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    return m + Math.log1p(Math.exp(Math.min(u, v) - m));
  }

  /** 1 / (1 + e^logOdds), without overflow. */
  static double logistic(double logOdds) {
    return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
  }

  /** Names values in order, unmodifiable. */
  static java.util.Map<String, Double> named(String[] names, double... values) {
    java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], values[i]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The patterns of a fit, checking that there is at least one, with equal (x, t<sub>x</sub>, T)
   * merged into one pattern counting all their customers, in the order of first appearance: a fit
   * on one pattern per customer then costs what a fit on the distinct patterns does (the full
   * CDNOW cohort's 23,570 customers have 8,685).
   *
   * @return the distinct patterns, none null
   * @throws ArithmeticException if the customers of one pattern overflow a long
   */
  static RepeatPattern[] patterns(java.util.Collection<RepeatPattern> patterns, String model) {
    RepeatPattern[] data = java.util.Objects.requireNonNull(patterns, "patterns").toArray(new RepeatPattern[0]);
    if (data.length == 0) {
      throw new IllegalArgumentException(model + " needs at least one customer");
    }
    java.util.Map<RepeatPattern, Integer> index = new java.util.HashMap<>();
    RepeatPattern[] distinct = new RepeatPattern[data.length];
    long[] customers = new long[data.length];
    int n = 0;
    for (RepeatPattern p : data) {
      java.util.Objects.requireNonNull(p, "pattern");
      RepeatPattern key = new RepeatPattern(p.x(), p.tx(), p.T(), 1);
      Integer at = index.putIfAbsent(key, n);
      if (at == null) {
        distinct[n] = p;
        customers[n++] = p.customers();
      } else {
        customers[at] = Math.addExact(customers[at], p.customers());
      }
    }
    RepeatPattern[] out = new RepeatPattern[n];
    for (int i = 0; i < n; i++) {
      RepeatPattern p = distinct[i];
      out[i] = p.customers() == customers[i] ? p : new RepeatPattern(p.x(), p.tx(), p.T(), customers[i]);
    }
    return out;
  }

  /** The number of customers the patterns stand for. */
  static long customers(RepeatPattern[] data) {
    long customers = 0;
    for (RepeatPattern p : data) {
      customers += p.customers();
    }
    return customers;
  }
}

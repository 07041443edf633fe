package io.engagekit.scoring.models;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * The papers' closed forms evaluated in 50-digit arithmetic with apfloat (test scope only): the
 * oracle the double-precision code is checked against.
 */
final class Oracle {
  private static final long DIGITS = 50;

  private Oracle() {}

  static Apfloat of(double v) {
    return new Apfloat(new java.math.BigDecimal(v), DIGITS);
  }

  static Apfloat f21(Apfloat a, Apfloat b, Apfloat c, Apfloat z) {
    return ApfloatMath.hypergeometric2F1(a, b, c, z);
  }

  static Apfloat pow(Apfloat base, double exponent) {
    return ApfloatMath.pow(base, of(exponent));
  }

  /** Fader, Hardie &amp; Lee (2005), equation 10: E[Y(t) | x, t_x, T] under BG/NBD. */
  static double bgnbdConditional(double r, double alpha, double a, double b, long xl, double tx, double T, double t) {
    Apfloat one = new Apfloat(1, DIGITS);
    Apfloat x = new Apfloat(xl, DIGITS);
    Apfloat al = of(alpha);
    Apfloat z = of(t).divide(al.add(of(T)).add(of(t)));
    Apfloat ratio = al.add(of(T)).divide(al.add(of(T)).add(of(t)));
    Apfloat rx = of(r).add(x);
    Apfloat c = of(a).add(of(b)).add(x).subtract(one);
    Apfloat bracket = one.subtract(ApfloatMath.pow(ratio, rx).multiply(f21(rx, of(b).add(x), c, z)));
    Apfloat num = c.divide(of(a).subtract(one)).multiply(bracket);
    Apfloat den = one;
    if (xl > 0) {
      den = one.add(of(a).divide(of(b).subtract(one).add(x))
          .multiply(ApfloatMath.pow(al.add(of(T)).divide(al.add(of(tx))), rx)));
    }
    return num.divide(den).doubleValue();
  }

  /** Fader, Hardie &amp; Lee (2005), equation 9: E[X(t)] under BG/NBD. */
  static double bgnbdUnconditional(double r, double alpha, double a, double b, double t) {
    Apfloat one = new Apfloat(1, DIGITS);
    Apfloat al = of(alpha);
    Apfloat z = of(t).divide(al.add(of(t)));
    Apfloat c = of(a).add(of(b)).subtract(one);
    Apfloat bracket = one.subtract(pow(al.divide(al.add(of(t))), r).multiply(f21(of(r), of(b), c, z)));
    return c.divide(of(a).subtract(one)).multiply(bracket).doubleValue();
  }

  /** Batislam et al. (2007): E[Y(t) | x, t_x, T] under MBG/NBD. */
  static double mbgnbdConditional(double r, double alpha, double a, double b, long xl, double tx, double T, double t) {
    Apfloat one = new Apfloat(1, DIGITS);
    Apfloat x = new Apfloat(xl, DIGITS);
    Apfloat al = of(alpha);
    Apfloat z = of(t).divide(al.add(of(T)).add(of(t)));
    Apfloat ratio = al.add(of(T)).divide(al.add(of(T)).add(of(t)));
    Apfloat rx = of(r).add(x);
    Apfloat c = of(a).add(of(b)).add(x);
    Apfloat bracket = one.subtract(ApfloatMath.pow(ratio, rx).multiply(f21(rx, of(b).add(x).add(one), c, z)));
    Apfloat num = c.divide(of(a).subtract(one)).multiply(bracket);
    Apfloat den = one.add(of(a).divide(of(b).add(x))
        .multiply(ApfloatMath.pow(al.add(of(T)).divide(al.add(of(tx))), rx)));
    return num.divide(den).doubleValue();
  }
}

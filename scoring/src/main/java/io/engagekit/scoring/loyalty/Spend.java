package io.engagekit.scoring.loyalty;

/**
 * Money inside strategy states, kept in units of 2^32 so that a sum of up to 2^32 purchases of
 * {@link Double#MAX_VALUE} stays finite: any valid touchpoint value can be added without
 * overflowing, and amounts below about 1e-300 fall under the resolution. Scaling by a power of two
 * is exact (correctly rounded for tiny values), so ratios and ranks of spends are unchanged.
 */
final class Spend {
  private static final double UNIT = 0x1p-32;
  private static final double INVERSE = 0x1p32;

  private Spend() {}

  /** A monetary value in state units. */
  static double of(double value) {
    return value * UNIT;
  }

  /** A state amount back in money, possibly infinite for the largest sums; check before reporting. */
  static double amount(double units) {
    return units * INVERSE;
  }

  /** Checks that a state's spend stayed finite; only 2^32 maximal values in one state could break it. */
  static double finite(double units, String strategy) {
    if (!(units <= Double.MAX_VALUE)) {
      throw new ArithmeticException(strategy + " spend overflowed the range of a double");
    }
    return units;
  }
}

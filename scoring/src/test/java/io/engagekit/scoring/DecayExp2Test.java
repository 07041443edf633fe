package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.scoring.decay.Decay;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/**
 * {@link Decay#exp2} against 2^x computed to 40 significant digits by apfloat, and its edge cases.
 */
class DecayExp2Test {
  private static final long PRECISION = 40;

  /** 2^x rounded to the nearest double, from apfloat. */
  private static double exact(double x) {
    Apfloat two = new Apfloat(2, PRECISION);
    Apfloat power = ApfloatMath.pow(two, new Apfloat(new BigDecimal(x), PRECISION));
    return new BigDecimal(power.toString(true)).doubleValue();
  }

  private static void assertClose(double x, String where) {
    double expected = exact(x);
    double actual = Decay.exp2(x);
    // 2 ulps of the exact result (4.4e-16 relative), or 2 ulps of the smallest normal below it.
    double tolerance = 2 * Math.ulp(Math.max(expected, Double.MIN_NORMAL));
    assertEquals(expected, actual, tolerance, where + ": 2^" + x);
  }

  @Test
  void exp2_matchesArbitraryPrecision_overTheWholeRange() {
    SplittableRandom r = new SplittableRandom(20261122);
    for (int i = 0; i < 1200; i++) {
      double x = switch (i % 3) {
        case 0 -> -r.nextDouble() * 2; // the common case: ages up to two half-lives
        case 1 -> -r.nextDouble() * 64;
        default -> -r.nextDouble() * 1080; // down through the subnormals to 0
      };
      assertClose(x, "seed 20261122 #" + i);
    }
  }

  @Test
  void exp2_atTableBoundaries_andEdges() {
    for (int j = 0; j <= 128; j++) {
      assertClose(-j / 64.0, "j=" + j);
      assertClose(Math.nextDown(-j / 64.0), "below j=" + j);
    }
    assertEquals(1.0, Decay.exp2(0.0));
    assertEquals(1.0, Decay.exp2(-0.0));
    assertEquals(0.5, Decay.exp2(-1.0));
    assertEquals(Math.pow(2, -1022), Decay.exp2(-1022.0)); // smallest normal
    assertEquals(Double.MIN_VALUE, Decay.exp2(-1074.0)); // smallest subnormal
    assertEquals(0.0, Decay.exp2(-1076.0));
    assertEquals(0.0, Decay.exp2(Double.NEGATIVE_INFINITY));
    assertTrue(Double.isNaN(Decay.exp2(Double.NaN)));
    assertEquals(1.0, Decay.exp2(-Double.MIN_VALUE));
  }

  @Test
  void exp2_isMonotoneAcrossTableSteps() {
    double previous = 1.0;
    for (double x = 0; x >= -4; x -= 1.0 / 1024) {
      double v = Decay.exp2(x);
      assertTrue(v <= previous, "2^" + x);
      previous = v;
    }
  }
}

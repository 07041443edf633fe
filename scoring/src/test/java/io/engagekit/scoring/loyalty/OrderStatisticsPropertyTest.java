package io.engagekit.scoring.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderStatistics} against a plain sorted list, over seeded random sequences of adds and
 * removes (values drawn from a small set, so that ties are common), checked after every step: the
 * size, the rank of every value and of values between them, and every selection. Frozen copies
 * must not change when the multiset does.
 */
final class OrderStatisticsPropertyTest {
  private static final Comparator<double[]> ORDER = (a, b) -> {
    for (int k = 0; k < a.length; k++) {
      int c = Double.compare(a[k], b[k]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  };

  @Test
  void matchesASortedList_overRandomAddsAndRemoves() {
    for (long seed = 1; seed <= 40; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      int width = 1 + r.nextInt(3);
      int distinct = 1 + r.nextInt(seed % 4 == 0 ? 3 : 2000); // some seeds: all values (nearly) equal
      int steps = 200 + r.nextInt(seed % 5 == 0 ? 6000 : 1500);
      try {
        check(r, width, distinct, steps);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  private static void check(SplittableRandom r, int width, int distinct, int steps) {
    OrderStatistics s = new OrderStatistics(width);
    List<double[]> expected = new ArrayList<>();
    OrderStatistics frozen = s.frozenCopy();
    List<double[]> frozenExpected = List.of();
    for (int step = 0; step < steps; step++) {
      if (!expected.isEmpty() && r.nextInt(3) == 0) {
        double[] gone = expected.remove(r.nextInt(expected.size()));
        s.remove(gone.clone());
      } else {
        double[] t = new double[width];
        for (int k = 0; k < width; k++) {
          t[k] = r.nextInt(distinct) * 0.5 - distinct / 4.0;
        }
        s.add(t.clone());
        expected.add(t);
      }
      expected.sort(ORDER);
      if (step % 97 == 0 || step == steps - 1) {
        assertSame(expected, s, r);
        assertSame(frozenExpected, frozen, r);
        frozen = s.frozenCopy();
        frozenExpected = new ArrayList<>(expected);
      }
    }
    assertSame(frozenExpected, frozen, r);
    double[] flat = new double[expected.size() * width];
    for (int i = 0; i < expected.size(); i++) {
      System.arraycopy(expected.get(i), 0, flat, i * width, width);
    }
    assertSame(expected, OrderStatistics.of(flat, flat.length, width), r);
  }

  private static void assertSame(List<double[]> expected, OrderStatistics actual, SplittableRandom r) {
    assertEquals(expected.size(), actual.size(), "size");
    for (int i = 0; i < expected.size(); i++) {
      for (int k = 0; k < actual.width(); k++) {
        assertEquals(expected.get(i)[k], actual.select(i, k), "select(" + i + ", " + k + ")");
      }
    }
    for (int q = 0; q < 50; q++) {
      double key = expected.isEmpty() || r.nextBoolean()
          ? r.nextDouble(-1000, 1000)
          : expected.get(r.nextInt(expected.size()))[0];
      long below = expected.stream().filter(t -> t[0] < key).count();
      long equal = expected.stream().filter(t -> t[0] == key).count();
      assertEquals(below, actual.countBelow(key), "countBelow(" + key + ")");
      assertEquals(equal, actual.countEqual(key), "countEqual(" + key + ")");
    }
  }

  @Test
  void remove_ofAnAbsentTuple_isRefused_andChangesNothing() {
    OrderStatistics s = new OrderStatistics(1);
    s.add(1.0);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.remove(2.0));
    assertEquals("the summary holds no [2.0]", e.getMessage());
    assertEquals(1, s.size());
    assertThrows(IllegalStateException.class, () -> new OrderStatistics(1).remove(1.0));
  }

  @Test
  void frozenCopy_cannotChange() {
    OrderStatistics s = new OrderStatistics(1);
    s.add(1.0);
    OrderStatistics f = s.frozenCopy();
    assertThrows(IllegalStateException.class, () -> f.add(2.0));
    assertThrows(IllegalStateException.class, () -> f.remove(1.0));
  }

  @Test
  void tupleOfTheWrongWidth_isRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OrderStatistics(2).add(1.0));
    assertEquals("tuples have 2 values but 1 were given", e.getMessage());
  }
}

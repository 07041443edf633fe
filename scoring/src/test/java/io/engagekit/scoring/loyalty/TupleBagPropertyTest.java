package io.engagekit.scoring.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TupleBag} against a map of counts, over seeded random adds and removes; frozen copies never change. */
final class TupleBagPropertyTest {
  @Test
  void matchesAMapOfCounts_overRandomAddsAndRemoves() {
    for (long seed = 1; seed <= 30; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      int width = 1 + r.nextInt(3);
      int distinct = 1 + r.nextInt(seed % 3 == 0 ? 3 : 5000);
      TupleBag bag = new TupleBag(width);
      List<double[]> held = new ArrayList<>();
      TupleBag frozen = bag.frozenCopy();
      Map<List<Double>, Long> frozenExpected = Map.of();
      for (int step = 0; step < 20_000; step++) {
        if (!held.isEmpty() && r.nextInt(3) == 0) {
          bag.remove(held.remove(r.nextInt(held.size())).clone());
        } else {
          double[] t = new double[width];
          for (int k = 0; k < width; k++) {
            t[k] = r.nextInt(distinct) * 0.25;
          }
          bag.add(t.clone());
          held.add(t);
        }
        if (step % 997 == 0) {
          assertEquals(frozenExpected, counts(frozen), "seed " + seed + " frozen at step " + step);
          frozen = bag.frozenCopy();
          frozenExpected = expected(held);
        }
      }
      assertEquals(expected(held), counts(bag), "seed " + seed);
      assertEquals(held.size(), bag.size(), "seed " + seed);
      assertEquals(frozenExpected, counts(frozen), "seed " + seed);
    }
  }

  private static Map<List<Double>, Long> expected(List<double[]> held) {
    Map<List<Double>, Long> m = new HashMap<>();
    for (double[] t : held) {
      m.merge(box(t), 1L, Long::sum);
    }
    return m;
  }

  private static Map<List<Double>, Long> counts(TupleBag bag) {
    Map<List<Double>, Long> m = new HashMap<>();
    bag.forEach((t, count) -> m.merge(box(t), count, Long::sum));
    return m;
  }

  private static List<Double> box(double[] t) {
    List<Double> l = new ArrayList<>();
    for (double v : t) {
      l.add(v);
    }
    return l;
  }

  @Test
  void remove_ofAnAbsentTuple_isRefused() {
    TupleBag bag = new TupleBag(2);
    bag.add(1, 2);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> bag.remove(2, 1));
    assertEquals("the summary holds no [2.0, 1.0]", e.getMessage());
    assertThrows(IllegalStateException.class, () -> bag.frozenCopy().add(1, 2));
  }
}

package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Merge laws of the pattern multiset (any split into shards, merged in any order, counts the same)
 * over 200 seeded populations, and the canonical order the model strategies fit on.
 */
final class RepeatPatternsTest {
  @Test
  void anySplit_mergedInAnyOrder_equalsCountingInOnePlace() {
    for (long seed = 0; seed < 200; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<RepeatPattern> customers = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        long x = r.nextInt(4);
        double bigT = r.nextInt(10);
        customers.add(RepeatPattern.of(x, x == 0 ? 0 : r.nextInt((int) bigT + 1), bigT));
      }
      RepeatPatterns whole = new RepeatPatterns();
      customers.forEach(whole::add);
      List<RepeatPatterns> shards = new ArrayList<>();
      for (int s = 0; s < 1 + r.nextInt(5); s++) {
        shards.add(new RepeatPatterns());
      }
      for (RepeatPattern p : customers) {
        shards.get(r.nextInt(shards.size())).add(p);
      }
      Collections.shuffle(shards, new Random(seed));
      RepeatPatterns merged = new RepeatPatterns();
      shards.forEach(merged::merge);
      assertEquals(whole, merged, "seed " + seed);
      assertEquals(whole.patterns(), merged.patterns(), "seed " + seed);
      assertEquals(300, merged.customers(), "seed " + seed);
      List<RepeatPattern> sorted = new ArrayList<>(merged.patterns());
      sorted.sort(RepeatPatterns.ORDER);
      assertEquals(sorted, merged.patterns(), "seed " + seed + ": not in canonical order");
      assertEquals(merged.size(), merged.patterns().size());
    }
  }

  @Test
  void counts_addUp_andRefuseToOverflow() {
    RepeatPatterns p = new RepeatPatterns().add(new RepeatPattern(2, 3, 5, 4)).add(RepeatPattern.of(2, 3, 5))
        .add(RepeatPattern.of(0, 0, 5));
    assertEquals(List.of(new RepeatPattern(0, 0, 5, 1), new RepeatPattern(2, 3, 5, 5)), p.patterns());
    assertEquals(6, p.customers());
    assertThrows(ArithmeticException.class, () -> p.add(new RepeatPattern(0, 0, 5, Long.MAX_VALUE)));
    assertThrows(IllegalArgumentException.class, () -> p.merge(p));
  }
}

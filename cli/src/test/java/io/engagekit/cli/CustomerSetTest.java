package io.engagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class CustomerSetTest {
  @Test
  void add_countsDistinctIdsAcrossGrowth() {
    CustomerSet set = new CustomerSet();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 100_000; i++) {
        set.add("c" + i);
      }
    }
    assertEquals(100_000, set.size());
    assertTrue(set.add("new"));
    assertFalse(set.add("new"));
    assertTrue(set.add(""));
  }
}

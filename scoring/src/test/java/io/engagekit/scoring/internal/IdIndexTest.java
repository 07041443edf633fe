package io.engagekit.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.scoring.ScoreState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link IdIndex} against a {@code HashMap} over seeded random operations, with ids chosen so that
 * many share a {@code String.hashCode} ("Aa" and "BB" hash alike, so every string of k such blocks
 * collides with 2^k - 1 others), and its lock-free reads against a concurrent writer.
 */
final class IdIndexTest {
  private static final ScoreState<?>[] NO_STATES = new ScoreState<?>[0];

  private static CustomerEntry entry(String id) {
    return new CustomerEntry(id, NO_STATES, 0);
  }

  /** An id from a small space: colliding blocks, or plain numbers. */
  private static String id(SplittableRandom r, int space) {
    if (r.nextBoolean()) {
      int bits = r.nextInt(Math.min(space, 64));
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < 6; k++) {
        b.append((bits >> k & 1) == 0 ? "Aa" : "BB");
      }
      return b.toString();
    }
    return "c" + r.nextInt(space);
  }

  @Test
  void agreesWithAHashMap_overRandomOperations() {
    for (long seed = 1; seed <= 200; seed++) {
      try {
        check(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  private static void check(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int space = 1 + r.nextInt(seed % 3 == 0 ? 20 : 3_000);
    IdIndex index = new IdIndex();
    Map<String, CustomerEntry> model = new HashMap<>();
    int ops = 50 + r.nextInt(5_000);
    for (int op = 0; op < ops; op++) {
      String id = id(r, space);
      switch (r.nextInt(10)) {
        case 0, 1, 2, 3 -> {
          CustomerEntry got = index.computeIfAbsent(id, IdIndexTest::entry);
          CustomerEntry expected = model.computeIfAbsent(id, k -> got);
          assertSame(expected, got, id);
        }
        case 4, 5 -> {
          CustomerEntry e = model.get(id);
          boolean byEntry = r.nextBoolean();
          boolean removed = byEntry ? index.remove(id, e == null ? entry(id) : e) : index.remove(id) != null;
          assertEquals(e != null, removed, id);
          model.remove(id);
        }
        case 6 -> {
          CustomerEntry e = entry(id);
          assertSame(model.put(id, e), index.put(id, e), id);
        }
        case 7 -> {
          if (r.nextInt(50) == 0) {
            index.clear();
            model.clear();
          }
        }
        default -> {
          int n = 1 + r.nextInt(200);
          String[] ids = new String[n];
          for (int k = 0; k < n; k++) {
            ids[k] = new String(id(r, space)); // equal by content, not by reference
          }
          CustomerEntry[] out = new CustomerEntry[n];
          index.getAll(ids, n, out, new int[n]);
          for (int k = 0; k < n; k++) {
            assertSame(model.get(ids[k]), out[k], ids[k]);
          }
        }
      }
      assertEquals(model.size(), index.size());
    }
    for (int k = 0; k < space; k++) {
      String id = "c" + k;
      assertSame(model.get(id), index.get(id), id);
      assertEquals(model.containsKey(id), index.containsKey(id));
    }
    assertEquals(model, new HashMap<>(index));
    Map<String, CustomerEntry> copy = new IdIndex();
    copy.putAll(model);
    assertEquals(model, new HashMap<>(copy));
  }

  @Test
  void refusesAnEntryOfAnotherId() {
    IdIndex index = new IdIndex();
    assertThrows(IllegalArgumentException.class, () -> index.computeIfAbsent("a", k -> entry("b")));
    assertNull(index.get("a"));
    assertEquals(0, index.size());
  }

  /**
   * One thread inserts (and now and then removes and rebuilds, by growing) while another reads:
   * every id whose insertion finished before a read began is found, by {@code get} and by {@code
   * getAll}, whatever rebuild was under way.
   */
  @Test
  void readsSeeEveryFinishedInsertion_whileAnotherThreadWrites() throws InterruptedException {
    IdIndex index = new IdIndex();
    int total = 300_000;
    AtomicInteger inserted = new AtomicInteger(); // ids c0 .. c(inserted - 1) are in
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      try {
        for (int k = 0; k < total; k++) {
          index.computeIfAbsent("c" + k, IdIndexTest::entry);
          String gone = "x" + k;
          index.computeIfAbsent(gone, IdIndexTest::entry);
          index.remove(gone);
          inserted.set(k + 1);
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    writer.start();
    SplittableRandom r = new SplittableRandom(7);
    List<String> missing = new ArrayList<>();
    String[] ids = new String[64];
    CustomerEntry[] out = new CustomerEntry[64];
    int[] scratch = new int[64];
    while (writer.isAlive() && missing.isEmpty()) {
      int done = inserted.get();
      if (done == 0) {
        continue;
      }
      for (int k = 0; k < ids.length; k++) {
        ids[k] = "c" + r.nextInt(done);
      }
      index.getAll(ids, ids.length, out, scratch);
      for (int k = 0; k < ids.length; k++) {
        if (out[k] == null || !out[k].id.equals(ids[k]) || index.get(ids[k]) == null) {
          missing.add(ids[k]);
        }
      }
    }
    writer.join();
    assertNull(failure.get());
    assertTrue(missing.isEmpty(), "not found after insertion: " + missing);
    assertEquals(total, index.size());
  }
}

package io.engagekit.scoring.decay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Decayed sums against brute force (Σ v·weight(age) over every event), and their merge laws, over
 * seeded random event sets. A failing seed is printed; keep it as a named example below.
 */
final class DecayedSumPropertyTest {
  private static final List<Decay> DECAYS = List.of(
      Decay.exponential(Duration.ofDays(7)),
      Decay.exponential(Duration.ofSeconds(1)),
      Decay.linear(Duration.ofDays(30)),
      Decay.window(Duration.ofDays(90)),
      Decay.none());

  record Event(double t, double v) {}

  private static List<Event> events(SplittableRandom r, Decay decay) {
    double span = decay.kind() == Decay.Kind.NONE ? 1e8 : decay.scaleSeconds() * (0.5 + 3 * r.nextDouble());
    double base = 1.7e9 + r.nextDouble() * 1e8;
    List<Event> events = new ArrayList<>();
    for (int i = r.nextInt(60); i >= 0; i--) {
      double v = r.nextInt(10) == 0 ? 0.0 : r.nextInt(10) == 0 ? r.nextDouble() * 1e6 : r.nextDouble() * 100;
      events.add(new Event(base + r.nextDouble() * span, v));
    }
    return events;
  }

  private static double bruteForce(Decay decay, List<Event> events, double asOf) {
    double latest = events.stream().mapToDouble(Event::t).max().orElse(asOf);
    double a = Math.max(asOf, latest);
    double total = 0;
    for (Event e : events) {
      total += e.v() * decay.weight(a - e.t());
    }
    return total;
  }

  /** How far a slotted decay may stray: the values of events within one slot of the horizon. */
  private static double allowance(Decay decay, List<Event> events, double asOf) {
    double total = events.stream().mapToDouble(Event::v).sum();
    double tolerance = 1e-9 * Math.max(1.0, total);
    if (decay.kind() == Decay.Kind.EXPONENTIAL || decay.kind() == Decay.Kind.NONE) {
      return tolerance;
    }
    double width = decay.scaleSeconds() / DecayedSum.SLOTS;
    double latest = events.stream().mapToDouble(Event::t).max().orElse(asOf);
    double a = Math.max(asOf, latest);
    double near = 0;
    for (Event e : events) {
      if (Math.abs(a - e.t() - decay.scaleSeconds()) <= width) {
        near += e.v();
      }
    }
    return near + tolerance;
  }

  private static DecayedSum sum(Decay decay, List<Event> events) {
    DecayedSum s = decay.newSum();
    for (Event e : events) {
      s.add(e.t(), e.v());
    }
    return s;
  }

  @Test
  void valueAt_matchesBruteForce() {
    for (Decay decay : DECAYS) {
      for (long seed = 0; seed < 500; seed++) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Event> events = events(r, decay);
        DecayedSum s = sum(decay, events);
        double latest = s.latest();
        for (double asOf : new double[] {latest, latest + r.nextDouble() * decay.scaleSeconds(), latest - 1000, latest + 1e7}) {
          double expected = bruteForce(decay, events, asOf);
          double actual = s.valueAt(asOf);
          assertTrue(Double.isFinite(actual) && actual >= 0, decay + " seed " + seed + ": " + actual);
          assertEquals(expected, actual, allowance(decay, events, asOf) + 1e-12 * expected,
              decay + " seed " + seed + " asOf " + asOf);
        }
      }
    }
  }

  /** Shards in any split and any merge order give the sum of the whole; adding order does not matter. */
  @Test
  void combine_ofShards_equalsTheWhole_inAnyOrder() {
    for (Decay decay : DECAYS) {
      for (long seed = 0; seed < 500; seed++) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Event> events = events(r, decay);
        DecayedSum whole = sum(decay, events);
        int k = 1 + r.nextInt(5);
        List<List<Event>> parts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          parts.add(new ArrayList<>());
        }
        for (Event e : events) {
          parts.get(r.nextInt(k)).add(e);
        }
        List<DecayedSum> shards = new ArrayList<>();
        for (List<Event> part : parts) {
          Collections.shuffle(part, new Random(seed));
          shards.add(sum(decay, part));
        }
        Collections.shuffle(shards, new Random(seed + 1));
        DecayedSum merged = decay.newSum();
        for (DecayedSum shard : shards) {
          merged.combine(shard);
        }
        double asOf = whole.latest() + r.nextDouble() * Math.max(1, decay.scaleSeconds());
        assertEquals(whole.valueAt(asOf), merged.valueAt(asOf), 1e-12 * Math.max(1, whole.valueAt(asOf)),
            decay + " seed " + seed);
        assertEquals(whole.latest(), merged.latest());
      }
    }
  }

  @Test
  void empty_isZeroAndTheIdentityOfCombine() {
    for (Decay decay : DECAYS) {
      DecayedSum empty = decay.newSum();
      assertTrue(empty.isEmpty());
      assertEquals(0.0, empty.valueAt(Instant.EPOCH));
      DecayedSum a = decay.newSum();
      a.add(Instant.parse("2026-03-01T00:00:00Z"), 5);
      double before = a.valueAt(Instant.parse("2026-03-02T00:00:00Z"));
      a.combine(decay.newSum());
      assertEquals(before, a.valueAt(Instant.parse("2026-03-02T00:00:00Z")));
      DecayedSum b = decay.newSum();
      b.combine(a);
      assertEquals(before, b.valueAt(Instant.parse("2026-03-02T00:00:00Z")));
    }
  }

  @Test
  void weights_ofEachShape() {
    double day = 86_400;
    assertEquals(0.5, Decay.exponential(Duration.ofDays(7)).weight(7 * day), 1e-15);
    assertEquals(1.0, Decay.exponential(Duration.ofDays(7)).weight(0));
    assertEquals(0.5, Decay.linear(Duration.ofDays(30)).weight(15 * day), 1e-15);
    assertEquals(0.0, Decay.linear(Duration.ofDays(30)).weight(31 * day));
    assertEquals(1.0, Decay.window(Duration.ofDays(90)).weight(90 * day - 1));
    assertEquals(0.0, Decay.window(Duration.ofDays(90)).weight(90 * day));
    assertEquals(1.0, Decay.none().weight(1e300));
    assertThrows(IllegalArgumentException.class, () -> Decay.none().weight(-1));
    assertThrows(IllegalArgumentException.class, () -> Decay.none().weight(Double.NaN));
  }

  @Test
  void asOfBeforeTheLatestEvent_readsAsOfThatEvent() {
    DecayedSum s = Decay.exponential(Duration.ofDays(1)).newSum();
    s.add(Instant.parse("2026-03-10T00:00:00Z"), 8);
    s.add(Instant.parse("2026-03-09T00:00:00Z"), 8);
    assertEquals(12.0, s.valueAt(Instant.parse("2026-01-01T00:00:00Z")), 1e-12);
    assertEquals(6.0, s.valueAt(Instant.parse("2026-03-11T00:00:00Z")), 1e-12);
  }

  @Test
  void extremes_neverGiveNaNOrInfinity() {
    DecayedSum s = Decay.exponential(Duration.ofNanos(1)).newSum();
    s.add(Instant.parse("0000-01-01T00:00:00Z"), Double.MAX_VALUE);
    s.add(Instant.parse("9999-12-31T23:59:59Z"), 1);
    assertEquals(1.0, s.valueAt(Instant.parse("9999-12-31T23:59:59Z")));
    assertEquals(0.0, s.valueAt(Instant.parse("9999-12-31T23:59:59.5Z")));
    DecayedSum w = Decay.window(Duration.ofDays(1)).newSum();
    w.add(Instant.parse("0000-01-01T00:00:00Z"), 3);
    w.add(Instant.parse("9999-12-31T23:59:59Z"), 4);
    assertEquals(4.0, w.valueAt(Instant.parse("9999-12-31T23:59:59Z")));
    DecayedSum n = Decay.none().newSum();
    n.add(0, Double.MAX_VALUE);
    assertThrows(ArithmeticException.class, () -> n.add(0, Double.MAX_VALUE));
  }

  @Test
  void badArguments_areRejected() {
    DecayedSum s = Decay.none().newSum();
    assertThrows(IllegalArgumentException.class, () -> s.add(0, -1));
    assertThrows(IllegalArgumentException.class, () -> s.add(0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> s.add(Double.POSITIVE_INFINITY, 1));
    assertThrows(IllegalArgumentException.class, () -> s.combine(Decay.window(Duration.ofDays(1)).newSum()));
    assertThrows(IllegalArgumentException.class, () -> Decay.exponential(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Decay.linear(Duration.ofDays(-1)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Decay(Decay.Kind.NONE, Duration.ofDays(1)));
    assertEquals("scale must be zero for decay none but was PT24H", e.getMessage());
  }
}

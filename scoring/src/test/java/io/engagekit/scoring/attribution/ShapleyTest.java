package io.engagekit.scoring.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.ConversionPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

final class ShapleyTest {
  private static final double EPS = 1e-12;

  /**
   * Issue 5's worked example in the conversion-rate game, by hand. 5 journeys. v(G) = 2/3 (3
   * journeys with Google Ads only, 2 convert), v(M) = 1, v(G, M) = 4/5. Shapley: G = (v(G) + v(GM)
   * − v(M)) / 2 = 7/30, M = (v(M) + v(GM) − v(G)) / 2 = 17/30; times 5 journeys: 7/6 and 17/6
   * conversions. Value per journey: 20/3, 10 and 8: G = (20/3 − 2)/2 · 5 = 35/3, M = (10 + 4/3)/2 · 5
   * = 85/3.
   */
  @Test
  void workedExample_exact() {
    Attribution a = Attributions.shapley(AttributionsTest.EXAMPLE);
    assertEquals("shapley", a.model());
    assertEquals(7.0 / 6, a.channels().get("Google Ads").conversions(), EPS);
    assertEquals(17.0 / 6, a.channels().get("Mailing").conversions(), EPS);
    assertEquals(35.0 / 3, a.channels().get("Google Ads").value(), EPS);
    assertEquals(85.0 / 3, a.channels().get("Mailing").value(), EPS);
    assertTrue(a.errorBounds().isEmpty());
  }

  /**
   * The order-aware value on the worked example, by hand. The 3 Google-Ads-only journeys: G joins
   * first (2/3), M after (4/5 − 2/3 = 2/15). The Mailing journey: M first (1), G after (4/5 − 1 =
   * −1/5). The Google Ads &gt; Mailing journey: G (2/3), then M (2/15). Per journey, G: (3 · 2/3 −
   * 1/5 + 2/3)/5, M: (3 · 2/15 + 1 + 2/15)/5; times 5: 37/15 and 23/15.
   */
  @Test
  void workedExample_ordered() {
    Attribution a = Attributions.shapleyOrdered(AttributionsTest.EXAMPLE);
    assertEquals("shapley-ordered", a.model());
    assertEquals(37.0 / 15, a.channels().get("Google Ads").conversions(), EPS);
    assertEquals(23.0 / 15, a.channels().get("Mailing").conversions(), EPS);
  }

  /** A channel whose journeys convert less than those without it is credited less than nothing. */
  @Test
  void negativeCredit_isReported() {
    List<ConversionPath> paths = List.of(ConversionPath.parse("A", 5, 50, 5), ConversionPath.parse("A > B", 1, 10, 9));
    Attribution a = Attributions.shapley(paths);
    // v(A) = 1/2, v(B) = 0, v(AB) = 6/20: A = (1/2 + 3/10)/2 = 2/5, B = (0 + 3/10 − 1/2)/2 = −1/10; × 20.
    assertEquals(8, a.channels().get("A").conversions(), EPS);
    assertEquals(-2, a.channels().get("B").conversions(), EPS);
  }

  /**
   * Both exact algorithms against the definitions, on 300 seeded random path sets of 1 to 6
   * channels: the plain value as the mean marginal contribution over all n! orders, the ordered value
   * by drawing each journey's own order completed by every order of the rest; v(S) computed from the
   * paths directly each time.
   */
  @Test
  void exact_matchesBruteForceOverAllOrders() {
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 300; round++) {
      List<ConversionPath> paths = AttributionsTest.randomPaths(random, 1 + random.nextInt(6), 1 + random.nextInt(15));
      List<String> names = new ArrayList<>(new TreeSet<>(paths.stream().flatMap(p -> p.channels().stream()).toList()));
      double journeys = paths.stream().mapToDouble(p -> p.conversions() + p.nulls()).sum();
      double[] plain = new double[names.size()];
      List<List<String>> orders = permutations(names);
      for (List<String> order : orders) {
        addMarginals(paths, names, order, 1.0 / orders.size(), plain);
      }
      double[] ordered = new double[names.size()];
      for (ConversionPath p : paths) {
        double share = (p.conversions() + p.nulls()) / journeys;
        if (share == 0) {
          continue;
        }
        List<String> first = new ArrayList<>(new LinkedHashSet<>(p.channels()));
        List<String> rest = new ArrayList<>(names);
        rest.removeAll(first);
        List<List<String>> completions = permutations(rest);
        for (List<String> completion : completions) {
          List<String> order = new ArrayList<>(first);
          order.addAll(completion);
          addMarginals(paths, names, order, share / completions.size(), ordered);
        }
      }
      Attribution exact = Attributions.shapley(paths);
      Attribution exactOrdered = Attributions.shapleyOrdered(paths);
      for (int j = 0; j < names.size(); j++) {
        assertEquals(plain[j] * journeys, exact.channels().get(names.get(j)).conversions(), 1e-9, "round " + round);
        assertEquals(ordered[j] * journeys, exactOrdered.channels().get(names.get(j)).conversions(), 1e-9,
            "round " + round);
      }
    }
  }

  /** The rate of the journeys whose channels all lie in {@code coalition}; 0 when there are none. */
  private static double rate(List<ConversionPath> paths, Set<String> coalition) {
    double c = 0;
    double w = 0;
    for (ConversionPath p : paths) {
      if (coalition.containsAll(p.channels())) {
        c += p.conversions();
        w += p.conversions() + p.nulls();
      }
    }
    return w > 0 ? c / w : 0;
  }

  private static void addMarginals(List<ConversionPath> paths, List<String> names, List<String> order, double weight,
      double[] into) {
    Set<String> coalition = new LinkedHashSet<>();
    double before = 0;
    for (String c : order) {
      coalition.add(c);
      double after = rate(paths, coalition);
      into[names.indexOf(c)] += weight * (after - before);
      before = after;
    }
  }

  private static List<List<String>> permutations(List<String> items) {
    List<List<String>> out = new ArrayList<>();
    if (items.isEmpty()) {
      out.add(new ArrayList<>());
      return out;
    }
    for (int i = 0; i < items.size(); i++) {
      List<String> rest = new ArrayList<>(items);
      String head = rest.remove(i);
      for (List<String> tail : permutations(rest)) {
        tail.add(0, head);
        out.add(tail);
      }
    }
    return out;
  }

  /**
   * Sampled estimates against the exact values, on 40 seeded path sets of 6 to 10 channels with
   * 2,000 orders each, plain and ordered: every channel lies within its error bound (the bound
   * holds with probability at least 95% for all channels at once; here it holds for every set),
   * the bounds are positive, and the same seed gives the same result while another does not.
   */
  @Test
  void sampled_liesWithinItsErrorBounds() {
    SplittableRandom random = new SplittableRandom(3);
    for (int round = 0; round < 40; round++) {
      List<ConversionPath> paths = AttributionsTest.randomPaths(random, 6 + random.nextInt(5), 30 + random.nextInt(30));
      for (boolean ordered : new boolean[] {false, true}) {
        Attribution exact = ordered ? Attributions.shapleyOrdered(paths) : Attributions.shapley(paths);
        Attribution sampled = Attributions.shapleySampled(paths, ordered, 2_000, round);
        assertEquals(exact.channels().keySet(), sampled.errorBounds().keySet());
        for (String c : exact.channels().keySet()) {
          Attribution.Credit bound = sampled.errorBounds().get(c);
          assertTrue(bound.conversions() > 0, c);
          assertTrue(Math.abs(sampled.channels().get(c).conversions() - exact.channels().get(c).conversions())
              <= bound.conversions(), "round " + round + " " + c + " " + ordered);
          assertTrue(Math.abs(sampled.channels().get(c).value() - exact.channels().get(c).value())
              <= bound.value(), "round " + round + " " + c + " " + ordered);
        }
        assertEquals(sampled, Attributions.shapleySampled(paths, ordered, 2_000, round));
        assertNotEquals(sampled, Attributions.shapleySampled(paths, ordered, 2_000, round + 1000));
      }
    }
  }

  /**
   * Above 15 channels {@code shapley} samples, with error bounds, and its credits still add up to the
   * totals. The bound shrinks as the samples grow (about as 1/sqrt(samples)).
   */
  @Test
  void manyChannels_sampleWithBounds() {
    List<ConversionPath> paths = AttributionsTest.randomPaths(new SplittableRandom(8), 20, 400);
    Attribution a = Attributions.shapley(paths);
    assertTrue(a.channels().size() > Attributions.MAX_EXACT_CHANNELS, a.channels().keySet().toString());
    assertEquals(a.channels().keySet(), a.errorBounds().keySet());
    double sum = a.channels().values().stream().mapToDouble(Attribution.Credit::conversions).sum();
    assertEquals(a.totalConversions(), sum, 1e-9);
    Attribution few = Attributions.shapleySampled(paths, false, 100, 1);
    String c = a.channels().keySet().iterator().next();
    assertTrue(a.errorBounds().get(c).conversions() < few.errorBounds().get(c).conversions() / 5);
    assertTrue(Attributions.shapleyOrdered(paths).errorBounds().size() > 0);
  }

  @Test
  void badArguments() {
    assertThrows(IllegalArgumentException.class, () -> Attributions.shapleySampled(AttributionsTest.EXAMPLE, false, 1, 0));
    assertThrows(NullPointerException.class, () -> Attributions.shapley(null));
  }
}

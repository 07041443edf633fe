package io.engagekit.scoring.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.ConversionPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class AttributionsTest {
  /**
   * Issue 5's worked example (the example of the ChannelAttribution package's documentation):
   * paths {@code Google Ads} (2 conversions, 1 null), {@code Mailing} (1, 0) and {@code Google Ads >
   * Mailing} (1, 0).
   */
  static final List<ConversionPath> EXAMPLE = List.of(
      ConversionPath.parse("Google Ads", 2, 20, 1),
      ConversionPath.parse("Mailing", 1, 10, 0),
      ConversionPath.parse("Google Ads > Mailing", 1, 10, 0));

  private static void credits(Attribution a, double google, double mailing) {
    assertEquals(google, a.channels().get("Google Ads").conversions(), 1e-12, a.toString());
    assertEquals(mailing, a.channels().get("Mailing").conversions(), 1e-12, a.toString());
  }

  @Test
  void workedExample_heuristics() {
    credits(Attributions.firstTouch(EXAMPLE), 3, 1);
    credits(Attributions.lastTouch(EXAMPLE), 2, 2);
    credits(Attributions.linear(EXAMPLE), 2.5, 1.5);
    // Two-touch path: 40 : 40, so halves, as linear.
    credits(Attributions.positionBased(EXAMPLE), 2.5, 1.5);
    credits(Attributions.positionBased(EXAMPLE, 0.6, 0.2), 2.75, 1.25);
    Attribution first = Attributions.firstTouch(EXAMPLE);
    assertEquals("first", first.model());
    assertEquals(0, first.order());
    assertEquals(4, first.totalConversions());
    assertEquals(40, first.totalValue());
    assertEquals(30, first.channels().get("Google Ads").value(), 1e-12);
    assertEquals(List.of("Google Ads", "Mailing"), List.copyOf(first.channels().keySet()));
    assertTrue(first.removalEffects().isEmpty());
  }

  /**
   * Markov order 1 on the worked example: P(conversion) = 0.8; without Google Ads 0.2 (removal
   * effect 0.75), without Mailing 0.4 (0.5); so 4 · 0.75/1.25 = 2.4 and 1.6 conversions, as the
   * issue and the ChannelAttribution documentation give. Every conversion is worth 10, so value is
   * credited in the same shares. Order 2 has the same chain here.
   */
  @Test
  void workedExample_markov() {
    for (int order = 1; order <= 2; order++) {
      Attribution m = Attributions.markov(EXAMPLE, order);
      credits(m, 2.4, 1.6);
      assertEquals(0.75, m.removalEffects().get("Google Ads"), 1e-12);
      assertEquals(0.5, m.removalEffects().get("Mailing"), 1e-12);
      assertEquals(0.75, m.valueRemovalEffects().get("Google Ads"), 1e-12);
      assertEquals(24, m.channels().get("Google Ads").value(), 1e-12);
      assertEquals(16, m.channels().get("Mailing").value(), 1e-12);
      assertEquals("markov", m.model());
      assertEquals(order, m.order());
    }
  }

  /**
   * The value chain is not the conversion chain scaled: when Mailing's conversions are worth more,
   * its value removal effect is larger. Paths A (1 conversion worth 10, 1 null) and A &gt; B (1
   * worth 30), by hand: all 3 journeys go to A, where 1 converts with 10, 1 is lost and 1 goes on
   * to B and converts with 30. E[V] = (10 + 30)/3, and without B 10/3: value effect 3/4. P = 2/3,
   * and without B 1/3: effect 1/2. Without A nothing converts: both effects 1.
   */
  @Test
  void markov_valueHasItsOwnRemovalEffects() {
    List<ConversionPath> paths = List.of(ConversionPath.parse("A", 1, 10, 1), ConversionPath.parse("A > B", 1, 30, 0));
    Attribution m = Attributions.markov(paths, 1);
    assertEquals(1.0, m.removalEffects().get("A"), 1e-12);
    assertEquals(0.5, m.removalEffects().get("B"), 1e-12);
    assertEquals(1.0, m.valueRemovalEffects().get("A"), 1e-12);
    assertEquals(0.75, m.valueRemovalEffects().get("B"), 1e-12);
    assertEquals(2 * 1 / 1.5, m.channels().get("A").conversions(), 1e-12);
    assertEquals(40 * 1 / 1.75, m.channels().get("A").value(), 1e-12);
  }

  /**
   * On 200 seeded random path sets (up to 12 channels, paths up to 8 long, fractional counts), every
   * model's credits (Shapley's exact, ordered and sampled too) sum to the totals within 1e-9, the
   * Markov chain solved by elimination and iteratively agree to 1e-12 for every order (channel and
   * sequence removal effects), and a second run is bit-identical.
   */
  @Test
  void randomPaths_sumToTotals_andSolversAgree() {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 200; round++) {
      List<ConversionPath> paths = randomPaths(random, 1 + random.nextInt(12), 1 + random.nextInt(60));
      List<Attribution> all = new ArrayList<>(List.of(Attributions.firstTouch(paths), Attributions.lastTouch(paths),
          Attributions.linear(paths), Attributions.positionBased(paths)));
      for (int order = 1; order <= Attributions.MAX_ORDER; order++) {
        Attribution dense = Attributions.markov(paths, order);
        Attribution iterative = Attributions.markovSolvedBy(paths, order, Attributions.DEFAULT_SEQUENCES, 0);
        for (String c : dense.channels().keySet()) {
          assertEquals(dense.removalEffects().get(c), iterative.removalEffects().get(c), 1e-12, "round " + round);
          assertEquals(dense.valueRemovalEffects().get(c), iterative.valueRemovalEffects().get(c), 1e-12,
              "round " + round);
        }
        assertEquals(dense.sequenceRemovalEffects().keySet(), iterative.sequenceRemovalEffects().keySet());
        for (String q : dense.sequenceRemovalEffects().keySet()) {
          assertEquals(dense.sequenceRemovalEffects().get(q), iterative.sequenceRemovalEffects().get(q), 1e-12,
              "round " + round + " sequence " + q);
        }
        assertEquals(dense, Attributions.markov(paths, order), "round " + round);
        all.add(dense);
        all.add(iterative);
      }
      all.add(Attributions.shapley(paths));
      all.add(Attributions.shapleyOrdered(paths));
      all.add(Attributions.shapleySampled(paths, false, 50, round));
      all.add(Attributions.shapleySampled(paths, true, 50, round));
      for (Attribution a : all) {
        double conversions = 0;
        double value = 0;
        for (Attribution.Credit c : a.channels().values()) {
          conversions += c.conversions();
          value += c.value();
        }
        assertEquals(a.totalConversions(), conversions, 1e-9, a.model() + " round " + round);
        assertEquals(a.totalValue(), value, 1e-9, a.model() + " round " + round);
      }
    }
  }

  static List<ConversionPath> randomPaths(SplittableRandom random, int channels, int count) {
    List<ConversionPath> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int length = 1 + random.nextInt(8);
      List<String> path = new ArrayList<>();
      for (int j = 0; j < length; j++) {
        path.add("channel " + random.nextInt(channels));
      }
      double conversions = random.nextInt(3) == 0 ? 0 : random.nextInt(20) + random.nextDouble();
      double value = conversions * (5 + random.nextInt(50));
      paths.add(new ConversionPath(path, conversions, value, random.nextInt(30)));
    }
    return paths;
  }

  @Test
  void noConversions_nothingCredited() {
    Attribution m = Attributions.markov(List.of(ConversionPath.parse("A > B", 0, 0, 5)), 1);
    assertEquals(Map.of("A", new Attribution.Credit(0, 0), "B", new Attribution.Credit(0, 0)), m.channels());
    assertEquals(0.0, m.removalEffects().get("A"));
  }

  /**
   * Sequence removal effects, by hand. Paths A &gt; B (1 conversion), B (1 conversion), A (1 null);
   * order 2. From the start 2 of 3 journeys go to (A), 1 to (B); from (A) one goes on to (A, B) and
   * converts, one is lost; (B) converts. P = 2/3 · 1/2 + 1/3 = 2/3. Without the sequence A &gt; B,
   * (A, B) loses its journeys: P = 1/3, so the removal effect is 1/2. It is the only sequence met.
   */
  @Test
  void markov_sequenceRemovalEffects() {
    List<ConversionPath> paths = List.of(ConversionPath.parse("A > B", 1, 5, 0), ConversionPath.parse("B", 1, 5, 0),
        ConversionPath.parse("A", 0, 0, 1));
    Attribution m = Attributions.markov(paths, 2);
    assertEquals(Map.of("A > B", 0.5), m.sequenceRemovalEffects());
    assertEquals(0.5, m.sequenceRemovalEffects().get("A > B"), 1e-15);
    assertTrue(Attributions.markov(paths, 1).sequenceRemovalEffects().isEmpty());
    assertTrue(Attributions.markov(paths, 2, 0).sequenceRemovalEffects().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Attributions.markov(paths, 2, -1));
  }

  /**
   * Sequences are ranked by the journeys that meet them, ties by text, and capped. A path that meets
   * a sequence twice counts once. Removing a sequence removes no more than removing either of its
   * channels.
   */
  @Test
  void markov_sequencesRankedAndCapped() {
    List<ConversionPath> paths = List.of(ConversionPath.parse("A > B > A > B", 3, 30, 1),
        ConversionPath.parse("B > C", 1, 10, 4), ConversionPath.parse("C > A", 2, 20, 0),
        ConversionPath.parse("A > B > C", 1, 10, 1));
    Attribution m = Attributions.markov(paths, 3, 4);
    // Journeys: A > B 4 + 2 = 6; B > C 5 + 2 = 7; B > A 4; A > B > A 4; B > A > B 4; C > A 2; A > B > C 2.
    assertEquals(List.of("B > C", "A > B", "A > B > A", "B > A"), List.copyOf(m.sequenceRemovalEffects().keySet()));
    for (Map.Entry<String, Double> e : m.sequenceRemovalEffects().entrySet()) {
      for (String channel : ConversionPath.parse(e.getKey(), 0, 0, 0).channels()) {
        assertTrue(e.getValue() <= m.removalEffects().get(channel) + 1e-12, e.toString());
      }
    }
  }

  @Test
  void badArguments() {
    assertThrows(IllegalArgumentException.class, () -> Attributions.markov(EXAMPLE, 0));
    assertThrows(IllegalArgumentException.class, () -> Attributions.markov(EXAMPLE, 5));
    assertThrows(IllegalArgumentException.class, () -> Attributions.positionBased(EXAMPLE, 0.7, 0.4));
    assertThrows(IllegalArgumentException.class, () -> Attributions.positionBased(EXAMPLE, -0.1, 0.4));
    assertThrows(IllegalArgumentException.class, () -> Attributions.positionBased(EXAMPLE, Double.NaN, 0.4));
    List<ConversionPath> withNull = new ArrayList<>(EXAMPLE);
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> Attributions.linear(withNull));
    assertThrows(NullPointerException.class, () -> Attributions.markov(null, 1));
  }
}

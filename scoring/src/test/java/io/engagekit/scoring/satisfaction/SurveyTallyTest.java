package io.engagekit.scoring.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.testkit.Generators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SurveyTallyTest {
  private static final double EPS = 1e-9;

  @Test
  void nps_issueExample_30PercentPromoters20PercentDetractors_is10() {
    SurveyTally t = new SurveyTally();
    t.add(SurveyMetric.NPS, 10, 30);
    t.add(SurveyMetric.NPS, 8, 50);
    t.add(SurveyMetric.NPS, 3, 20);
    SurveyTally.NpsSummary s = t.nps().orElseThrow();
    // Issue 3 acceptance: 30% promoters and 20% detractors give NPS 10.0 (exactly, from the counts).
    assertEquals(10.0, s.nps());
    assertEquals(30.0, s.promoters());
    assertEquals(50.0, s.passives());
    assertEquals(20.0, s.detractors());
    assertEquals(100, s.responses());
    // Trinomial variance (0.3 + 0.2 - 0.1^2) / 100 = 0.0049; half width 100 * 1.959964 * 0.07 = 13.71975.
    assertEquals(10.0 - 13.719747891780373, s.ciLow(), EPS);
    assertEquals(10.0 + 13.719747891780373, s.ciHigh(), EPS);
  }

  @Test
  void csat_issueExample_is69point16() {
    SurveyTally t = new SurveyTally();
    t.add(SurveyMetric.CSAT, 5, 42);
    t.add(SurveyMetric.CSAT, 4, 32);
    t.add(SurveyMetric.CSAT, 3, 10);
    t.add(SurveyMetric.CSAT, 2, 9);
    t.add(SurveyMetric.CSAT, 1, 14);
    SurveyTally.CsatSummary s = t.csat().orElseThrow();
    // Issue 3 acceptance: 74 of 107 in the top two boxes = 69.16%.
    assertEquals(69.16, Math.round(s.csat() * 100) / 100.0);
    assertEquals(100.0 * 74 / 107, s.csat(), EPS);
    assertEquals(400.0 / 107, s.mean(), EPS); // (42*5 + 32*4 + 10*3 + 9*2 + 14*1) / 107
    // Wilson (1927) score interval for 74/107 by the closed form, checked against Newcombe's examples below.
    assertEquals(59.87, Math.round(s.ciLow() * 100) / 100.0);
    assertEquals(77.12, Math.round(s.ciHigh() * 100) / 100.0);
  }

  /** Newcombe (1998), Statistics in Medicine 17:857-872, Table II, method 3 (Wilson score, no correction). */
  @ParameterizedTest
  @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0.0000, 0.1611",
      "1, 29, 0.0061, 0.1718", "29, 29, 0.8830, 1.0000"})
  void wilson_matchesNewcombe1998(long x, long n, double low, double high) {
    double[] ci = SurveyTally.wilson(x, n);
    assertEquals(low, ci[0], 5e-5);
    assertEquals(high, ci[1], 5e-5);
  }

  @Test
  void ces_meanEasyShareAndInterval() {
    SurveyTally t = new SurveyTally();
    for (int score : new int[] {7, 7, 5, 3, 1}) {
      t.accept(SurveyResponse.of("c" + score, Instant.EPOCH, SurveyMetric.CES, score));
    }
    SurveyTally.CesSummary s = t.ces().orElseThrow();
    assertEquals(4.6, s.mean(), EPS);
    assertEquals(60.0, s.easy(), EPS);
    // s^2 = (2.4^2 * 2 + 0.4^2 + 1.6^2 + 3.6^2) / 4 = 6.8; half width 1.959964 * sqrt(6.8 / 5).
    double half = 1.959963984540054 * Math.sqrt(6.8 / 5);
    assertEquals(4.6 - half, s.ciLow(), EPS);
    assertEquals(4.6 + half, s.ciHigh(), EPS);
  }

  @Test
  void figures_areEmptyWithoutAnswers_andSingleAnswersGiveZeroWidth() {
    SurveyTally t = new SurveyTally();
    assertFalse(t.nps().isPresent() || t.csat().isPresent() || t.ces().isPresent());
    t.add(SurveyMetric.NPS, 10, 1);
    t.add(SurveyMetric.CES, 6, 1);
    assertEquals(100.0, t.nps().orElseThrow().ciLow());
    assertEquals(100.0, t.nps().orElseThrow().ciHigh());
    assertEquals(6.0, t.ces().orElseThrow().ciLow());
    assertFalse(t.csat().isPresent());
  }

  @Test
  void npsInterval_isTruncatedToTheScale() {
    SurveyTally t = new SurveyTally();
    t.add(SurveyMetric.NPS, 10, 3);
    t.add(SurveyMetric.NPS, 0, 1);
    SurveyTally.NpsSummary s = t.nps().orElseThrow();
    assertEquals(50.0, s.nps(), EPS);
    assertEquals(100.0, s.ciHigh()); // 50 + 100 * 1.96 * sqrt((1 - 0.25) / 4) = 134.9, truncated
  }

  /** Split any answers into k shards, tally each, combine in any order: the tally of the whole. */
  @Test
  void combine_ofShardsInAnyOrder_equalsTheWhole() {
    for (long seed = 0; seed < 200; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      int k = 1 + random.nextInt(6);
      List<SurveyTally> shards = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        shards.add(new SurveyTally());
      }
      SurveyTally whole = new SurveyTally();
      for (int i = random.nextInt(300); i > 0; i--) {
        SurveyResponse r = Generators.survey(random);
        whole.accept(r);
        shards.get(random.nextInt(k)).accept(r);
      }
      Collections.shuffle(shards, new Random(seed));
      SurveyTally merged = new SurveyTally();
      shards.forEach(merged::combine);
      assertEquals(whole, merged, "seed " + seed);
      assertEquals(whole.nps(), merged.nps(), "seed " + seed);
      assertEquals(whole.csat(), merged.csat(), "seed " + seed);
      assertEquals(whole.ces(), merged.ces(), "seed " + seed);
    }
  }

  /** Extreme counts never give NaN or infinities, and intervals contain their estimate. */
  @Test
  void figures_stayFiniteAndOrdered_forExtremeCounts() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      SurveyTally t = new SurveyTally();
      for (SurveyMetric m : SurveyMetric.values()) {
        for (int s = m.min(); s <= m.max(); s++) {
          int pick = random.nextInt(4);
          t.add(m, s, pick == 0 ? 0 : pick == 1 ? random.nextLong(1L << 50) : random.nextInt(3));
        }
      }
      t.nps().ifPresent(s -> assertOrdered(s.ciLow(), s.nps(), s.ciHigh(), -100, 100));
      t.csat().ifPresent(s -> assertOrdered(s.ciLow(), s.csat(), s.ciHigh(), 0, 100));
      t.ces().ifPresent(s -> assertOrdered(s.ciLow(), s.mean(), s.ciHigh(), -Double.MAX_VALUE, Double.MAX_VALUE));
    }
  }

  private static void assertOrdered(double low, double value, double high, double min, double max) {
    assertTrue(Double.isFinite(low) && Double.isFinite(value) && Double.isFinite(high), low + " " + value + " " + high);
    assertTrue(min <= low && low <= value + EPS && value <= high + EPS && high <= max, low + " " + value + " " + high);
  }

  @Test
  void add_rejectsBadArgumentsAndOverflow() {
    SurveyTally t = new SurveyTally();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.add(SurveyMetric.CSAT, 0, 1));
    assertEquals("score must be in [1, 5] for csat but was 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.add(SurveyMetric.NPS, 5, -1));
    assertThrows(IllegalArgumentException.class, () -> t.count(SurveyMetric.CES, 8));
    t.add(SurveyMetric.NPS, 5, Long.MAX_VALUE);
    assertThrows(ArithmeticException.class, () -> t.add(SurveyMetric.NPS, 5, 1));
    assertEquals(Long.MAX_VALUE, t.count(SurveyMetric.NPS, 5));
    new NullPointerTester().testAllPublicInstanceMethods(new SurveyTally());
  }

  @Test
  void equals_byCounts() {
    SurveyTally a = new SurveyTally();
    a.add(SurveyMetric.CES, 3, 2);
    SurveyTally b = new SurveyTally();
    b.add(SurveyMetric.CES, 3, 1);
    b.add(SurveyMetric.CES, 3, 1);
    new EqualsTester().addEqualityGroup(a, b).addEqualityGroup(new SurveyTally()).testEquals();
  }
}

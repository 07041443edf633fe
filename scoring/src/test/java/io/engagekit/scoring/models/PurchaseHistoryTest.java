package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class PurchaseHistoryTest {
  private static final LocalDate D = LocalDate.of(2024, 1, 1);

  @Test
  void sameDayRecords_areOneTransaction() {
    PurchaseHistory h = new PurchaseHistory().add(D, 10).add(D.plusDays(3), 5).add(D, 2.5).add(D.plusDays(3), 1);
    assertEquals(2, h.days());
    PurchaseHistory.Calibration c = h.summarize(D.plusDays(13), null, PeriodUnit.WEEKS).orElseThrow();
    assertEquals(RepeatPattern.of(1, 3 / 7.0, 13 / 7.0), c.pattern());
    assertEquals(12.5, c.firstSpend());
    assertEquals(6.0, c.repeatSpend());
    assertEquals(6.0, c.meanRepeatSpend().getAsDouble());
  }

  @Test
  void holdout_andLaterDays() {
    PurchaseHistory h = new PurchaseHistory();
    for (int d : new int[] {0, 2, 5, 9, 10, 14, 20}) {
      h.add(D.plusDays(d), d);
    }
    PurchaseHistory.Calibration c = h.summarize(D.plusDays(5), D.plusDays(10), PeriodUnit.DAYS).orElseThrow();
    assertEquals(RepeatPattern.of(2, 5, 5), c.pattern());
    assertEquals(7.0, c.repeatSpend());
    assertEquals(2, c.holdoutDays());
    assertEquals(19.0, c.holdoutSpend());
    assertEquals(2, c.laterDays());
    PurchaseHistory.Calibration open = h.summarize(D.plusDays(5), null, PeriodUnit.DAYS).orElseThrow();
    assertEquals(4, open.holdoutDays());
    assertEquals(0, open.laterDays());
    // First purchase after the calibration end: not in the cohort.
    assertTrue(new PurchaseHistory().add(D.plusDays(9), 1).summarize(D, null, PeriodUnit.DAYS).isEmpty());
    assertTrue(new PurchaseHistory().summarize(D, null, PeriodUnit.DAYS).isEmpty());
    // First purchase on the calibration end: T = 0.
    assertEquals(RepeatPattern.of(0, 0, 0),
        new PurchaseHistory().add(D, 1).summarize(D, null, PeriodUnit.DAYS).orElseThrow().pattern());
    assertTrue(c.meanRepeatSpend().isPresent());
    assertTrue(new PurchaseHistory().add(D, 1).summarize(D, null, PeriodUnit.DAYS).orElseThrow()
        .meanRepeatSpend().isEmpty());
  }

  /** Merge laws over seeded random histories: any split of the records, in any order, merges to the same history. */
  @Test
  void merge_anySplitAnyOrder_sameHistory() {
    for (long seed = 1; seed <= 200; seed++) {
      Random random = new Random(seed);
      List<Object[]> records = new ArrayList<>();
      int n = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        // Quarters below 2^18 add exactly in any order, so the comparison can be exact.
        records.add(new Object[] {D.plusDays(random.nextInt(30)), random.nextInt(1 << 20) / 4.0});
      }
      PurchaseHistory whole = new PurchaseHistory();
      records.forEach(r -> whole.add((LocalDate) r[0], (double) r[1]));
      Collections.shuffle(records, random);
      PurchaseHistory[] shards = {new PurchaseHistory(), new PurchaseHistory(), new PurchaseHistory()};
      records.forEach(r -> shards[random.nextInt(3)].add((LocalDate) r[0], (double) r[1]));
      PurchaseHistory ab = new PurchaseHistory().merge(shards[0]).merge(shards[1]).merge(shards[2]);
      PurchaseHistory ba = new PurchaseHistory().merge(shards[2]).merge(shards[0].merge(shards[1]));
      assertEquals(whole, ab, "seed " + seed);
      assertEquals(whole, ba, "seed " + seed);
      assertEquals(whole.hashCode(), ab.hashCode(), "seed " + seed);
    }
    PurchaseHistory self = new PurchaseHistory().add(D, 2);
    assertEquals(new PurchaseHistory().add(D, 4), self.merge(self));
  }

  /**
   * The CDNOW sample summarised per customer-day: 2,457 repeat transactions in calibration and
   * 1,882 in the holdout (Fader, Hardie &amp; Lee 2005, figure 2 and section 4), 946 repeat buyers,
   * and the same x, t_x and T as the published summary (which rounds weeks to 2 decimals).
   */
  @Test
  void cdnow_matchesThePublishedSummary() throws java.io.IOException {
    long calibration = 0;
    long holdout = 0;
    long repeaters = 0;
    for (PurchaseHistory.Calibration c : Cdnow.calibration()) {
      calibration += c.pattern().x();
      holdout += c.holdoutDays();
      repeaters += c.pattern().x() > 0 ? 1 : 0;
      assertEquals(0, c.laterDays());
    }
    assertEquals(2457, calibration);
    assertEquals(1882, holdout);
    assertEquals(946, repeaters);
    List<RepeatPattern> published = BgNbdTest.cdnow();
    List<RepeatPattern> ours = Cdnow.patterns();
    for (int i = 0; i < ours.size(); i++) {
      assertEquals(published.get(i).x(), ours.get(i).x(), "customer " + (i + 1));
      assertEquals(published.get(i).tx(), ours.get(i).tx(), 0.005, "customer " + (i + 1));
      assertEquals(published.get(i).T(), ours.get(i).T(), 0.005, "customer " + (i + 1));
    }
  }

  @Test
  void badInput_clearErrors() {
    PurchaseHistory h = new PurchaseHistory();
    assertThrows(IllegalArgumentException.class, () -> h.add(D, -1));
    assertThrows(IllegalArgumentException.class, () -> h.add(D, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> h.add(D, Double.POSITIVE_INFINITY));
    h.add(D, Double.MAX_VALUE);
    assertThrows(ArithmeticException.class, () -> h.add(D, Double.MAX_VALUE));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> h.summarize(D, D, PeriodUnit.DAYS));
    assertTrue(e.getMessage().contains("must be after the calibration end"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PeriodUnit.fromCode("months"));
    assertEquals(PeriodUnit.WEEKS, PeriodUnit.fromCode("Weeks"));
  }
}

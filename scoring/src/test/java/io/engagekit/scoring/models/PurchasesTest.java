package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.InvalidFieldException;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one purchase pipeline: events and rows to histories to a cohort and its patterns. */
final class PurchasesTest {
  /**
   * The CDNOW sample through the pipeline gives the published fits: BG/NBD r, α, a, b = 0.2426,
   * 4.4136, 0.7929, 2.4259 (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way",
   * section 5) and Gamma-Gamma p, q, γ = 6.25, 3.74, 15.44 on the 946 repeat buyers (Fader, Hardie
   * &amp; Lee 2005, "RFM and CLV", JMR 42(4), table 2).
   */
  @Test
  void cdnow_cohort_fitsThePublishedModels() {
    Purchases purchases = new Purchases(ZoneOffset.UTC);
    Cdnow.histories().forEach((id, h) -> {
      for (int i = 0; i < h.days(); i++) {
        purchases.add(id, h.day(i), h.spend(i));
      }
    });
    Purchases.Cohort cohort = purchases.cohort(Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END, PeriodUnit.WEEKS);
    assertEquals(2357, cohort.customers().size());
    assertEquals(0, cohort.lateStarters());
    assertEquals(Cdnow.HOLDOUT_WEEKS, cohort.holdoutLength(), 1e-12);
    BgNbd bg = BgNbd.fit(cohort.patterns().patterns()).model();
    assertEquals(0.2426, bg.r(), 1e-3 * 0.2426);
    assertEquals(4.4136, bg.alpha(), 1e-3 * 4.4136);
    assertEquals(0.7929, bg.a(), 1e-3 * 0.7929);
    assertEquals(2.4259, bg.b(), 1e-3 * 2.4259);
    assertEquals(946, cohort.patterns().spendPatterns().stream().mapToLong(SpendPattern::customers).sum());
    GammaGamma gg = GammaGamma.fit(cohort.patterns().spendPatterns()).model();
    assertEquals(6.25, gg.p(), 0.002 * 6.25);
    assertEquals(3.74, gg.q(), 0.002 * 3.74);
    assertEquals(15.44, gg.gamma(), 0.002 * 15.44);
  }

  @Test
  void events_becomeCustomerDays_inTheZone() {
    Purchases purchases = new Purchases(ZoneId.of("America/New_York"));
    Instant lateEvening = Instant.parse("2026-03-02T03:00:00Z"); // 22:00 on March 1 in New York
    assertTrue(purchases.record(Touchpoint.builder("c", lateEvening, Channel.WEB, TouchpointKind.PURCHASE).value(10)
        .build()));
    assertTrue(purchases.record(Touchpoint.builder("c", lateEvening.plusSeconds(3600), Channel.RETAIL,
        TouchpointKind.PURCHASE).value(5).build()));
    assertFalse(purchases.record(Touchpoint.of("c", lateEvening, Channel.WEB, TouchpointKind.VISIT)));
    assertFalse(purchases.record(SurveyResponse.of("d", lateEvening, SurveyMetric.NPS, 9)));
    PurchaseHistory h = purchases.histories().get("c");
    assertEquals(1, h.days());
    assertEquals(LocalDate.of(2026, 3, 1), h.day(0));
    assertEquals(15, h.spend(0));
    assertFalse(purchases.histories().containsKey("d"), "a customer without a purchase has no history");
  }

  @Test
  void cohort_countsLateStartersAndLaterDays_andZeroSpenders() {
    Purchases p = new Purchases(ZoneOffset.UTC);
    LocalDate d = LocalDate.of(2026, 1, 1);
    p.add("a", d, 10).add("a", d.plusDays(7), 0).add("a", d.plusDays(40), 3); // a repeat of 0, a later day
    p.add("b", d.plusDays(20), 4); // first bought after the calibration end
    p.add("c", d.plusDays(1), 2).add("c", d.plusDays(3), 6).add("c", d.plusDays(25), 1); // holdout day
    Purchases.Cohort c = p.cohort(d.plusDays(14), d.plusDays(30), PeriodUnit.DAYS);
    assertEquals(List.of("a", "c"), new ArrayList<>(c.customers().keySet()));
    assertEquals(1, c.lateStarters());
    assertEquals(1, c.laterDays());
    assertEquals(16, c.holdoutLength());
    assertEquals(1, c.patterns().zeroSpenders());
    assertEquals(List.of(SpendPattern.of(1, 6)), c.patterns().spendPatterns());
    assertEquals(2, c.patterns().customers());
  }

  @Test
  void rows_areValidated_beforeACustomerIsKept() {
    Purchases p = new Purchases(ZoneOffset.UTC);
    assertThrows(InvalidFieldException.class, () -> p.add("", LocalDate.of(2026, 1, 1), 1));
    assertThrows(IllegalArgumentException.class, () -> p.add("x", LocalDate.of(2026, 1, 1), -1));
    assertThrows(IllegalArgumentException.class, () -> p.add("x", LocalDate.of(2026, 1, 1), Double.NaN));
    assertEquals(Map.of(), p.histories());
  }
}

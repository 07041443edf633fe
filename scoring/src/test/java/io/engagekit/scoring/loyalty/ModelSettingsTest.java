package io.engagekit.scoring.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagekit.scoring.models.PurchaseHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class ModelSettingsTest {
  /** The allocation-free day a purchase counts on is the calendar day, in fixed offsets and in zones with DST. */
  @Test
  void epochDay_isTheCalendarDay_inEveryZone() {
    SplittableRandom r = new SplittableRandom(7);
    for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHours(14),
        ZoneId.of("Europe/Berlin"), ZoneId.of("America/St_Johns"), ZoneId.of("Pacific/Apia"), ZoneId.of("UTC")}) {
      ModelSettings settings = ModelSettings.defaults().withZone(zone);
      for (int i = 0; i < 20_000; i++) {
        // From 1900 to 2200, with whole seconds, fractions, and instants next to midnight UTC.
        long second = -2_208_988_800L + r.nextLong(9_467_280_000L);
        if (i % 4 == 0) {
          second -= Math.floorMod(second, 86_400L) + r.nextInt(-2, 3);
        }
        Instant at = Instant.ofEpochSecond(second, i % 3 == 0 ? r.nextInt(1_000_000_000) : 0);
        assertEquals(settings.day(at).toEpochDay(), settings.epochDay(at), zone + " " + at);
      }
    }
  }

  @Test
  void purchaseHistory_byEpochDay_equalsByDate_andRefusesDaysBeyondAnInt() {
    PurchaseHistory byDate = new PurchaseHistory().add(LocalDate.of(1997, 1, 1), 5).add(LocalDate.of(1997, 1, 1), 2);
    PurchaseHistory byDay = new PurchaseHistory().add(LocalDate.of(1997, 1, 1).toEpochDay(), 5)
        .add(LocalDate.of(1997, 1, 1).toEpochDay(), 2);
    assertEquals(byDate, byDay);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PurchaseHistory().add(1L << 40, 1));
    assertEquals("day out of range: epoch day 1099511627776", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new PurchaseHistory().add(0L, Double.NaN));
  }
}

package io.engagekit.scoring.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CalendarPeriod}'s allocation-free calendar arithmetic against {@link LocalDate}, over
 * seeded random days across the years events may carry (0000–9999) and beyond, plus the edges of
 * months, leap days and centuries.
 */
final class CalendarPeriodPropertyTest {
  private static final long FIRST = LocalDate.of(-2000, 1, 1).toEpochDay();
  private static final long LAST = LocalDate.of(12000, 12, 31).toEpochDay();

  /** What each period's index is, computed with java.time. */
  private static long reference(CalendarPeriod p, LocalDate d) {
    return switch (p) {
      case DAY -> d.toEpochDay();
      case WEEK -> ChronoUnit.WEEKS.between(LocalDate.of(1969, 12, 29), d.with(DayOfWeek.MONDAY));
      case MONTH -> (d.getYear() - 1970L) * 12 + d.getMonthValue() - 1;
      case QUARTER -> (d.getYear() - 1970L) * 4 + d.get(IsoFields.QUARTER_OF_YEAR) - 1;
      case YEAR -> d.getYear() - 1970L;
    };
  }

  private static void check(long day) {
    LocalDate d = LocalDate.ofEpochDay(day);
    for (CalendarPeriod p : CalendarPeriod.values()) {
      long index = p.index(day);
      assertEquals(reference(p, d), index, p + " of " + d);
      long first = p.firstDay(index);
      assertTrue(first <= day && p.index(first) == index && p.index(first - 1) == index - 1, p + " of " + d);
    }
  }

  @Test
  void index_andFirstDay_agreeWithJavaTime_onRandomDays() {
    long seed = 20261206L;
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 200_000; i++) {
      long day = FIRST + r.nextLong(LAST - FIRST + 1);
      try {
        check(day);
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ", case " + i + ", epoch day " + day + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void index_atMonthEdges_leapDays_andCenturies() {
    for (int year : new int[] {0, 1, 4, 100, 400, 1600, 1700, 1900, 1969, 1970, 2000, 2024, 2100, 9999}) {
      for (int month = 1; month <= 12; month++) {
        LocalDate start = LocalDate.of(year, month, 1);
        check(start.toEpochDay());
        check(start.toEpochDay() - 1);
        check(start.plusMonths(1).toEpochDay() - 1);
      }
    }
    assertEquals(0, CalendarPeriod.WEEK.index(LocalDate.of(1970, 1, 4).toEpochDay())); // Sunday: week 0
    assertEquals(1, CalendarPeriod.WEEK.index(LocalDate.of(1970, 1, 5).toEpochDay())); // Monday: week 1
  }
}

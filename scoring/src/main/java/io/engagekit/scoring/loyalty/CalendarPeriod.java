package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * A calendar period that counts as one transaction opportunity for {@code loyalty.bgbb}: a day, an
 * ISO week (Monday to Sunday), a month, a quarter or a year. Periods are numbered consecutively,
 * period 0 holding 1970-01-01, so that the number of opportunities between two periods is the
 * difference of their indexes.
 *
 * @since 0.2
 */
public enum CalendarPeriod {
  /** One calendar day. */
  DAY,
  /** One ISO week, Monday to Sunday. */
  WEEK,
  /** One calendar month. */
  MONTH,
  /** One calendar quarter: January–March, April–June, July–September, October–December. */
  QUARTER,
  /** One calendar year. */
  YEAR;

  /**
   * Returns the index of the period holding a day. Allocation-free (the civil-calendar arithmetic
   * of {@link LocalDate#ofEpochDay}, written out so that a strategy's {@code accept} allocates
   * nothing).
   *
   * @param epochDay the day, counted from 1970-01-01, within the range of {@link LocalDate}
   * @return the period's index: 0 for the period holding 1970-01-01
   */
  public long index(long epochDay) {
    switch (this) {
      case DAY:
        return epochDay;
      case WEEK:
        return Math.floorDiv(epochDay + 3, 7); // 1969-12-29, epoch day -3, was a Monday
      default:
        break;
    }
    // Days from 0000-03-01, in 400-year eras of 146,097 days; years start in March so that the
    // leap day ends a year.
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shiftedMonth = (5 * dayOfYear + 2) / 153; // 0 = March
    long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9; // 1..12
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    long months = (year - 1970) * 12 + month - 1;
    return switch (this) {
      case MONTH -> months;
      case QUARTER -> Math.floorDiv(months, 3);
      default -> year - 1970;
    };
  }

  /**
   * Returns the first day of a period.
   *
   * @param index a period's index
   * @return its first day, counted from 1970-01-01
   * @throws java.time.DateTimeException if the day is outside the range of {@link LocalDate}
   */
  public long firstDay(long index) {
    return switch (this) {
      case DAY -> index;
      case WEEK -> Math.multiplyExact(index, 7) - 3;
      case MONTH -> LocalDate.of(Math.toIntExact(1970 + Math.floorDiv(index, 12)), Math.floorMod(index, 12) + 1, 1)
          .toEpochDay();
      case QUARTER -> MONTH.firstDay(Math.multiplyExact(index, 3));
      case YEAR -> LocalDate.of(Math.toIntExact(1970 + index), 1, 1).toEpochDay();
    };
  }

  /**
   * Returns this period's lower-case code.
   *
   * @return {@code day}, {@code week}, {@code month}, {@code quarter} or {@code year}
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the period with the given code.
   *
   * @param code a lower-case code, such as {@code year}
   * @return the period
   * @throws IllegalArgumentException naming the codes there are, if none has that code
   */
  public static CalendarPeriod fromCode(String code) {
    requireNonNull(code, "code");
    for (CalendarPeriod p : values()) {
      if (p.code().equals(code)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no calendar period is coded '" + code + "'; known: "
        + Arrays.stream(values()).map(CalendarPeriod::code).toList());
  }
}

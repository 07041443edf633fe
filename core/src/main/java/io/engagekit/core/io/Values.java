package io.engagekit.core.io;

import io.engagekit.core.InvalidFieldException;
import com.fasterxml.jackson.core.io.NumberInput;
import io.engagekit.core.internal.Text;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Parses field text strictly: no trimming, no locale, no silent repair. */
final class Values {
  private Values() {}

  static String required(String field, @Nullable String text) {
    if (text == null) {
      throw new InvalidFieldException(field, "is required but was absent");
    }
    return text;
  }

  /** A decimal number: {@code -?digits(.digits)?([eE][+-]?digits)?}, finite as a double. */
  static double decimal(String field, String text) {
    char[] c = text.toCharArray();
    return decimal(field, c, 0, c.length);
  }

  /**
   * {@link #decimal(String, String)} over {@code d[s, e)}: the syntax is checked here and the
   * digits converted, correctly rounded and without allocating, by Jackson's copy of
   * FastDoubleParser.
   */
  static double decimal(String field, char[] d, int s, int e) {
    if (!isDecimal(d, s, e)) {
      throw new InvalidFieldException(field, "must be a decimal number but was " + quote(d, s, e));
    }
    double x = NumberInput.parseDouble(d, s, e - s, true);
    if (Double.isInfinite(x)) {
      throw new InvalidFieldException(field, "must be a finite number but was " + quote(d, s, e));
    }
    return x;
  }

  /**
   * A decimal number written with a decimal comma ({@code -?digits(,digits)?(e[+-]?digits)?}):
   * a '.' anywhere is refused (it would be a thousands separator or the other convention, and
   * either reading would be a guess).
   */
  static double decimalComma(String field, char[] d, int s, int e) {
    char[] dotted = new char[e - s];
    for (int i = s; i < e; i++) {
      if (d[i] == '.') {
        throw new InvalidFieldException(field, "must be a decimal number with ',' as the decimal separator (as "
            + "the reader was told) but was " + quote(d, s, e));
      }
      dotted[i - s] = d[i] == ',' ? '.' : d[i];
    }
    if (!isDecimal(dotted, 0, dotted.length)) {
      throw new InvalidFieldException(field, "must be a decimal number with ',' as the decimal separator but was "
          + quote(d, s, e));
    }
    double x = NumberInput.parseDouble(dotted, 0, dotted.length, true);
    if (Double.isInfinite(x)) {
      throw new InvalidFieldException(field, "must be a finite number but was " + quote(d, s, e));
    }
    return x;
  }

  /** An integer: {@code -?digits}, within the range of a long. */
  static long integer(String field, String text) {
    char[] c = text.toCharArray();
    return integer(field, c, 0, c.length);
  }

  static long integer(String field, char[] d, int s, int e) {
    int i = s < e && d[s] == '-' ? s + 1 : s;
    boolean negative = i > s;
    if (i == e) {
      throw new InvalidFieldException(field, "must be an integer but was " + quote(d, s, e));
    }
    long x = 0; // accumulated negatively: -Long.MIN_VALUE does not fit
    boolean overflow = false;
    for (int j = i; j < e; j++) {
      char c = d[j];
      if (c < '0' || c > '9') {
        throw new InvalidFieldException(field, "must be an integer but was " + quote(d, s, e));
      }
      int digit = c - '0';
      if (x < (Long.MIN_VALUE + digit) / 10) {
        overflow = true;
      } else {
        x = x * 10 - digit;
      }
    }
    if (overflow || (!negative && x == Long.MIN_VALUE)) {
      throw new InvalidFieldException(
          field, "must be an integer in the range of a long but was " + quote(d, s, e));
    }
    return negative ? x : -x;
  }

  static int int32(String field, String text) {
    char[] c = text.toCharArray();
    return int32(field, c, 0, c.length);
  }

  static int int32(String field, char[] d, int s, int e) {
    long x = integer(field, d, s, e);
    if (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
      throw new InvalidFieldException(
          field, "must be an integer in the range of an int but was " + quote(d, s, e));
    }
    return (int) x;
  }

  static boolean isDecimal(String s) {
    return isDecimal(s.toCharArray(), 0, s.length());
  }

  static boolean isDecimal(char[] d, int from, int n) {
    int i = from < n && d[from] == '-' ? from + 1 : from;
    int end = digits(d, i, n);
    if (end == i) {
      return false;
    }
    i = end;
    if (i < n && d[i] == '.') {
      end = digits(d, i + 1, n);
      if (end == i + 1) {
        return false;
      }
      i = end;
    }
    if (i < n && (d[i] == 'e' || d[i] == 'E')) {
      i++;
      if (i < n && (d[i] == '+' || d[i] == '-')) {
        i++;
      }
      end = digits(d, i, n);
      if (end == i) {
        return false;
      }
      i = end;
    }
    return i == n;
  }

  /** The index after the run of digits starting at {@code i}, before {@code n}. */
  private static int digits(char[] d, int i, int n) {
    while (i < n && isDigit(d[i])) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * A timestamp: an ISO-8601 instant ({@code 2026-03-01T10:15:30Z}), a date-time with offset
   * ({@code 2026-03-01T11:15:30+01:00}) or a date ({@code 2026-03-01}, the start of that day in
   * {@code zone}).
   */
  static Instant timestamp(String field, String text, ZoneId zone) {
    char[] c = text.toCharArray();
    return timestamp(field, c, 0, c.length, zone);
  }

  /**
   * {@link #timestamp(String, String, ZoneId)} over {@code d[s, e)}. The common shapes ({@code
   * yyyy-MM-dd}, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}) are read here with the checks of
   * {@link java.time.LocalDate#of}, {@link java.time.LocalTime#of} and {@link
   * java.time.ZoneOffset#ofHoursMinutes}; any other shape goes to {@link
   * DateTimeFormatter#ISO_OFFSET_DATE_TIME}, which decides.
   */
  static Instant timestamp(String field, char[] d, int s, int e, ZoneId zone) {
    int n = e - s;
    try {
      if (n == 10) {
        long day = epochDay(d, s);
        if (day == BAD) {
          throw bad(field, d, s, e);
        }
        if (zone instanceof ZoneOffset) {
          return Instant.ofEpochSecond(day * SECONDS_PER_DAY - ((ZoneOffset) zone).getTotalSeconds());
        }
        return LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant();
      }
      if (n >= 20 && d[s + 10] == 'T' && d[s + 13] == ':' && d[s + 16] == ':') {
        Instant fast = dateTime(field, d, s, e);
        if (fast != null) {
          return fast;
        }
      }
      return OffsetDateTime.parse(new String(d, s, n), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e2) {
      throw bad(field, d, s, e);
    }
  }

  private static final long SECONDS_PER_DAY = 86_400;
  /** What {@link #epochDay} returns for a text that is not a valid {@code yyyy-MM-dd}. */
  private static final long BAD = Long.MIN_VALUE;

  private static InvalidFieldException bad(String field, char[] d, int s, int e) {
    return new InvalidFieldException(
        field,
        "must be an ISO-8601 instant, date-time with offset or date (such as 2026-03-01T10:15:30Z,"
            + " 2026-03-01T11:15:30+01:00 or 2026-03-01) but was "
            + quote(d, s, e));
  }

  /**
   * The epoch day of {@code yyyy-MM-dd} at {@code d[s, s + 10)}, or {@link #BAD} if a separator is
   * not {@code -}, a digit is not ASCII, or the date does not exist ({@link LocalDate#of}'s checks).
   */
  static long epochDay(char[] d, int s) {
    if (d[s + 4] != '-' || d[s + 7] != '-') {
      return BAD;
    }
    int year = number(d, s, s + 4);
    int month = number(d, s + 5, s + 7);
    int day = number(d, s + 8, s + 10);
    return epochDay(year, month, day);
  }

  /** The epoch day of a date with a year of 0 to 9999, or {@link #BAD} if the date does not exist. */
  static long epochDay(int year, int month, int day) {
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return BAD;
    }
    // Days from the civil calendar (proleptic Gregorian), as LocalDate.toEpochDay counts them.
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** The value of the ASCII digits {@code d[from, to)}, or -1 if one is not a digit. */
  static int number(char[] d, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = d[i];
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} at {@code d[s, e)}, or null when the text has
   * another shape (the general ISO parser then decides).
   *
   * @throws InvalidFieldException if it has this shape but a digit, the date, the time or the
   *     offset is invalid
   */
  private static @Nullable Instant dateTime(String field, char[] d, int s, int e) {
    int i = s + 19;
    int nanos = 0;
    if (d[i] == '.') {
      int from = ++i;
      while (i < e && isDigit(d[i])) {
        i++;
      }
      int length = i - from;
      if (length == 0 || length > 9) {
        return null;
      }
      nanos = number(d, from, i);
      for (int k = length; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offset;
    if (i == e - 1 && d[i] == 'Z') {
      offset = 0;
    } else if (i == e - 6 && (d[i] == '+' || d[i] == '-') && d[i + 3] == ':') {
      int hours = number(d, i + 1, i + 3);
      int minutes = number(d, i + 4, i + 6);
      // ZoneOffset.ofHoursMinutes: at most 18 hours, minutes below 60, 18:00 at most in all.
      if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59 || hours * 60 + minutes > 18 * 60) {
        throw bad(field, d, s, e);
      }
      offset = (hours * 3600 + minutes * 60) * (d[i] == '+' ? 1 : -1);
    } else {
      return null;
    }
    long day = epochDay(d, s);
    int hour = number(d, s + 11, s + 13);
    int minute = number(d, s + 14, s + 16);
    int second = number(d, s + 17, s + 19);
    if (day == BAD || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      throw bad(field, d, s, e);
    }
    return Instant.ofEpochSecond(day * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offset, nanos);
  }

  /**
   * Formats an instant exactly as {@link Instant#toString} does ({@code 2026-03-01T10:15:30Z}, the
   * fraction in groups of three digits as needed), without a formatter object: the writers format
   * every row's timestamps. Years outside 0000 to 9999 go to {@code Instant.toString}.
   */
  static String instant(Instant t) {
    StringBuilder b = new StringBuilder(30);
    appendInstant(t, b);
    return b.toString();
  }

  /** Appends what {@link #instant(Instant)} returns. */
  static void appendInstant(Instant t, StringBuilder out) {
    long seconds = t.getEpochSecond();
    int nanos = t.getNano();
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    // Civil date from days (the inverse of epochDay), for the proleptic Gregorian calendar.
    long z = day + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int dayOfMonth = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) {
      out.append(t);
      return;
    }
    put(out, (int) year, 4);
    out.append('-');
    put(out, month, 2);
    out.append('-');
    put(out, dayOfMonth, 2);
    out.append('T');
    put(out, secondOfDay / 3600, 2);
    out.append(':');
    put(out, secondOfDay / 60 % 60, 2);
    out.append(':');
    put(out, secondOfDay % 60, 2);
    if (nanos != 0) {
      out.append('.');
      if (nanos % 1_000_000 == 0) {
        put(out, nanos / 1_000_000, 3);
      } else if (nanos % 1000 == 0) {
        put(out, nanos / 1000, 6);
      } else {
        put(out, nanos, 9);
      }
    }
    out.append('Z');
  }

  /** Appends {@code value} as {@code width} decimal digits, zero-padded. */
  private static void put(StringBuilder out, int value, int width) {
    for (int p = width == 9 ? 100_000_000 : width == 6 ? 100_000 : width == 4 ? 1000 : width == 3 ? 100 : 10; p > 0; p /= 10) {
      out.append((char) ('0' + value / p % 10));
    }
  }

  /** Quotes {@code d[s, e)} for a message. */
  static String quote(char[] d, int s, int e) {
    return quote(new String(d, s, e - s));
  }

  static String quote(String text) {
    return Text.quote(text);
  }
}

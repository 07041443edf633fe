package io.engagekit.core.io;

import io.engagekit.core.InvalidFieldException;
import io.engagekit.core.internal.Text;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
    if (!isDecimal(text)) {
      throw new InvalidFieldException(field, "must be a decimal number but was " + quote(text));
    }
    double x = Double.parseDouble(text);
    if (Double.isInfinite(x)) {
      throw new InvalidFieldException(field, "must be a finite number but was " + quote(text));
    }
    return x;
  }

  /** An integer: {@code -?digits}, within the range of a long. */
  static long integer(String field, String text) {
    int n = text.length();
    int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
    boolean ok = i < n;
    for (int j = i; ok && j < n; j++) {
      char c = text.charAt(j);
      ok = c >= '0' && c <= '9';
    }
    if (!ok) {
      throw new InvalidFieldException(field, "must be an integer but was " + quote(text));
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(field, "must be an integer in the range of a long but was " + quote(text));
    }
  }

  static int int32(String field, String text) {
    long x = integer(field, text);
    if (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
      throw new InvalidFieldException(field, "must be an integer in the range of an int but was " + quote(text));
    }
    return (int) x;
  }

  static boolean isDecimal(String s) {
    int n = s.length();
    int i = s.startsWith("-") ? 1 : 0;
    int end = digits(s, i);
    if (end == i) {
      return false;
    }
    i = end;
    if (i < n && s.charAt(i) == '.') {
      end = digits(s, i + 1);
      if (end == i + 1) {
        return false;
      }
      i = end;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      end = digits(s, i);
      if (end == i) {
        return false;
      }
      i = end;
    }
    return i == n;
  }

  /** The index after the run of digits starting at {@code i}. */
  private static int digits(String s, int i) {
    while (i < s.length() && isDigit(s.charAt(i))) {
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
    try {
      if (text.length() == 10) {
        return fastDate(text).atStartOfDay(zone).toInstant();
      }
      Instant fast = fastDateTime(text);
      if (fast != null) {
        return fast;
      }
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException | NumberFormatException e) {
      throw new InvalidFieldException(
          field,
          "must be an ISO-8601 instant, date-time with offset or date (such as 2026-03-01T10:15:30Z,"
              + " 2026-03-01T11:15:30+01:00 or 2026-03-01) but was "
              + quote(text));
    }
  }

  /** {@code yyyy-MM-dd}, validated by {@link LocalDate#of}. */
  private static LocalDate fastDate(String s) {
    if (s.charAt(4) != '-' || s.charAt(7) != '-') {
      throw new DateTimeParseException("not a date", s, 0);
    }
    return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, or null when the text has another shape (the
   * general ISO parser then decides).
   */
  private static @Nullable Instant fastDateTime(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      int len = i - start;
      if (len == 0 || len > 9) {
        return null;
      }
      nanos = digits(s, start, i);
      for (int k = len; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int hours = digits(s, i + 1, i + 3);
      int minutes = digits(s, i + 4, i + 6);
      offset =
          s.charAt(i) == '+'
              ? ZoneOffset.ofHoursMinutes(hours, minutes)
              : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    } else {
      return null;
    }
    LocalDateTime local =
        LocalDateTime.of(
            fastDate(s.substring(0, 10)),
            java.time.LocalTime.of(digits(s, 11, 13), digits(s, 14, 16), digits(s, 17, 19), nanos));
    return local.toInstant(offset);
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        throw new NumberFormatException("not a digit at " + i);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static String quote(String text) {
    return Text.quote(text);
  }
}

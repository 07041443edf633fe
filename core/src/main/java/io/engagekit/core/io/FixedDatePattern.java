package io.engagekit.core.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * A date pattern whose every field has a fixed width ({@code yyyyMMdd}, {@code dd/MM/yyyy HH:mm}),
 * read by position without {@link java.time.format.DateTimeFormatter}. It only ever answers for
 * texts the pattern's strict formatter reads the same way: text of the pattern's exact length,
 * ASCII digits where the pattern has a field, its literals elsewhere, and a date and time that
 * exist. For anything else it answers null and the caller asks the formatter, which parses or
 * gives the error. Immutable and thread-safe.
 */
final class FixedDatePattern {
  private final int length;
  /** The literal expected at each position, or 0 where a field's digit is. */
  private final char[] literals;
  private final int year;
  private final int month;
  private final int day;
  private final int hour;
  private final int minute;
  private final int second;

  private FixedDatePattern(char[] literals, int[] at) {
    this.length = literals.length;
    this.literals = literals;
    this.year = at[0];
    this.month = at[1];
    this.day = at[2];
    this.hour = at[3];
    this.minute = at[4];
    this.second = at[5];
  }

  /**
   * Compiles a pattern made only of {@code yyyy} (or {@code uuuu}), {@code MM}, {@code dd}, and
   * optionally {@code HH}, {@code HH:mm} or {@code HH:mm:ss}'s letters, each once, and literals
   * that are neither letters nor quotes; returns null for any other pattern.
   */
  static @Nullable FixedDatePattern of(String pattern) {
    int[] at = {-1, -1, -1, -1, -1, -1};
    char[] literals = new char[pattern.length()];
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int run = 1;
      while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
        run++;
      }
      int field;
      int width;
      switch (c) {
        case 'y':
        case 'u':
          field = 0;
          width = 4;
          break;
        case 'M':
          field = 1;
          width = 2;
          break;
        case 'd':
          field = 2;
          width = 2;
          break;
        case 'H':
          field = 3;
          width = 2;
          break;
        case 'm':
          field = 4;
          width = 2;
          break;
        case 's':
          field = 5;
          width = 2;
          break;
        default:
          if (Character.isLetter(c) || c == '\'' || c == '[' || c == ']' || c == '#' || c == '{' || c == '}'
              || c == 0) {
            return null;
          }
          for (int k = 0; k < run; k++) {
            literals[i + k] = c;
          }
          i += run;
          continue;
      }
      if (run != width || at[field] >= 0) {
        return null;
      }
      at[field] = i;
      i += run;
    }
    boolean date = at[0] >= 0 && at[1] >= 0 && at[2] >= 0;
    boolean time = at[3] >= 0 ? (at[5] < 0 || at[4] >= 0) : (at[4] < 0 && at[5] < 0);
    return date && time ? new FixedDatePattern(literals, at) : null;
  }

  /** The instant {@code d[s, e)} names in {@code zone}, or null if the formatter must decide. */
  @Nullable Instant parse(char[] d, int s, int e, ZoneId zone) {
    if (e - s != length) {
      return null;
    }
    for (int i = 0; i < length; i++) {
      char expected = literals[i];
      char c = d[s + i];
      if (expected == 0 ? (c < '0' || c > '9') : c != expected) {
        return null;
      }
    }
    long epochDay = Values.epochDay(
        Values.number(d, s + year, s + year + 4),
        Values.number(d, s + month, s + month + 2),
        Values.number(d, s + day, s + day + 2));
    int h = hour < 0 ? 0 : Values.number(d, s + hour, s + hour + 2);
    int m = minute < 0 ? 0 : Values.number(d, s + minute, s + minute + 2);
    int sec = second < 0 ? 0 : Values.number(d, s + second, s + second + 2);
    if (epochDay == Long.MIN_VALUE || h > 23 || m > 59 || sec > 59) {
      return null;
    }
    if (zone instanceof ZoneOffset) {
      return Instant.ofEpochSecond(epochDay * 86_400 + h * 3600 + m * 60 + sec - ((ZoneOffset) zone).getTotalSeconds());
    }
    return LocalDate.ofEpochDay(epochDay).atTime(h, m, sec).atZone(zone).toInstant();
  }
}

package io.engagekit.core.io;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How a reader treats its input. Immutable; copy with the {@code withX} methods.
 *
 * @param strict whether the first rejected row ends the read (strict) or reading goes on
 *     (lenient)
 * @param zone the zone in which dates without a time or offset are read (a date means the start
 *     of that day in this zone)
 * @param maxLineLength the longest line accepted, in characters; a longer line is rejected
 *     without being held in memory
 * @param foldCase whether enumerated codes are read without case ({@code Web} and {@code WEB} as
 *     {@code web}), as CRM exports often write them; user-defined codes are then lower-cased too
 * @param decimalSeparator the decimal separator of numbers, {@code '.'} (the default) or {@code ','}
 *     (as many European exports write them, with {@code ;} between fields); with {@code ','} a
 *     number written with {@code '.'} is rejected rather than read at a thousandfold scale
 * @since 0.1
 */
public record ReadOptions(boolean strict, ZoneId zone, int maxLineLength, boolean foldCase, char decimalSeparator) {
  /** The default longest line: 1 MiB characters. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;

  /**
   * Validates the options.
   *
   * @param strict see the class description
   * @param zone see the class description
   * @param maxLineLength see the class description
   * @param foldCase see the class description
   * @param decimalSeparator see the class description
   * @throws IllegalArgumentException if {@code maxLineLength} is not positive, or the separator is
   *     neither '.' nor ','
   * @throws NullPointerException if {@code zone} is null
   * @since 0.2 (foldCase, decimalSeparator)
   */
  public ReadOptions {
    requireNonNull(zone, "zone");
    if (maxLineLength < 1) {
      throw new IllegalArgumentException("maxLineLength must be positive: " + maxLineLength);
    }
    if (decimalSeparator != '.' && decimalSeparator != ',') {
      throw new IllegalArgumentException("the decimal separator must be '.' or ',' but was '" + decimalSeparator + "'");
    }
  }

  /**
   * Options as before 0.2: codes read as written, '.' the decimal separator.
   *
   * @param strict see the class description
   * @param zone see the class description
   * @param maxLineLength see the class description
   */
  public ReadOptions(boolean strict, ZoneId zone, int maxLineLength) {
    this(strict, zone, maxLineLength, false, '.');
  }

  /**
   * Returns the default options: lenient, UTC, lines up to 1 MiB characters.
   *
   * @return options that report rejected rows and go on
   */
  public static ReadOptions lenient() {
    return new ReadOptions(false, ZoneOffset.UTC, DEFAULT_MAX_LINE_LENGTH);
  }

  /**
   * Returns a copy that is strict (stops at the first rejected row) or lenient.
   *
   * @param stopAtFirstReject whether the first rejected row ends the read
   * @return new options
   */
  public ReadOptions withStrict(boolean stopAtFirstReject) {
    return new ReadOptions(stopAtFirstReject, zone, maxLineLength, foldCase, decimalSeparator);
  }

  /**
   * Returns a copy with the given zone.
   *
   * @param zone the zone for dates without a time
   * @return new options
   */
  public ReadOptions withZone(ZoneId zone) {
    return new ReadOptions(strict, zone, maxLineLength, foldCase, decimalSeparator);
  }

  /**
   * Returns a copy with the given longest line.
   *
   * @param characters the longest line accepted, positive
   * @return new options
   */
  public ReadOptions withMaxLineLength(int characters) {
    return new ReadOptions(strict, zone, characters, foldCase, decimalSeparator);
  }

  /**
   * Returns a copy that reads enumerated codes without case, or as written.
   *
   * @param fold whether to fold case
   * @return new options
   * @since 0.2
   */
  public ReadOptions withFoldCase(boolean fold) {
    return new ReadOptions(strict, zone, maxLineLength, fold, decimalSeparator);
  }

  /**
   * Returns a copy with the given decimal separator.
   *
   * @param separator '.' or ','
   * @return new options
   * @throws IllegalArgumentException for another separator
   * @since 0.2
   */
  public ReadOptions withDecimalSeparator(char separator) {
    return new ReadOptions(strict, zone, maxLineLength, foldCase, separator);
  }
}

package io.engagekit.scoring.models;

import java.time.Duration;
import java.util.Locale;

/**
 * The unit of time of a customer-base model's data, and so of its fitted parameters: days, or
 * weeks of seven days (the unit of the published CDNOW results).
 *
 * @since 0.1
 */
public enum PeriodUnit {
  /** One day. */
  DAYS(1),
  /** Seven days; the unit of Fader, Hardie &amp; Lee's CDNOW results. */
  WEEKS(7);

  private final int days;

  PeriodUnit(int days) {
    this.days = days;
  }

  /**
   * Converts a number of days into this unit.
   *
   * @param days a number of days
   * @return {@code days} in this unit ({@code days / 7} for weeks)
   */
  public double of(long days) {
    return (double) days / this.days;
  }

  /**
   * Converts a duration into this unit, to the nanosecond.
   *
   * @param duration a duration
   * @return its length in this unit (days of 86,400 s, or weeks of seven such days)
   */
  public double of(Duration duration) {
    return (duration.getSeconds() + duration.getNano() / 1e9) / (86_400.0 * days);
  }

  /**
   * Returns the lower-case name used on the command line: {@code days} or {@code weeks}.
   *
   * @return the code
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code days} or {@code weeks}.
   *
   * @param code the code, case-insensitive
   * @return the unit
   * @throws IllegalArgumentException naming the accepted values, for anything else
   */
  public static PeriodUnit fromCode(String code) {
    for (PeriodUnit u : values()) {
      if (u.code().equalsIgnoreCase(code)) {
        return u;
      }
    }
    throw new IllegalArgumentException("time unit must be days or weeks but was '" + code + "'");
  }
}

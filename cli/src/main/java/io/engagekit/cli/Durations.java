package io.engagekit.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations that options take: a whole number with a unit ({@code 90d}, {@code 2w},
 * {@code 12h}, {@code 30m}, {@code 45s}) or an ISO-8601 duration ({@code P90D}, {@code PT30M}).
 */
final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhdw])");

  private Durations() {}

  /**
   * Parses a positive duration.
   *
   * @param option the option's name, for the message
   * @param text what the user wrote
   * @return the duration, positive
   * @throws IllegalArgumentException naming the option, what was written and what is accepted
   */
  static Duration positive(String option, String text) {
    Duration d = parse(option, text);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(option + " must be positive but was '" + text + "'");
    }
    return d;
  }

  private static Duration parse(String option, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " must be a duration such as 90d, 2w, 12h, 30m or P90D but was '"
          + text + "'");
    }
  }
}

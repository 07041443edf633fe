package io.engagekit.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * An aggregated path, in the format attribution tools exchange: the channels a group of customer
 * journeys passed through, in order, with how many of those journeys converted, the value of
 * those conversions, and how many ended without converting.
 *
 * <ul>
 *   <li>At least one channel; each non-blank, at most 256 characters, no control characters, no
 *       {@code >} (it separates channels in the text form), and not starting or ending with a space.
 *   <li>Conversions, value and nulls are finite and {@code >= 0}; they may be fractional (weighted
 *       data).
 *   <li>The value is that of the conversions, so it is 0 when there are none.
 * </ul>
 *
 * <p>Immutable; equality is by all components.
 *
 * @param channels the channels in the order the journeys met them, repeats allowed
 * @param conversions how many journeys along this path converted
 * @param value the total value of those conversions
 * @param nulls how many journeys along this path ended without a conversion
 * @since 0.1
 */
public record ConversionPath(List<String> channels, double conversions, double value, double nulls) {
  /** The separator of channels in a path's text form. */
  public static final String SEPARATOR = " > ";

  /**
   * Validates and copies the components.
   *
   * @param channels see the class description
   * @param conversions see the class description
   * @param value see the class description
   * @param nulls see the class description
   * @throws InvalidFieldException if a component is invalid: the field is {@code path}, {@code
   *     total_conversions}, {@code total_conversion_value} or {@code total_null}, as in the text form
   * @throws NullPointerException if {@code channels} or a channel is null
   */
  public ConversionPath {
    channels = List.copyOf(requireNonNull(channels, "channels"));
    if (channels.isEmpty()) {
      throw new InvalidFieldException("path", "must name at least one channel");
    }
    for (int i = 0; i < channels.size(); i++) {
      String c = channels.get(i);
      Checks.id("path", c);
      if (c.indexOf('>') >= 0) {
        throw new InvalidFieldException("path", String.format(Locale.ROOT,
            "channel %d %s must not contain '>', which separates channels", i + 1, Checks.quote(c)));
      }
      if (c.startsWith(" ") || c.endsWith(" ")) {
        throw new InvalidFieldException("path", String.format(Locale.ROOT,
            "channel %d %s must not start or end with a space (channels are separated by \"%s\")", i + 1,
            Checks.quote(c), SEPARATOR));
      }
    }
    count("total_conversions", conversions);
    count("total_conversion_value", value);
    count("total_null", nulls);
    if (conversions == 0 && value != 0) {
      throw new InvalidFieldException("total_conversion_value",
          "must be 0 when total_conversions is 0 (it is the value of the conversions) but was " + value);
    }
  }

  private static void count(String field, double v) {
    if (!(v >= 0 && v <= Double.MAX_VALUE)) {
      throw new InvalidFieldException(field, "must be a finite number >= 0 but was " + v);
    }
  }

  /**
   * Parses a path's text form: channels separated by {@code >}, with any spaces around each {@code
   * >} ignored, so that {@code "a > b"}, {@code "a>b"} and {@code "a >b"} are the same path (the
   * form {@link #text} writes, and ChannelAttribution's, is {@code " > "}). A channel left empty,
   * as in {@code "a > > b"} or {@code "a >"}, is refused, never dropped.
   *
   * @param path the text, such as {@code "Google Ads > Mailing"}
   * @param conversions see the class description
   * @param value see the class description
   * @param nulls see the class description
   * @return the path
   * @throws InvalidFieldException naming the field {@code path} if a channel is empty or invalid
   */
  public static ConversionPath parse(String path, double conversions, double value, double nulls) {
    requireNonNull(path, "path");
    String[] parts = path.split(">", -1);
    for (int i = 0; i < parts.length; i++) {
      String channel = strip(parts[i]);
      if (channel.isEmpty()) {
        throw new InvalidFieldException("path", String.format(Locale.ROOT,
            "channel %d of %s is empty (channels are separated by '>')", i + 1, Checks.quote(path)));
      }
      parts[i] = channel;
    }
    return new ConversionPath(List.of(parts), conversions, value, nulls);
  }

  /** The text without the spaces (U+0020 only) at its ends. */
  private static String strip(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return s.substring(from, to);
  }

  /**
   * Returns the path's text form.
   *
   * @return the channels joined by {@code " > "}
   */
  public String text() {
    return String.join(SEPARATOR, channels);
  }
}

package io.engagekit.core.io;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A file format for the canonical schemas.
 *
 * @since 0.1
 */
public enum Format {
  /** Comma-separated values (RFC 4180) with a header row; columns are matched by name. */
  CSV("csv"),
  /** JSON Lines: one JSON object a line, with the schema's field names. */
  JSON_LINES("jsonl");

  private final String code;

  Format(String code) {
    this.code = code;
  }

  /**
   * Returns the format's code, as used on the command line.
   *
   * @return {@code csv} or {@code jsonl}
   */
  public String code() {
    return code;
  }

  /**
   * Returns the format with the given code.
   *
   * @param code {@code csv} or {@code jsonl}
   * @return the format
   * @throws IllegalArgumentException if the code is unknown
   */
  public static Format fromCode(String code) {
    requireNonNull(code, "code");
    for (Format format : values()) {
      if (format.code.equals(code.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException("format must be csv or jsonl but was '" + code + "'");
  }
}

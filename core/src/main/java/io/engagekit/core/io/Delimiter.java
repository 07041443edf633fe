package io.engagekit.core.io;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * How the fields of a transaction log line are separated.
 *
 * @since 0.1
 */
public enum Delimiter {
  /** A comma; fields may be quoted as in RFC 4180. */
  COMMA(','),
  /** A tab; fields may be quoted as in RFC 4180. */
  TAB('\t'),
  /** A semicolon; fields may be quoted as in RFC 4180. */
  SEMICOLON(';'),
  /**
   * One or more spaces or tabs, as in fixed-width files such as CDNOW; leading and trailing
   * whitespace is ignored and fields cannot be quoted.
   */
  WHITESPACE(' ');

  private final char separator;

  Delimiter(char separator) {
    this.separator = separator;
  }

  char separator() {
    return separator;
  }

  /**
   * Returns the delimiter's code.
   *
   * @return {@code comma}, {@code tab}, {@code semicolon} or {@code whitespace}
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the delimiter with the given code.
   *
   * @param code {@code comma}, {@code tab}, {@code semicolon} or {@code whitespace}
   * @return the delimiter
   * @throws IllegalArgumentException if the code is unknown
   */
  public static Delimiter fromCode(String code) {
    requireNonNull(code, "code");
    for (Delimiter d : values()) {
      if (d.code().equals(code)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "delimiter must be comma, tab, semicolon or whitespace but was '" + code + "'");
  }
}

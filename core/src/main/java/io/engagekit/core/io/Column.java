package io.engagekit.core.io;

import static java.util.Objects.requireNonNull;

/**
 * A column of a transaction log: by 1-based number, or by name in the header row.
 *
 * @param number the 1-based column number, or 0 for a named column
 * @param name the header name, or empty for a numbered column
 * @since 0.1
 */
public record Column(int number, String name) {
  /**
   * Validates that exactly one of number and name is given.
   *
   * @param number see the class description
   * @param name see the class description
   * @throws IllegalArgumentException if both or neither are given, or the number is negative
   */
  public Column {
    requireNonNull(name, "name");
    if (number < 0 || (number == 0) == name.isEmpty()) {
      throw new IllegalArgumentException(
          "a column needs either a positive number or a name but was number "
              + number + ", name '" + name + "'");
    }
  }

  /**
   * Returns a column by 1-based number.
   *
   * @param number the column number, from 1
   * @return the column
   */
  public static Column number(int number) {
    if (number < 1) {
      throw new IllegalArgumentException("column number must be >= 1 but was " + number);
    }
    return new Column(number, "");
  }

  /**
   * Returns a column by header name.
   *
   * @param name the name in the header row
   * @return the column
   */
  public static Column named(String name) {
    if (requireNonNull(name, "name").isEmpty()) {
      throw new IllegalArgumentException("column name must not be empty");
    }
    return new Column(0, name);
  }

  /**
   * Parses a column: digits mean a 1-based number, anything else a header name.
   *
   * @param text such as {@code 3} or {@code date}
   * @return the column
   */
  public static Column parse(String text) {
    requireNonNull(text, "text");
    if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return number(Integer.parseInt(text));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("column number is too large: " + text, e);
      }
    }
    return named(text);
  }

  boolean isNamed() {
    return number == 0;
  }

  @Override
  public String toString() {
    return isNamed() ? name : Integer.toString(number);
  }
}

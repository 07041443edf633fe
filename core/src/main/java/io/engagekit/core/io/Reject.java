package io.engagekit.core.io;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A rejected row: where it was, which field was wrong, and why.
 *
 * @param line the 1-based line number on which the row starts
 * @param field the field that was wrong, or empty when the row as a whole was (malformed JSON, a
 *     wrong number of columns, an over-long line)
 * @param reason what was expected and what was found
 * @since 0.1
 */
public record Reject(long line, Optional<String> field, String reason) {
  /**
   * Validates the components.
   *
   * @param line see the class description
   * @param field see the class description
   * @param reason see the class description
   * @throws IllegalArgumentException if {@code line} is not positive
   * @throws NullPointerException if a component is null
   */
  public Reject {
    if (line < 1) {
      throw new IllegalArgumentException("line must be positive: " + line);
    }
    requireNonNull(field, "field");
    requireNonNull(reason, "reason");
  }

  /**
   * Returns a message such as {@code "line 7: value must be finite and >= 0 but was -3.0"}.
   *
   * @return the reject as one line of text
   */
  @Override
  public String toString() {
    return "line " + line + ": " + field.map(f -> f + " ").orElse("") + reason;
  }
}

package io.engagekit.core;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when a value given for a field of the domain model is invalid. It is an ordinary
 * {@link IllegalArgumentException}; {@link #field()} names the field in the vocabulary of the
 * canonical file formats so that readers can report it against a line of input.
 *
 * @since 0.1
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The field's name in the canonical formats. */
  private final String field;

  /** What was expected and what was given. */
  private final String reason;

  /**
   * Creates an exception for a field.
   *
   * @param field the field's name in the canonical formats, such as {@code value}
   * @param reason what was expected and what was given, such as {@code "must be >= 0 but was -3.0"}
   * @throws NullPointerException if an argument is null
   */
  public InvalidFieldException(String field, String reason) {
    super(requireNonNull(field, "field") + " " + requireNonNull(reason, "reason"));
    this.field = field;
    this.reason = reason;
  }

  /**
   * Returns the field's name in the canonical formats.
   *
   * @return the field, such as {@code response_seconds}
   */
  public String field() {
    return field;
  }

  /**
   * Returns what was expected and what was given, without the field name.
   *
   * @return the reason, such as {@code "must be >= 0 but was -3.0"}
   */
  public String reason() {
    return reason;
  }
}

package io.engagekit.core;

/**
 * How a journey ended, or that it has not yet ended.
 *
 * @since 0.1
 */
public enum JourneyOutcome {
  /** The customer reached the goal of the journey. */
  COMPLETED,
  /** The customer gave up before the goal. */
  ABANDONED,
  /** The journey failed on the company's side (an error, a refused request). */
  FAILED,
  /** The journey has not ended yet; it has no end instant. */
  IN_PROGRESS;

  /**
   * Returns this constant's code in the canonical file formats: its name in lower_snake_case.
   *
   * @return the code, such as {@code completed}
   */
  public String code() {
    return Checks.code(this);
  }

  /**
   * Returns the constant with the given code.
   *
   * @param code a lower_snake_case code, such as {@code completed}
   * @return the constant
   * @throws InvalidFieldException (field {@code outcome}) if no constant has that code
   * @throws NullPointerException if {@code code} is null
   */
  public static JourneyOutcome fromCode(String code) {
    return Checks.fromCode("outcome", JourneyOutcome.class, java.util.Objects.requireNonNull(code, "code"));
  }
}

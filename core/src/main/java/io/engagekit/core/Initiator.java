package io.engagekit.core;

/**
 * Who started a touchpoint.
 *
 * @since 0.1
 */
public enum Initiator {
  /** The customer reached out. */
  CUSTOMER,
  /** The company reached out. */
  COMPANY;

  /**
   * Returns this constant's code in the canonical file formats: its name in lower_snake_case.
   *
   * @return the code, such as {@code customer}
   */
  public String code() {
    return Checks.code(this);
  }

  /**
   * Returns the constant with the given code.
   *
   * @param code a lower_snake_case code, such as {@code customer}
   * @return the constant
   * @throws InvalidFieldException (field {@code initiator}) if no constant has that code
   * @throws NullPointerException if {@code code} is null
   */
  public static Initiator fromCode(String code) {
    return Checks.fromCode("initiator", Initiator.class, java.util.Objects.requireNonNull(code, "code"));
  }
}

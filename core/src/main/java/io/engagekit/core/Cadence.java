package io.engagekit.core;

/**
 * How often a company reaches out through a channel: one of the "how" building blocks.
 *
 * @since 0.1
 */
public enum Cadence {
  /** Contact when an occasion arises. */
  AD_HOC,
  /** Contact at planned times (newsletters, appointments). */
  SCHEDULED,
  /** An always-on presence (feeds, apps, communities). */
  CONTINUOUS;

  /**
   * Returns this constant's code in the canonical file formats: its name in lower_snake_case.
   *
   * @return the code, such as {@code ad_hoc}
   */
  public String code() {
    return Checks.code(this);
  }

  /**
   * Returns the constant with the given code.
   *
   * @param code a lower_snake_case code, such as {@code ad_hoc}
   * @return the constant
   * @throws InvalidFieldException (field {@code cadence}) if no constant has that code
   * @throws NullPointerException if {@code code} is null
   */
  public static Cadence fromCode(String code) {
    return Checks.fromCode("cadence", Cadence.class, java.util.Objects.requireNonNull(code, "code"));
  }
}

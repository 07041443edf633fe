package io.engagekit.core;

/**
 * How a company serves a customer: the six customer-relationship types of the business model
 * canvas. The type changes what "engaged" looks like: a self-service customer who never calls is
 * not disengaged.
 *
 * @since 0.1
 */
public enum RelationshipType {
  /** A person helps the customer when asked (call centre, shop floor). */
  PERSONAL_ASSISTANCE,
  /** A named representative looks after this customer. */
  DEDICATED_PERSONAL_ASSISTANCE,
  /** The customer serves themselves with the means provided. */
  SELF_SERVICE,
  /** Self-service backed by automated, personalised processes. */
  AUTOMATED_SERVICES,
  /** Customers help each other in user communities. */
  COMMUNITIES,
  /** Customers create value with the company (reviews, designs, content). */
  CO_CREATION;

  /**
   * Returns this constant's code in the canonical file formats: its name in lower_snake_case.
   *
   * @return the code, such as {@code personal_assistance}
   */
  public String code() {
    return Checks.code(this);
  }

  /**
   * Returns the constant with the given code.
   *
   * @param code a lower_snake_case code, such as {@code personal_assistance}
   * @return the constant
   * @throws InvalidFieldException (field {@code relationship}) if no constant has that code
   * @throws NullPointerException if {@code code} is null
   */
  public static RelationshipType fromCode(String code) {
    return Checks.fromCode("relationship", RelationshipType.class, java.util.Objects.requireNonNull(code, "code"));
  }
}

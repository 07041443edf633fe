package io.engagekit.core;

/**
 * What happened at a touchpoint.
 *
 * <p>Advocacy kinds ({@link #REVIEW}, {@link #REFERRAL}, {@link #COMMUNITY_POST},
 * {@link #CO_CREATION}) and {@link #COMPLAINT} may carry a reach: the audience that saw them.
 *
 * @since 0.1
 */
public enum TouchpointKind {
  /** The customer bought something; the touchpoint may carry its monetary value. */
  PURCHASE,
  /** The customer visited (a store, a site, an app). */
  VISIT,
  /** The customer viewed or read a piece of content. */
  CONTENT_VIEW,
  /** The customer responded to a campaign (opened, clicked, replied). */
  CAMPAIGN_RESPONSE,
  /** The customer asked for help; the touchpoint may carry the response time. */
  SUPPORT_CONTACT,
  /** The customer complained, privately or in public. */
  COMPLAINT,
  /** The customer wrote a review. */
  REVIEW,
  /** The customer referred someone. */
  REFERRAL,
  /** The customer posted in a community. */
  COMMUNITY_POST,
  /** The customer took part in creating a product, design or content. */
  CO_CREATION,
  /** The customer answered a survey. */
  SURVEY_ANSWER;

  /**
   * Returns this constant's code in the canonical file formats: its name in lower_snake_case.
   *
   * @return the code, such as {@code purchase}
   */
  public String code() {
    return Checks.code(this);
  }

  /**
   * Returns the constant with the given code.
   *
   * @param code a lower_snake_case code, such as {@code purchase}
   * @return the constant
   * @throws InvalidFieldException (field {@code kind}) if no constant has that code
   * @throws NullPointerException if {@code code} is null
   */
  public static TouchpointKind fromCode(String code) {
    return Checks.fromCode("kind", TouchpointKind.class, java.util.Objects.requireNonNull(code, "code"));
  }
}

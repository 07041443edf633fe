package io.engagekit.core;

import static java.util.Objects.requireNonNull;

/**
 * A satisfaction survey metric and the integer scale its answers use.
 *
 * @since 0.1
 */
public enum SurveyMetric {
  /** Customer satisfaction: "how satisfied were you?", 1 (very unsatisfied) to 5 (very satisfied). */
  CSAT(1, 5),
  /** Net Promoter Score question: "how likely are you to recommend us?", 0 to 10. */
  NPS(0, 10),
  /** Customer effort score: "how easy was it?", 1 to 7 (7 = very easy). */
  CES(1, 7);

  private final int min;
  private final int max;

  SurveyMetric(int min, int max) {
    this.min = min;
    this.max = max;
  }

  /**
   * Returns the lowest answer on this metric's scale.
   *
   * @return the minimum score, inclusive
   */
  public int min() {
    return min;
  }

  /**
   * Returns the highest answer on this metric's scale.
   *
   * @return the maximum score, inclusive
   */
  public int max() {
    return max;
  }

  /**
   * Returns whether a score lies on this metric's scale.
   *
   * @param score an answer
   * @return whether {@code min() <= score <= max()}
   */
  public boolean contains(int score) {
    return score >= min && score <= max;
  }

  /**
   * Returns this metric's code in the canonical file formats.
   *
   * @return {@code csat}, {@code nps} or {@code ces}
   */
  public String code() {
    return Checks.code(this);
  }

  /**
   * Returns the metric with the given code.
   *
   * @param code {@code csat}, {@code nps} or {@code ces}
   * @return the metric
   * @throws InvalidFieldException (field {@code metric}) if no metric has that code
   * @throws NullPointerException if {@code code} is null
   */
  public static SurveyMetric fromCode(String code) {
    return Checks.fromCode("metric", SurveyMetric.class, requireNonNull(code, "code"));
  }
}

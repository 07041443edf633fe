package io.engagekit.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One answer to a satisfaction survey: CSAT (1–5), NPS (0–10) or CES (1–7).
 *
 * <p>Immutable; equality is by all components.
 *
 * @param customer the id of the customer who answered
 * @param at when they answered
 * @param metric what was asked
 * @param score the answer, on the metric's scale
 * @param channel where the survey was answered, if known
 * @since 0.1
 */
public record SurveyResponse(
    String customer, Instant at, SurveyMetric metric, int score, Optional<Channel> channel)
    implements EngagementEvent {

  /**
   * Validates the components.
   *
   * @param customer see the class description
   * @param at see the class description
   * @param metric see the class description
   * @param score see the class description
   * @param channel see the class description
   * @throws InvalidFieldException if the customer id, instant or score is invalid
   * @throws NullPointerException if a component is null
   */
  public SurveyResponse {
    Customer.checkId(requireNonNull(customer, "customer"));
    Checks.instant("timestamp", requireNonNull(at, "at"));
    requireNonNull(metric, "metric");
    requireNonNull(channel, "channel");
    if (!metric.contains(score)) {
      throw new InvalidFieldException(
          "score",
          "must be in ["
              + metric.min()
              + ", "
              + metric.max()
              + "] for "
              + metric.code()
              + " but was "
              + score);
    }
  }

  /**
   * Returns a response with no channel.
   *
   * @param customer the customer id
   * @param at when they answered
   * @param metric what was asked
   * @param score the answer
   * @return the response
   */
  public static SurveyResponse of(String customer, Instant at, SurveyMetric metric, int score) {
    return new SurveyResponse(customer, at, metric, score, Optional.empty());
  }
}

package io.engagekit.core;

import java.time.Instant;

/**
 * Something a customer did, at an instant: a {@link Touchpoint} or a {@link SurveyResponse}.
 * Scoring strategies consume these one at a time.
 *
 * @since 0.1
 */
public sealed interface EngagementEvent permits Touchpoint, SurveyResponse {
  /**
   * Returns the id of the customer the event belongs to.
   *
   * @return a valid customer id (see {@link Customer})
   */
  String customer();

  /**
   * Returns when the event happened.
   *
   * @return the instant, between years 0000 and 9999
   */
  Instant at();
}

package io.engagekit.flink;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import java.time.Instant;

/**
 * Asks the scoring operator for one customer's scores as of an instant ({@link
 * CustomerScores.Cause#REQUEST}). A request is an event-time query: it is answered once the
 * watermark passes {@code asOf}, so the answer holds every event up to {@code asOf} that was not
 * late; a request for an instant the watermark has already passed is answered at once, from the
 * state as it is.
 *
 * @param customer the customer id
 * @param asOf the instant to score at
 * @since 0.1
 */
public record ScoreRequest(String customer, Instant asOf) {
  /**
   * Validates the request.
   *
   * @param customer see the class description
   * @param asOf see the class description
   * @throws io.engagekit.core.InvalidFieldException if the customer id is invalid
   */
  public ScoreRequest {
    Customer.checkId(requireNonNull(customer, "customer"));
    requireNonNull(asOf, "asOf");
  }
}

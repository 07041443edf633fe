package io.engagekit.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A customer journey: a sequence of touchpoints with a defined start and end, seen from the
 * customer's side (open an account, return a pair of shoes), and its outcome.
 *
 * <ul>
 *   <li>A journey {@link JourneyOutcome#IN_PROGRESS in progress} has no end; every other outcome
 *       requires one.
 *   <li>The end is not before the start.
 *   <li>The type is free text (non-blank, at most 256 characters, no control characters), such as
 *       {@code "open account"}.
 * </ul>
 *
 * <p>Immutable; equality is by all components.
 *
 * @param id the journey id, unique within a data set
 * @param customer the id of the customer on the journey
 * @param type what the journey is for
 * @param start when it started
 * @param end when it ended; empty while in progress
 * @param outcome how it ended
 * @since 0.1
 */
public record Journey(
    String id,
    String customer,
    String type,
    Instant start,
    Optional<Instant> end,
    JourneyOutcome outcome) {

  /**
   * Validates the components.
   *
   * @param id see the class description
   * @param customer see the class description
   * @param type see the class description
   * @param start see the class description
   * @param end see the class description
   * @param outcome see the class description
   * @throws InvalidFieldException if a component is invalid or they contradict each other
   * @throws NullPointerException if a component is null
   */
  public Journey {
    Checks.id("journey", requireNonNull(id, "id"));
    Customer.checkId(requireNonNull(customer, "customer"));
    Checks.id("type", requireNonNull(type, "type"));
    Checks.instant("start", requireNonNull(start, "start"));
    requireNonNull(end, "end");
    requireNonNull(outcome, "outcome");
    if (end.isPresent()) {
      Instant e = Checks.instant("end", end.get());
      if (e.isBefore(start)) {
        throw new InvalidFieldException("end", "must not be before start " + start + " but was " + e);
      }
      if (outcome == JourneyOutcome.IN_PROGRESS) {
        throw new InvalidFieldException(
            "end", "must be absent for a journey in_progress but was " + e);
      }
    } else if (outcome != JourneyOutcome.IN_PROGRESS) {
      throw new InvalidFieldException(
          "end", "is required for a journey with outcome " + outcome.code() + " but was absent");
    }
  }

  /**
   * Returns whether an instant lies inside this journey's window: from the start, inclusive, to
   * the end, inclusive (or without bound while in progress).
   *
   * @param instant an instant
   * @return whether it lies in the window
   */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && (end.isEmpty() || !instant.isAfter(end.get()));
  }

  /**
   * Returns this journey with its touchpoints, after checking that they belong to it.
   *
   * @param touchpoints the touchpoints, in any order
   * @return the journey path, touchpoints ordered by instant and then step
   * @throws IllegalArgumentException if a touchpoint belongs to another customer or journey, or
   *     lies outside the journey's window
   */
  public JourneyPath withTouchpoints(List<Touchpoint> touchpoints) {
    return new JourneyPath(this, touchpoints);
  }
}

package io.engagekit.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A journey with the touchpoints inside it, ordered by instant and then by step (touchpoints
 * without a step come first among those at the same instant).
 *
 * <p>Every touchpoint must belong to the journey's customer, lie inside its window (see {@link
 * Journey#contains}) and, if it names a journey, name this one. Immutable.
 *
 * @param journey the journey
 * @param touchpoints its touchpoints, ordered
 * @since 0.1
 */
public record JourneyPath(Journey journey, List<Touchpoint> touchpoints) {
  private static final Comparator<Touchpoint> ORDER =
      Comparator.comparing(Touchpoint::at)
          .thenComparingInt(t -> t.step().isPresent() ? t.step().getAsInt() : -1);

  /**
   * Validates the touchpoints and stores them in order.
   *
   * @param journey see the class description
   * @param touchpoints see the class description
   * @throws InvalidFieldException if a touchpoint does not belong to the journey; the message
   *      gives its index in the list given
   * @throws NullPointerException if an argument or element is null
   */
  public JourneyPath {
    requireNonNull(journey, "journey");
    List<Touchpoint> sorted = new ArrayList<>(requireNonNull(touchpoints, "touchpoints"));
    for (int i = 0; i < sorted.size(); i++) {
      Touchpoint t = requireNonNull(sorted.get(i), "touchpoints[" + i + "]");
      if (!t.customer().equals(journey.customer())) {
        throw new InvalidFieldException(
            "customer",
            "of touchpoint "
                + i
                + " must be the journey's customer "
                + Checks.quote(journey.customer())
                + " but was "
                + Checks.quote(t.customer()));
      }
      if (t.journey().isPresent() && !t.journey().get().equals(journey.id())) {
        throw new InvalidFieldException(
            "journey",
            "of touchpoint "
                + i
                + " must be "
                + Checks.quote(journey.id())
                + " but was "
                + Checks.quote(t.journey().get()));
      }
      if (!journey.contains(t.at())) {
        throw new InvalidFieldException(
            "timestamp",
            "of touchpoint "
                + i
                + " must lie in the journey's window ["
                + journey.start()
                + ", "
                + journey.end().map(Object::toString).orElse("in progress")
                + "] but was "
                + t.at());
      }
    }
    sorted.sort(ORDER);
    touchpoints = List.copyOf(sorted);
  }
}

package io.engagekit.scoring.simulation;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Journey;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A simulated population: the events in the canonical model, and the ground truth beside them.
 * Immutable.
 *
 * @param settings what was simulated
 * @param customers the customers with their relationship types, in id order
 * @param touchpoints every touchpoint, by time (then customer)
 * @param surveys every survey answer, by time (then customer)
 * @param journeys every journey, by start (then id)
 * @param truth each customer's ground truth, in id order
 * @since 0.1
 */
public record Population(SimulationSettings settings, List<Customer> customers, List<Touchpoint> touchpoints,
    List<SurveyResponse> surveys, List<Journey> journeys, List<GroundTruth> truth) {
  /**
   * Validates and copies the components.
   *
   * @param settings see the class description
   * @param customers see the class description
   * @param touchpoints see the class description
   * @param surveys see the class description
   * @param journeys see the class description
   * @param truth see the class description
   * @throws NullPointerException if a component is null
   */
  public Population {
    requireNonNull(settings, "settings");
    customers = List.copyOf(customers);
    touchpoints = List.copyOf(touchpoints);
    surveys = List.copyOf(surveys);
    journeys = List.copyOf(journeys);
    truth = List.copyOf(truth);
  }

  /**
   * Returns the last instant of the calibration period.
   *
   * @return the calibration end
   */
  public Instant calibrationEnd() {
    return settings.calibrationEnd();
  }

  /**
   * Returns the last instant of the holdout period, the end of the simulation.
   *
   * @return the holdout end
   */
  public Instant holdoutEnd() {
    return settings.holdoutEnd();
  }

  /**
   * Returns the journeys as they were known at an instant, for scoring then without seeing the
   * future: those started by it, with the ones that ended after it (or have not ended) in progress.
   *
   * @param asOf the instant, such as {@link #calibrationEnd()}
   * @return the journeys, by start (then id)
   */
  public List<Journey> journeysKnownAt(Instant asOf) {
    return io.engagekit.scoring.journeys.Journeys.knownAt(journeys, asOf);
  }

  /**
   * Returns the touchpoints and survey answers together, by time (then customer).
   *
   * @return the events
   */
  public List<EngagementEvent> events() {
    List<EngagementEvent> all = new ArrayList<>(touchpoints.size() + surveys.size());
    all.addAll(touchpoints);
    all.addAll(surveys);
    all.sort(Comparator.comparing(EngagementEvent::at).thenComparing(EngagementEvent::customer));
    return all;
  }
}

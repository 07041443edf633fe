package io.engagekit.scoring.simulation;

import io.engagekit.core.Customer;
import io.engagekit.core.Journey;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import java.io.IOException;
import java.util.List;

/**
 * Receives a simulated population one customer at a time, as {@link
 * Simulator#simulate(SimulationSettings, SimulationSink)} streams it.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface SimulationSink {
  /**
   * Takes one customer.
   *
   * @param customer the customer, with its relationship type
   * @param truth its ground truth
   * @param touchpoints its touchpoints, in time order
   * @param surveys its survey answers, in time order
   * @param journeys its journeys, by start
   * @throws IOException if writing them fails
   */
  void customer(Customer customer, GroundTruth truth, List<Touchpoint> touchpoints, List<SurveyResponse> surveys,
      List<Journey> journeys) throws IOException;
}

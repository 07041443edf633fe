package io.engagekit.scoring.simulation;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What to simulate. Immutable.
 *
 * @param customers how many customers, at least 1
 * @param seed the random seed: the same settings give the same population
 * @param satisfactionLoyaltyCorrelation the correlation ρ, in [−1, 1], of the latent satisfaction
 *     that drives survey answers and touchpoint sentiment with the latent loyalty that drives
 *     purchases, dropout and journeys; 0 makes satisfaction independent of loyalty
 * @param start the first day (UTC) of the simulated period; customers make their first purchase
 *     in its first twelve weeks, like the CDNOW cohort
 * @param calibrationWeeks the length of the calibration period, at least 13 weeks (past the twelve
 *     weeks of first purchases), at most {@link #MAX_WEEKS}
 * @param holdoutWeeks the length of the holdout period that follows, 1 to {@link #MAX_WEEKS} weeks
 * @since 0.1
 */
public record SimulationSettings(int customers, long seed, double satisfactionLoyaltyCorrelation, LocalDate start,
    int calibrationWeeks, int holdoutWeeks) {
  /** The longest calibration or holdout period: 5,200 weeks (100 years); each week costs time for every customer. */
  public static final int MAX_WEEKS = 5_200;
  /** The default start: Monday 2025-01-06. */
  public static final LocalDate DEFAULT_START = LocalDate.of(2025, 1, 6);
  /** The default period lengths: 39 weeks each, as in the CDNOW studies. */
  public static final int DEFAULT_WEEKS = 39;

  /**
   * Validates the components.
   *
   * @param customers see the class description
   * @param seed see the class description
   * @param satisfactionLoyaltyCorrelation see the class description
   * @param start see the class description
   * @param calibrationWeeks see the class description
   * @param holdoutWeeks see the class description
   * @throws IllegalArgumentException if a component is out of range
   * @throws NullPointerException if the start is null
   */
  public SimulationSettings {
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be at least 1 but was " + customers);
    }
    if (!(satisfactionLoyaltyCorrelation >= -1 && satisfactionLoyaltyCorrelation <= 1)) {
      throw new IllegalArgumentException("the satisfaction-loyalty correlation must be in [-1, 1] but was "
          + satisfactionLoyaltyCorrelation);
    }
    requireNonNull(start, "start");
    if (calibrationWeeks > MAX_WEEKS || holdoutWeeks > MAX_WEEKS) {
      throw new IllegalArgumentException("calibrationWeeks and holdoutWeeks must be at most " + MAX_WEEKS
          + " (100 years) but were " + calibrationWeeks + " and " + holdoutWeeks);
    }
    if (calibrationWeeks < 13) {
      throw new IllegalArgumentException("calibrationWeeks must be at least 13 (past the 12 weeks of first"
          + " purchases) but was " + calibrationWeeks);
    }
    if (holdoutWeeks < 1) {
      throw new IllegalArgumentException("holdoutWeeks must be at least 1 but was " + holdoutWeeks);
    }
  }

  /**
   * Returns settings with the default start and periods, and satisfaction independent of loyalty.
   *
   * @param customers how many customers, at least 1
   * @param seed the random seed
   * @return the settings
   * @throws IllegalArgumentException if {@code customers < 1}
   */
  public static SimulationSettings of(int customers, long seed) {
    return new SimulationSettings(customers, seed, 0, DEFAULT_START, DEFAULT_WEEKS, DEFAULT_WEEKS);
  }

  /**
   * Returns a copy with another satisfaction-loyalty correlation.
   *
   * @param rho the correlation, in [−1, 1]
   * @return the settings
   * @throws IllegalArgumentException if it is out of range
   */
  public SimulationSettings withSatisfactionLoyaltyCorrelation(double rho) {
    return new SimulationSettings(customers, seed, rho, start, calibrationWeeks, holdoutWeeks);
  }

  /**
   * Returns a copy with other period lengths.
   *
   * @param calibration the calibration weeks, at least 13
   * @param holdout the holdout weeks, at least 1
   * @return the settings
   * @throws IllegalArgumentException if a length is out of range
   */
  public SimulationSettings withWeeks(int calibration, int holdout) {
    return new SimulationSettings(customers, seed, satisfactionLoyaltyCorrelation, start, calibration, holdout);
  }

  /**
   * Returns the last instant of the calibration period.
   *
   * @return the calibration end
   * @since 0.2
   */
  public java.time.Instant calibrationEnd() {
    return Simulator.dayStart(this, 7L * calibrationWeeks()).minusNanos(1);
  }

  /**
   * Returns the last instant of the holdout period, the end of the simulation.
   *
   * @return the holdout end
   * @since 0.2
   */
  public java.time.Instant holdoutEnd() {
    return Simulator.dayStart(this, 7L * (calibrationWeeks() + holdoutWeeks())).minusNanos(1);
  }
}

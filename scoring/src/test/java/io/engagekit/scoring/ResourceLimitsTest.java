package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagekit.core.ConversionPath;
import io.engagekit.scoring.attribution.Attributions;
import io.engagekit.scoring.evaluation.Bootstrap;
import io.engagekit.scoring.models.DiscretePattern;
import io.engagekit.scoring.simulation.SimulationSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a number a file or a flag sets never asks for unbounded work; each bound is refused with
 * a message that states it, before any work starts.
 */
final class ResourceLimitsTest {
  @Test
  void bgBbPeriods() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DiscretePattern(0, 0, 3_000_000_000L, 1));
    assertEquals("periods must be in [0, 100000] but was 3000000000", e.getMessage());
    assertEquals(DiscretePattern.MAX_PERIODS, new DiscretePattern(0, 0, DiscretePattern.MAX_PERIODS, 1).periods());
  }

  @Test
  void bootstrapResamples() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bootstrap.interval(10, Bootstrap.MAX_SAMPLES + 1, 1, sample -> 0));
    assertEquals("samples must be in [1, 100000] but was 100001", e.getMessage());
  }

  @Test
  void shapleySamples() {
    List<ConversionPath> paths = List.of(ConversionPath.parse("a > b", 1, 1, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Attributions.shapleySampled(paths, false, Attributions.MAX_SHAPLEY_SAMPLES + 1, 1));
    assertEquals("Shapley sampling needs 2 to 10000000 samples but was given 10000001", e.getMessage());
  }

  @Test
  void simulatedWeeks() {
    SimulationSettings ok = SimulationSettings.of(10, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SimulationSettings(10, 1, 0,
        ok.start(), 39, SimulationSettings.MAX_WEEKS + 1));
    assertEquals("calibrationWeeks and holdoutWeeks must be at most 5200 (100 years) but were 39 and 5201",
        e.getMessage());
  }
}

package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark measures real fits and predictions on its papers' data. */
final class DiscreteModelBenchmarkTest {
  @Test
  void fitsReproduceThePapers_andPredictionsAreProbabilities() {
    DiscreteModelBenchmark b = new DiscreteModelBenchmark();
    assertEquals(0.668, b.fitSbg().model().alpha(), 0.0005); // Fader & Hardie 2007, high end
    assertEquals(1.204, b.fitBgBb().model().alpha(), 0.002 * 1.204); // Fader, Hardie & Shang 2010
    assertTrue(b.sbgDerl() > 1 && b.sbgDerlLowRate() > b.sbgDerl());
    double p = b.bgbbProbabilityOfRepeat();
    assertTrue(p > 0 && p < 1 && p <= b.bgbbExpectedTransactions());
  }
}

package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.scoring.models.RepeatPattern;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The model benchmarks measure the real data and the real paths. */
final class ModelBenchmarkTest {
  @Test
  void setup_summarisesEveryCustomerOfBothCohorts() {
    // 2,357 sample and 23,570 cohort customers, all first buying before the calibration end
    // (Fader, Hardie & Lee 2005; ../shared/data/README.md).
    List<RepeatPattern> sample = ModelBenchmark.patterns(ModelBenchmark.Cohort.SAMPLE);
    assertEquals(2357, sample.size());
    assertEquals(23_570, ModelBenchmark.patterns(ModelBenchmark.Cohort.FULL).size());
    List<RepeatPattern> unique = ModelBenchmark.unique(sample);
    assertEquals(2357, unique.stream().mapToLong(RepeatPattern::customers).sum());
    assertTrue(unique.size() < sample.size());

    ModelBenchmark b = new ModelBenchmark();
    b.cohort = ModelBenchmark.Cohort.SAMPLE;
    b.patterns = ModelBenchmark.Patterns.UNIQUE;
    b.setup();
    // The published fits: r = 0.2426 (Fader, Hardie & Lee 2005); Gamma-Gamma p = 6.25 on the 946 repeat
    // buyers (Fader, Hardie & Lee 2005, "RFM and CLV"); MBG/NBD's log-likelihood -9582.14 (issue 4).
    assertEquals(0.24259, b.fitBgNbd().parameters().get("r"), 0.24259e-3);
    assertEquals(6.25, b.fitGammaGamma().parameters().get("p"), 0.002 * 6.25);
    assertEquals(946, b.fitGammaGamma().customers());
    assertEquals(-9582.14, b.fitMbgNbd().logLikelihood(), 0.01);
  }

  @Test
  void predictions_simulateVariedCustomers_andScoreEveryOne() {
    RepeatPattern[] p = PredictionBenchmark.simulate(PredictionBenchmark.CDNOW, 10_000, new SplittableRandom(42));
    long repeaters = java.util.Arrays.stream(p).filter(q -> q.x() > 0).count();
    // CDNOW's sample has 946 of 2,357 customers (40%) repeating in 39 weeks; the simulation is alike.
    assertTrue(repeaters > 3_000 && repeaters < 5_000, repeaters + " repeaters");
    assertTrue(java.util.Arrays.stream(p).distinct().count() > 2_000);
    PredictionBenchmark b = new PredictionBenchmark();
    b.customers = 1000;
    b.setup();
    double[] expected = b.aliveAndExpected();
    for (int i = 0; i < expected.length; i++) {
      assertTrue(expected[i] > 0 && expected[i] < 100, i + ": " + expected[i]);
      assertTrue(b.alive[i] > 0 && b.alive[i] <= 1);
    }
  }

  /**
   * ModelScaleBenchmark's customers are BG/NBD customers: a fit on 100,000 of them (seed 42)
   * recovers the planted parameters, the CDNOW sample's fit (r, α, a, b = 0.2426, 4.4136, 0.7929,
   * 2.4259; Fader, Hardie &amp; Lee 2005), within sampling error.
   */
  @Test
  void scaleBenchmark_recoversThePlantedModel() {
    ModelScaleBenchmark b = new ModelScaleBenchmark();
    b.customers = 100_000;
    b.setup();
    io.engagekit.scoring.models.BgNbd fitted = b.fitBgNbd().model();
    io.engagekit.scoring.models.BgNbd planted = PredictionBenchmark.CDNOW;
    assertEquals(planted.r(), fitted.r(), 0.1 * planted.r(), fitted.toString());
    assertEquals(planted.alpha(), fitted.alpha(), 0.15 * planted.alpha(), fitted.toString());
    assertEquals(planted.a(), fitted.a(), 0.25 * planted.a(), fitted.toString());
    assertEquals(planted.b(), fitted.b(), 0.25 * planted.b(), fitted.toString());
  }
}

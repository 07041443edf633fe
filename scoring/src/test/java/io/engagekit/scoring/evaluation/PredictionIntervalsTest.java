package io.engagekit.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ModelType;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.simulation.PlantedModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, item 3: bootstrap intervals checked for coverage on populations drawn with known
 * parameters (the CDNOW BG/NBD estimates of Fader, Hardie &amp; Lee 2005, in weeks, planted). An
 * interval is a statement about one customer's pattern across populations, so the check fixes five
 * patterns, draws 40 populations of 2,000, and counts how often each pattern's 95% interval (by
 * bootstrap, and by the delta method) holds the prediction made with the true parameters.
 */
final class PredictionIntervalsTest {
  private static final List<RepeatPattern> PATTERNS = List.of(RepeatPattern.of(0, 0, 39), RepeatPattern.of(1, 5, 39),
      RepeatPattern.of(2, 30, 39), RepeatPattern.of(5, 35, 39), RepeatPattern.of(10, 38, 39));

  @Test
  void bgNbd_intervalsCoverTheTruePredictions_about95PercentOfTheTime() {
    BgNbd truth = new BgNbd(0.243, 4.414, 0.793, 2.426);
    int runs = 40;
    int[] expectedIn = new int[PATTERNS.size()];
    int[] aliveIn = new int[PATTERNS.size()];
    int[] asymptoticExpectedIn = new int[PATTERNS.size()];
    int[] asymptoticAliveIn = new int[PATTERNS.size()];
    for (long seed = 1; seed <= runs; seed++) {
      List<RepeatPattern> population = PlantedModels.bgNbd(truth, 2000, 39, seed);
      PredictionIntervals p = PredictionIntervals.bootstrap("bgnbd", population, PATTERNS, 39, 100, seed);
      PredictionIntervals q = PredictionIntervals.asymptotic(ModelType.BGNBD, BgNbd.fit(population), PATTERNS, 39);
      assertEquals(0, q.samples());
      for (int i = 0; i < PATTERNS.size(); i++) {
        double e = truth.expectedTransactions(PATTERNS.get(i), 39);
        double a = truth.probabilityAlive(PATTERNS.get(i));
        expectedIn[i] += p.expected().get(i).low() <= e && e <= p.expected().get(i).high() ? 1 : 0;
        aliveIn[i] += p.alive().get(i).low() <= a && a <= p.alive().get(i).high() ? 1 : 0;
        asymptoticExpectedIn[i] += q.expected().get(i).low() <= e && e <= q.expected().get(i).high() ? 1 : 0;
        asymptoticAliveIn[i] += q.alive().get(i).low() <= a && a <= q.alive().get(i).high() ? 1 : 0;
      }
    }
    for (int i = 0; i < PATTERNS.size(); i++) {
      assertTrue(asymptoticExpectedIn[i] >= 34, PATTERNS.get(i) + ": asymptotic E[Y] covered in "
          + asymptoticExpectedIn[i] + " of " + runs);
      assertTrue(asymptoticAliveIn[i] >= 34, PATTERNS.get(i) + ": asymptotic P(alive) covered in "
          + asymptoticAliveIn[i] + " of " + runs);
      // Binomial(40, 0.95): P(at most 33) = 0.014 (measured: bootstrap 36-40, delta method 36-40 of 40). P(alive)
      // of x = 0 is 1 under BG/NBD, whatever the parameters.
      assertTrue(expectedIn[i] >= 34, PATTERNS.get(i) + ": E[Y] covered in " + expectedIn[i] + " of " + runs);
      assertTrue(aliveIn[i] >= 34, PATTERNS.get(i) + ": P(alive) covered in " + aliveIn[i] + " of " + runs);
    }
  }

  /** The fit's covariance has the squared standard errors on its diagonal and is symmetric. */
  @Test
  void fitCovariance_matchesTheStandardErrors() {
    ModelFit<BgNbd> fit = BgNbd.fit(PlantedModels.bgNbd(new BgNbd(0.243, 4.414, 0.793, 2.426), 2000, 39, 1));
    for (String a : fit.parameters().keySet()) {
      double se = fit.standardErrors().get(a);
      assertEquals(se * se, fit.covariance().get(a).get(a), 1e-12 * se * se);
      for (String b : fit.parameters().keySet()) {
        assertEquals(fit.covariance().get(a).get(b), fit.covariance().get(b).get(a), 1e-12 * se * se);
      }
    }
    ModelFit<BgNbd> bare = new ModelFit<>(fit.model(), fit.parameters(), fit.logLikelihood(), fit.standardErrors(),
        fit.customers(), fit.iterations(), fit.gradientNorm());
    assertTrue(bare.covariance().isEmpty());
    assertThrows(IllegalArgumentException.class,
        () -> PredictionIntervals.asymptotic(ModelType.BGNBD, bare, PATTERNS, 39));
  }

  @Test
  void sameSeed_sameIntervals_andArgumentsAreChecked() {
    ParetoNbd truth = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
    List<RepeatPattern> customers = PlantedModels.paretoNbd(truth, 500, 39, 3);
    PredictionIntervals a = PredictionIntervals.bootstrap("paretonbd", customers, 39, 20, 11);
    assertEquals(500, a.alive().size());
    assertEquals(a, PredictionIntervals.bootstrap("paretonbd", customers, 39, 20, 11));
    assertThrows(IllegalArgumentException.class, () -> PredictionIntervals.bootstrap("bgbb", customers, 39, 20, 1));
    assertThrows(IllegalArgumentException.class, () -> PredictionIntervals.bootstrap("bgnbd", customers, -1, 20, 1));
    assertThrows(IllegalArgumentException.class, () -> PredictionIntervals.bootstrap("bgnbd", customers, 39, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> PredictionIntervals.bootstrap("bgnbd", List.of(), 39, 20, 1));
  }
}

package io.engagekit.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.LifetimeValue;
import io.engagekit.scoring.models.ModelType;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.SpendPattern;
import io.engagekit.scoring.simulation.PlantedModels;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, item 3 (spend and CLV): intervals checked for coverage on populations drawn with known
 * parameters, BG/NBD and Gamma-Gamma at the CDNOW estimates (Fader, Hardie &amp; Lee 2005, "Counting
 * Your Customers the Easy Way", r, α, a, b = 0.243, 4.414, 0.793, 2.426 in weeks; and "RFM and CLV",
 * the Gamma-Gamma p, q, γ = 6.25, 3.74, 15.44). Four fixed customers, 40 populations of 2,000; each
 * interval should hold the value made with the true parameters about 95% of the time.
 */
final class ValueIntervalsTest {
  private static final BgNbd TRUTH = new BgNbd(0.243, 4.414, 0.793, 2.426);
  private static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44);
  private static final ValueIntervals.Discounting YEAR = new ValueIntervals.Discounting(52, 12, 0.01);
  private static final List<ValueIntervals.Buyer> TARGETS = List.of(
      new ValueIntervals.Buyer(RepeatPattern.of(0, 0, 39), 0), new ValueIntervals.Buyer(RepeatPattern.of(1, 5, 39), 20),
      new ValueIntervals.Buyer(RepeatPattern.of(3, 30, 39), 35), new ValueIntervals.Buyer(RepeatPattern.of(8, 37, 39),
          50));

  /** A population: BG/NBD patterns, each repeat purchase's spend Gamma(p, ν) with ν ~ Gamma(q, γ). */
  private static List<ValueIntervals.Buyer> population(long seed) {
    List<ValueIntervals.Buyer> out = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed * 7919);
    for (RepeatPattern p : PlantedModels.bgNbd(TRUTH, 2000, 39, seed)) {
      double mean = 0;
      if (p.x() > 0) {
        double nu = AhrensDieterMarsagliaTsangGammaSampler.of(random::nextLong, SPEND.q(), 1 / SPEND.gamma()).sample();
        var z = AhrensDieterMarsagliaTsangGammaSampler.of(random::nextLong, SPEND.p(), 1 / nu);
        for (long i = 0; i < p.x(); i++) {
          mean += z.sample() / p.x();
        }
      }
      out.add(new ValueIntervals.Buyer(p, mean));
    }
    return out;
  }

  @Test
  void intervalsCoverTheTrueSpendAndValue_about95PercentOfTheTime() {
    LifetimeValue truth = new LifetimeValue(TRUTH, SPEND, YEAR.horizon(), YEAR.periods(), YEAR.discountRate());
    int runs = 40;
    int[][] in = new int[4][TARGETS.size()];
    for (long seed = 1; seed <= runs; seed++) {
      List<ValueIntervals.Buyer> customers = population(seed);
      List<RepeatPattern> patterns = customers.stream().map(ValueIntervals.Buyer::pattern).toList();
      List<SpendPattern> spends = customers.stream().filter(b -> b.pattern().x() > 0)
          .map(b -> SpendPattern.of(b.pattern().x(), b.meanRepeatSpend())).toList();
      ValueIntervals boot = ValueIntervals.bootstrap("bgnbd", customers, TARGETS, YEAR, 100, seed);
      ValueIntervals delta = ValueIntervals.asymptotic(ModelType.BGNBD, BgNbd.fit(patterns), GammaGamma.fit(spends),
          TARGETS, YEAR);
      // The spend-only intervals are the spend half of the joint ones.
      List<Estimate> spendOnly = ValueIntervals.spendAsymptotic(GammaGamma.fit(spends), TARGETS);
      assertEquals(delta.spend(), spendOnly);
      List<Estimate> spendBoot = ValueIntervals.spendBootstrap(customers, TARGETS, 100, seed);
      for (int i = 0; i < TARGETS.size(); i++) {
        assertEquals(boot.spend().get(i).value(), spendBoot.get(i).value(), 1e-12);
      }
      assertEquals(100, boot.samples());
      assertEquals(0, delta.samples());
      for (int i = 0; i < TARGETS.size(); i++) {
        ValueIntervals.Buyer b = TARGETS.get(i);
        double s = SPEND.expectedSpend(b.pattern().x(), b.meanRepeatSpend());
        double v = truth.value(b.pattern(), b.meanRepeatSpend());
        in[0][i] += covers(boot.spend().get(i), s);
        in[1][i] += covers(boot.value().get(i), v);
        in[2][i] += covers(delta.spend().get(i), s);
        in[3][i] += covers(delta.value().get(i), v);
      }
    }
    String[] what = {"bootstrap spend", "bootstrap value", "delta spend", "delta value"};
    for (int w = 0; w < 4; w++) {
      for (int i = 0; i < TARGETS.size(); i++) {
        // Binomial(40, 0.95): P(at most 33) = 0.014.
        assertTrue(in[w][i] >= 34, TARGETS.get(i) + ": " + what[w] + " covered in " + in[w][i] + " of " + runs);
      }
    }
  }

  private static int covers(Estimate e, double truth) {
    return e.low() <= truth && truth <= e.high() ? 1 : 0;
  }

  @Test
  void refusesWhatItCannotDo() {
    List<ValueIntervals.Buyer> customers = population(1);
    assertThrows(IllegalArgumentException.class, () -> ValueIntervals.bootstrap("bgbb", customers, YEAR, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> ValueIntervals.bootstrap("bgnbd", customers, YEAR, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new ValueIntervals.Buyer(RepeatPattern.of(1, 1, 2), -1));
  }
}

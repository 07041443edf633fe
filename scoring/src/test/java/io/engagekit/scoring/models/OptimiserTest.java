package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;

/**
 * Our damped-Newton optimiser ({@link MaximumLikelihood}) against an independent one: Hipparchus's
 * Nelder–Mead simplex, which uses neither our gradients nor our Hessians, maximising each model's
 * log-likelihood over the logs of its parameters on the data of its acceptance test. Both must
 * reach the same optimum: our log-likelihood at least as high as the simplex's (less 1e-7), the
 * two within 1e-5, and the parameters within 1e-3 relative (the simplex's own precision).
 */
final class OptimiserTest {
  @Test
  void bgnbd_sameOptimumAsHipparchus() {
    List<RepeatPattern> data = BgNbdTest.grouped(Cdnow.patterns());
    ModelFit<BgNbd> ours = BgNbd.fit(data);
    check(ours, p -> new BgNbd(p[0], p[1], p[2], p[3]).logLikelihood(data), 4);
  }

  @Test
  void mbgnbd_sameOptimumAsHipparchus() {
    List<RepeatPattern> data = BgNbdTest.grouped(Cdnow.patterns());
    ModelFit<MbgNbd> ours = MbgNbd.fit(data);
    check(ours, p -> new MbgNbd(p[0], p[1], p[2], p[3]).logLikelihood(data), 4);
  }

  @Test
  void paretonbd_sameOptimumAsHipparchus() {
    List<RepeatPattern> data = BgNbdTest.grouped(Cdnow.patterns());
    ModelFit<ParetoNbd> ours = ParetoNbd.fit(data);
    check(ours, p -> new ParetoNbd(p[0], p[1], p[2], p[3]).logLikelihood(data), 4);
  }

  @Test
  void gammagamma_sameOptimumAsHipparchus() {
    List<SpendPattern> data = GammaGammaTest.cdnowSpends();
    ModelFit<GammaGamma> ours = GammaGamma.fit(data);
    check(ours, p -> new GammaGamma(p[0], p[1], p[2]).logLikelihood(data), 3);
  }

  @Test
  void bgbb_sameOptimumAsHipparchus() throws IOException {
    List<DiscretePattern> data = BgBbTest.donations();
    ModelFit<BgBb> ours = BgBb.fit(data);
    check(ours, p -> new BgBb(p[0], p[1], p[2], p[3]).logLikelihood(data), 4);
  }

  /**
   * Maximises the log-likelihood with the simplex from (1, …, 1), restarting from each result until
   * a restart gains nothing (the usual remedy for a simplex that collapsed early), and compares.
   */
  private static void check(ModelFit<?> ours, ToDoubleFunction<double[]> logLikelihood, int k) {
    ObjectiveFunction objective = new ObjectiveFunction(theta -> {
      double[] p = new double[k];
      for (int i = 0; i < k; i++) {
        p[i] = Math.exp(theta[i]);
        if (!(p[i] > 0 && p[i] < Double.MAX_VALUE)) {
          return Double.NEGATIVE_INFINITY;
        }
      }
      double v = logLikelihood.applyAsDouble(p);
      return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    });
    SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-14, 1e-12));
    double[] start = new double[k];
    PointValuePair best = null;
    for (int round = 0; round < 20; round++) {
      PointValuePair next = optimizer.optimize(new MaxEval(20_000), objective, GoalType.MAXIMIZE,
          new InitialGuess(start), new NelderMeadSimplex(k, 0.5));
      boolean gained = best == null || next.getValue() > best.getValue() + 1e-9;
      if (best == null || next.getValue() > best.getValue()) {
        best = next;
      }
      if (!gained) {
        break;
      }
      start = best.getPoint();
    }
    double theirs = best.getValue();
    String at = ours + " against the simplex's " + theirs + " at " + java.util.Arrays.toString(best.getPoint());
    assertTrue(ours.logLikelihood() >= theirs - 1e-7, at);
    assertEquals(theirs, ours.logLikelihood(), 1e-5, at);
    double[] values = ours.parameters().values().stream().mapToDouble(Double::doubleValue).toArray();
    for (int i = 0; i < k; i++) {
      double theirParameter = Math.exp(best.getPoint()[i]);
      assertEquals(theirParameter, values[i], 1e-3 * values[i], "parameter " + i + ": " + at);
    }
  }
}

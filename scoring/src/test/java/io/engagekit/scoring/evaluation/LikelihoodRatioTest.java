package io.engagekit.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagekit.scoring.models.ModelFit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LikelihoodRatioTest {
  private static ModelFit<String> fit(double logLikelihood, int parameters, long customers) {
    Map<String, Double> p = new LinkedHashMap<>();
    for (int i = 0; i < parameters; i++) {
      p.put("p" + i, 1.0);
    }
    return new ModelFit<>("m", p, logLikelihood, p, customers, 1, 0);
  }

  /**
   * The χ² upper quantiles of any statistics table (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.4):
   * 3.841 (1 df), 5.991 (2 df) and 9.488 (4 df) at 0.05; 6.635 (1 df) at 0.01.
   */
  @Test
  void pValues_matchTheChiSquareTable() {
    assertEquals(0.05, LikelihoodRatio.test(fit(-100, 4, 10), fit(-100 + 3.841459 / 2, 5, 10)).pValue(), 1e-6);
    assertEquals(0.05, LikelihoodRatio.test(fit(-100, 4, 10), fit(-100 + 5.991465 / 2, 6, 10)).pValue(), 1e-6);
    assertEquals(0.05, LikelihoodRatio.test(fit(-100, 4, 10), fit(-100 + 9.487729 / 2, 8, 10)).pValue(), 1e-6);
    assertEquals(0.01, LikelihoodRatio.test(fit(-100, 4, 10), fit(-100 + 6.634897 / 2, 5, 10)).pValue(), 1e-6);
    LikelihoodRatio none = LikelihoodRatio.test(fit(-100, 4, 10), fit(-100.5, 5, 10));
    assertEquals(0, none.statistic());
    assertEquals(1, none.pValue());
  }

  @Test
  void refusesFitsThatAreNotNested() {
    assertThrows(IllegalArgumentException.class, () -> LikelihoodRatio.test(fit(-100, 4, 10), fit(-90, 4, 10)));
    assertThrows(IllegalArgumentException.class, () -> LikelihoodRatio.test(fit(-100, 4, 10), fit(-90, 5, 11)));
    assertThrows(IllegalArgumentException.class, () -> new LikelihoodRatio(Double.NaN, 1, 0.5));
  }
}

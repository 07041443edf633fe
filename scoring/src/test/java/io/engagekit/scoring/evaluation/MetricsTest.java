package io.engagekit.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class MetricsTest {
  /**
   * The AUC equals the brute-force pairwise count (a positive above a negative 1, a tie 1/2) on
   * 500 seeded random inputs with many ties (scores from a few values).
   */
  @Test
  void auc_equalsPairwiseCount() {
    SplittableRandom r = new SplittableRandom(7);
    for (int round = 0; round < 500; round++) {
      int n = 2 + r.nextInt(60);
      double[] scores = new double[n];
      boolean[] outcomes = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = r.nextInt(1 + r.nextInt(8));
        outcomes[i] = i < 2 ? i == 0 : r.nextBoolean();
      }
      double wins = 0;
      long pairs = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (outcomes[i] && !outcomes[j]) {
            pairs++;
            wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
          }
        }
      }
      assertEquals(wins / pairs, Metrics.auc(scores, outcomes), 1e-12, "round " + round);
    }
  }

  /** Spearman by hand: ranks (1, 2, 3.5, 3.5) and (1, 3, 2, 4); Pearson of the ranks. */
  @Test
  void spearman_midRanks() {
    double[] x = {1, 2, 5, 5};
    double[] y = {10, 30, 20, 40};
    assertEquals(Metrics.pearson(new double[] {1, 2, 3.5, 3.5}, new double[] {1, 3, 2, 4}), Metrics.spearman(x, y), 1e-15);
    assertEquals(1, Metrics.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-15);
    assertEquals(0, Metrics.pearson(new double[] {1, 1, 1}, new double[] {2, 4, 6}));
  }

  @Test
  void badArguments() {
    assertThrows(IllegalArgumentException.class, () -> Metrics.auc(new double[] {1, 2}, new boolean[] {true, true}));
    assertThrows(IllegalArgumentException.class, () -> Metrics.auc(new double[] {1}, new boolean[] {true, false}));
    assertThrows(IllegalArgumentException.class,
        () -> Metrics.auc(new double[] {1, Double.NaN}, new boolean[] {true, false}));
    assertThrows(IllegalArgumentException.class, () -> Metrics.pearson(new double[] {1}, new double[] {1}));
  }
}

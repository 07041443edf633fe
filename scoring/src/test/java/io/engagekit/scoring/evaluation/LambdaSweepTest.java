package io.engagekit.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.scoring.evaluation.LambdaSweep.Point;
import io.engagekit.scoring.evaluation.LambdaSweep.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class LambdaSweepTest {
  /**
   * A planted population: the outcome follows the journey score (plus noise) and not the
   * touchpoint score, so the AUC rises from about 0.5 at λ = 0 to its best at λ = 1.
   */
  @Test
  void journeysThatPredict_winAtLambdaOne() {
    SplittableRandom r = new SplittableRandom(42);
    List<Subject> subjects = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      double journey = 100 * r.nextDouble();
      double touch = 100 * r.nextDouble();
      boolean outcome = journey + 30 * r.nextGaussian() > 50;
      subjects.add(new Subject(journey, touch, outcome ? 1 : 0));
    }
    List<Point> points = LambdaSweep.sweep(subjects, 10);
    assertEquals(11, points.size());
    assertEquals(0.0, points.get(0).lambda());
    assertEquals(1.0, points.get(10).lambda());
    assertEquals(0.5, points.get(0).auc(), 0.04);
    assertTrue(points.get(10).auc() > 0.8, points.toString());
    for (int k = 1; k <= 10; k++) {
      assertTrue(points.get(k).auc() > points.get(k - 1).auc(), points.toString());
    }
  }

  /** Two customers by hand: the journey score orders them rightly, the touchpoint score wrongly. */
  @Test
  void twoCustomers_byHand() {
    List<Point> points = LambdaSweep.sweep(List.of(new Subject(80, 20, 1), new Subject(40, 60, 0)), 2);
    assertEquals(List.of(0.0, 0.5, 1.0), points.stream().map(Point::lambda).toList());
    assertEquals(List.of(0.0, 0.5, 1.0), points.stream().map(Point::auc).toList());
  }

  @Test
  void badArguments() {
    assertThrows(IllegalArgumentException.class, () -> new Subject(101, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Subject(1, 0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> LambdaSweep.sweep(List.of(new Subject(1, 1, 1)), 10));
    assertThrows(IllegalArgumentException.class,
        () -> LambdaSweep.sweep(List.of(new Subject(1, 1, 1), new Subject(1, 1, 0)), 0));
  }
}

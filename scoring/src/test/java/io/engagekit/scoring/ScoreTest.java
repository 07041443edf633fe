package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ScoreTest {
  @Test
  void score_validatesRangeAndExplanation() {
    Score s = new Score(70, List.of(new Contribution("a", 30), new Contribution("b", 50), new Contribution("c", -10)));
    assertEquals(Optional.of(-10.0), s.contribution("c"));
    assertEquals(Optional.empty(), s.contribution("d"));
    assertThrows(IllegalArgumentException.class, () -> new Score(100.5, List.of(new Contribution("a", 100.5))));
    assertThrows(IllegalArgumentException.class, () -> new Score(Double.NaN, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Score(-0.1, List.of(new Contribution("a", -0.1))));
    IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
        () -> new Score(50, List.of(new Contribution("a", 49.99))));
    assertEquals("contributions must add up to the score 50.0 but add up to 49.99", sum.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Score(2, List.of(new Contribution("a", 1), new Contribution("a", 1))));
    assertThrows(IllegalArgumentException.class, () -> new Score(5, List.of()));
    assertEquals(0.0, Score.ZERO.value());
    assertTrue(Score.ZERO.contributions().isEmpty());
  }

  @Test
  void measures_areKeptInOrder_areFinite_andStayOutOfTheSum() {
    java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
    m.put("p_alive", 0.8);
    m.put("expected_transactions", 12.5);
    m.put("a", -3.0);
    Score s = new Score(80, List.of(new Contribution("alive", 80))).withMeasures(m).withLabel("x");
    assertEquals(List.of("p_alive", "expected_transactions", "a"), List.copyOf(s.measures().keySet()));
    assertEquals(12.5, s.measures().get("expected_transactions"));
    assertEquals(Optional.of("x"), s.label());
    m.put("later", 1.0);
    assertEquals(3, s.measures().size(), "a copy");
    assertThrows(UnsupportedOperationException.class, () -> s.measures().put("b", 1.0));
    assertEquals("measure inf must be finite but was Infinity", assertThrows(IllegalArgumentException.class,
        () -> s.withMeasures(java.util.Map.of("inf", Double.POSITIVE_INFINITY))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.withMeasures(java.util.Map.of(" ", 1.0)));
    assertTrue(Score.ZERO.measures().isEmpty());
    assertTrue(new Score(5, List.of(new Contribution("a", 5))).measures().isEmpty());
  }

  @Test
  void of_sumsTheParts_andAbsorbsOnlyRoundingAtTheBounds() {
    // 0.3 * 100 is 30.000000000000004 in binary floating point: three such parts exceed 100 by rounding.
    List<Contribution> parts = List.of(
        new Contribution("a", 0.3 * 100), new Contribution("b", 0.3 * 100), new Contribution("c", 0.4 * 100));
    assertEquals(100.0, Score.of(parts).value());
    assertEquals(42.5, Score.of(List.of(new Contribution("x", 40), new Contribution("y", 2.5))).value());
    assertThrows(IllegalArgumentException.class, () -> Score.of(List.of(new Contribution("x", 100.001))));
  }

  @Test
  void contribution_validates() {
    assertThrows(IllegalArgumentException.class, () -> new Contribution(" ", 1));
    assertThrows(IllegalArgumentException.class, () -> new Contribution("a", Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new Contribution("a", Double.NaN));
  }

  @Test
  void label_isOptional_andNeverBlank() {
    Score s = Score.of(List.of(new Contribution("recency", 40))).withLabel("543 champions");
    assertEquals(java.util.Optional.of("543 champions"), s.label());
    assertEquals(40.0, s.value());
    assertTrue(Score.ZERO.label().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> s.withLabel(" "));
  }

  @Test
  void noEvidence_isItsOwnAnswer_notAZero() {
    Score none = Score.noEvidence("no survey answer");
    assertFalse(none.hasEvidence());
    assertEquals(java.util.Optional.of("no survey answer"), none.absence());
    assertTrue(Score.ZERO.hasEvidence(), "ZERO is a real 0");
    assertNotEquals(Score.ZERO, none);
    assertThrows(IllegalArgumentException.class, () -> Score.noEvidence(" "));
    assertThrows(IllegalArgumentException.class, () -> none.withLabel("x"));
    assertThrows(IllegalArgumentException.class, () -> none.withMeasures(java.util.Map.of("p", 1.0)));
    assertThrows(IllegalArgumentException.class, () -> new Score(0.0, List.of(new Contribution("a", 0.0)),
        java.util.Optional.empty(), java.util.Map.of(), java.util.Optional.of("none")));
    assertThrows(IllegalArgumentException.class, () -> new Score(-0.0, List.of(),
        java.util.Optional.empty(), java.util.Map.of(), java.util.Optional.of("none")));
    assertEquals(none, none.withMeasures(java.util.Map.of()));
  }
}

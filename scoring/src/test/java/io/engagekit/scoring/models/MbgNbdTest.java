package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class MbgNbdTest {
  /**
   * Issue 4's acceptance figure: MBG/NBD on the CDNOW sample (exact weeks, calibration to
   * 1997-09-30) reaches log-likelihood −9582.14, slightly above BG/NBD's −9582.43 with the same
   * number of parameters (Batislam, Denizel &amp; Filiztekin 2007 compare the two on other data).
   */
  @Test
  void cdnow_logLikelihood() {
    ModelFit<MbgNbd> fit = MbgNbd.fit(BgNbdTest.grouped(Cdnow.patterns()));
    assertEquals(-9582.14, fit.logLikelihood(), 0.01, fit.toString());
    assertEquals(List.of("r", "alpha", "a", "b"), List.copyOf(fit.parameters().keySet()));
    assertTrue(fit.gradientNorm() < 1e-3, fit.toString());
    assertEquals(fit.logLikelihood(), fit.model().logLikelihood(Cdnow.patterns()), 1e-6);
    fit.standardErrors().values().forEach(se -> assertTrue(se > 0 && Double.isFinite(se), fit.toString()));
  }

  /** Unlike BG/NBD, a customer without repeats may have dropped out at time 0. */
  @Test
  void probabilityAlive_belowOneWithoutRepeats() {
    MbgNbd m = new MbgNbd(0.5, 6, 0.9, 2);
    double p0 = m.probabilityAlive(RepeatPattern.of(0, 0, 39));
    // 1 / (1 + a/b · ((α+T)/α)^r)
    assertEquals(1 / (1 + 0.9 / 2 * Math.pow(45.0 / 6, 0.5)), p0, 1e-15);
    assertEquals(0.0, m.probabilityAlive(RepeatPattern.of(1_000_000, 1, 100_000)));
    assertThrows(IllegalArgumentException.class, () -> MbgNbd.fit(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new MbgNbd(1, 1, Double.NaN, 1));
  }
}

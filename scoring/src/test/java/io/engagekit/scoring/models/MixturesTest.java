package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The closed-form series of {@link Mixtures#series} against the quadrature it short-cuts: wherever
 * the series vouches for its result, the two agree to 1e-10 relative. The apfloat oracles of
 * {@code PredictionsTest} check both against the papers' closed forms at 50 digits.
 */
final class MixturesTest {
  @Test
  void series_agreesWithQuadrature_whereverItIsUsed() {
    SplittableRandom r = new SplittableRandom(4);
    int used = 0;
    for (int i = 0; i < 20_000; i++) {
      // Shapes and horizons log-uniform over 1e-3..1e3, x up to 1e4, as the fits and scores see them.
      double a = Math.exp(r.nextDouble(Math.log(1e-3), Math.log(1e3)));
      double b = Math.exp(r.nextDouble(Math.log(1e-3), Math.log(1e3)));
      double x = r.nextInt(4) == 0 ? 0 : Math.floor(Math.exp(r.nextDouble(0, Math.log(1e4))));
      double m = Math.exp(r.nextDouble(Math.log(1e-3), Math.log(1e2))) + x;
      double k = Math.exp(r.nextDouble(Math.log(1e-3), Math.log(1e2)));
      double series = Mixtures.series(a, b + x, m, k);
      if (series == series) {
        used++;
        double quadrature = Mixtures.byQuadrature(a, b + x, m, k);
        assertEquals(quadrature, series, 1e-10 * quadrature,
            "case " + i + ": a " + a + ", b " + (b + x) + ", m " + m + ", k " + k);
      }
    }
    assertTrue(used > 10_000, "the series is used in " + used + " of 20,000 cases");
  }

  @Test
  void series_isUsedForTheCdnowCustomers_atAEqualsOne_andDeclinesWhenItCannotVouch() {
    // CDNOW customer 0001 under the published BG/NBD (a = 0.793, b + x = 4.426, r + x = 2.243).
    assertTrue(Mixtures.series(0.792923, 2.425898 + 2, 0.242594 + 2, 39 / (4.413603 + 272 / 7.0)) > 0);
    // a = 1 exactly: the bracket's limit -ln(1 - z), with no division by a - 1.
    double atOne = Mixtures.series(1, 3, 2, 0.5);
    assertEquals(Mixtures.byQuadrature(1, 3, 2, 0.5), atOne, 1e-12 * atOne);
    // A horizon 1e6 times the rate's scale: z is too close to 1 for the series.
    assertTrue(Double.isNaN(Mixtures.series(0.8, 2.4, 0.25, 1e6)));
  }
}

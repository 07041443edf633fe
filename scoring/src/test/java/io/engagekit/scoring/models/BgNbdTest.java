package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

final class BgNbdTest {
  /** The CDNOW sample's calibration summary (test resources; provenance in README.md beside it), in weeks. */
  static List<RepeatPattern> cdnow() throws IOException {
    List<RepeatPattern> customers = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(BgNbdTest.class.getResourceAsStream("cdnow_customers_summary.csv")),
        StandardCharsets.UTF_8))) {
      String header = in.readLine();
      assertEquals("ID,frequency,recency,T", header);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",");
        customers.add(RepeatPattern.of(Long.parseLong(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
      }
    }
    assertEquals(2357, customers.size());
    return customers;
  }

  /** The same customers grouped into unique (x, t_x, T) patterns with counts. */
  static List<RepeatPattern> grouped(List<RepeatPattern> customers) {
    Map<List<Double>, Long> counts = new LinkedHashMap<>();
    for (RepeatPattern p : customers) {
      counts.merge(List.of((double) p.x(), p.tx(), p.T()), p.customers(), Long::sum);
    }
    List<RepeatPattern> patterns = new ArrayList<>();
    counts.forEach((k, n) -> patterns.add(new RepeatPattern(k.get(0).longValue(), k.get(1), k.get(2), n)));
    return patterns;
  }

  /**
   * Fader, Hardie &amp; Lee (2005), Marketing Science 24(2), section 4 (the CDNOW 1/10 sample, 39
   * weeks of calibration, time in weeks): r = 0.243, α = 4.414, a = 0.793, b = 2.426 and
   * log-likelihood −9582.4. The summary's times are rounded to 0.01 week, so the estimates agree to
   * the paper's three decimals and the log-likelihood to its one.
   */
  @Test
  void cdnow_reproducesFaderHardieLee2005() throws IOException {
    ModelFit<BgNbd> fit = BgNbd.fit(cdnow());
    assertEquals(0.243, fit.model().r(), 0.0005, fit.toString());
    assertEquals(4.414, fit.model().alpha(), 0.0005 * 4.414 * 2, fit.toString());
    assertEquals(0.793, fit.model().a(), 0.0005, fit.toString());
    assertEquals(2.426, fit.model().b(), 0.005, fit.toString());
    assertEquals(-9582.4, fit.logLikelihood(), 0.05, fit.toString());
    assertEquals(2357, fit.customers());
    assertTrue(fit.gradientNorm() < 1e-3, fit.toString());
    for (double se : fit.standardErrors().values()) {
      assertTrue(se > 0 && Double.isFinite(se), fit.toString());
    }
  }

  /**
   * The acceptance figures of issue 4, from the exact (unrounded) times of the transaction log:
   * r, α, a, b = 0.24259, 4.41360, 0.79292, 2.42589 and log-likelihood −9582.43. These are the
   * published estimates (0.243, 4.414, 0.793, 2.426, LL −9582.4; Fader, Hardie &amp; Lee 2005,
   * section 4) to more digits, as also given by Hardie's BG/NBD spreadsheet on the same data.
   */
  @Test
  void cdnowTransactions_reproduceTheAcceptanceFigures() {
    ModelFit<BgNbd> fit = BgNbd.fit(BgNbdTest.grouped(Cdnow.patterns()));
    assertEquals(0.24259, fit.model().r(), 0.001 * 0.24259, fit.toString());
    assertEquals(4.41360, fit.model().alpha(), 0.001 * 4.41360, fit.toString());
    assertEquals(0.79292, fit.model().a(), 0.001 * 0.79292, fit.toString());
    assertEquals(2.42589, fit.model().b(), 0.001 * 2.42589, fit.toString());
    assertEquals(-9582.43, fit.logLikelihood(), 0.01, fit.toString());
    assertEquals(java.util.List.of("r", "alpha", "a", "b"), java.util.List.copyOf(fit.parameters().keySet()));
    assertEquals(fit.model().r(), fit.parameters().get("r"));
  }

  @Test
  void fitOnPatterns_equalsFitOnCustomers() throws IOException {
    List<RepeatPattern> customers = cdnow();
    List<RepeatPattern> patterns = grouped(customers);
    assertTrue(patterns.size() < customers.size());
    ModelFit<BgNbd> a = BgNbd.fit(customers);
    ModelFit<BgNbd> b = BgNbd.fit(patterns);
    assertEquals(a.logLikelihood(), b.logLikelihood(), 1e-6);
    assertEquals(a.model().r(), b.model().r(), 1e-6);
    assertEquals(a.model().alpha(), b.model().alpha(), 1e-5);
    assertEquals(a.model().a(), b.model().a(), 1e-6);
    assertEquals(a.model().b(), b.model().b(), 1e-5);
    assertEquals(b.logLikelihood(), b.model().logLikelihood(customers), 1e-6);
  }

  /**
   * P(alive) by equation 11 of the paper, worked by hand at the published parameters: a customer
   * with x = 2, t_x = 30.43, T = 38.86 (the first CDNOW customer) has odds
   * a/(b+x−1) · ((α+T)/(α+t_x))^(r+x) = 0.793/3.426 · (43.274/34.844)^2.243 = 0.23147 · 1.62579
   * = 0.37631, so P(alive) = 1/(1 + 0.37631) = 0.72658; a customer without repeats is alive with
   * certainty.
   */
  /**
   * The one-pass log-likelihood, gradient and exact Hessian that the fit's Newton steps use agree
   * with the log-likelihood, its analytic gradient, and central differences of that gradient: for
   * BG/NBD (shift 0) and for MBG/NBD (shift 1), which shares them.
   */
  @Test
  void derivatives_matchTheGradient_andItsDifferences() {
    RepeatPattern[] data = Cdnow.patterns().toArray(new RepeatPattern[0]);
    java.util.Arrays.sort(data, java.util.Comparator.comparingLong(RepeatPattern::x));
    BgNbdLikelihood.Times times = new BgNbdLikelihood.Times(data);
    double[][] points = {{0.243, 4.414, 0.793, 2.426}, {1.7, 0.3, 3.5, 0.6}, {0.05, 40, 0.2, 9}};
    for (int shift = 0; shift <= 1; shift++) {
      for (double[] q : points) {
        String at = "shift " + shift + " at " + java.util.Arrays.toString(q);
        double[] g = new double[4];
        double[][] h = new double[4][4];
        double ll = BgNbdLikelihood.derivatives(data, times, q[0], q[1], q[2], q[3], g, h, shift);
        double expectedLl = shift == 0 ? new BgNbd(q[0], q[1], q[2], q[3]).logLikelihood(java.util.Arrays.asList(data))
            : new MbgNbd(q[0], q[1], q[2], q[3]).logLikelihood(java.util.Arrays.asList(data));
        assertEquals(expectedLl, ll, 1e-9 * Math.abs(ll), at);
        double[] expected = BgNbdLikelihood.gradient(data, q[0], q[1], q[2], q[3], shift);
        for (int i = 0; i < 4; i++) {
          assertEquals(expected[i], g[i], 1e-9 * (1 + Math.abs(expected[i])), "gradient " + i + ", " + at);
          double step = 1e-5 * q[i];
          double[] up = q.clone();
          double[] down = q.clone();
          up[i] += step;
          down[i] -= step;
          double[] gu = BgNbdLikelihood.gradient(data, up[0], up[1], up[2], up[3], shift);
          double[] gd = BgNbdLikelihood.gradient(data, down[0], down[1], down[2], down[3], shift);
          for (int j = 0; j < 4; j++) {
            double numeric = (gu[j] - gd[j]) / (2 * step);
            assertEquals(numeric, h[j][i], 1e-5 * (1 + Math.abs(numeric)), "hessian " + j + "," + i + ", " + at);
          }
        }
      }
    }
  }

  /**
   * Fits merge equal patterns: one pattern per CDNOW customer (2,357) gives the fit of the 1,016
   * distinct patterns with counts, for the three continuous-time models.
   */
  @Test
  void fits_mergeEqualPatterns() {
    List<RepeatPattern> perCustomer = Cdnow.patterns();
    List<RepeatPattern> grouped = grouped(perCustomer);
    assertEquals(2357, perCustomer.size());
    assertEquals(1016, grouped.size());
    List<java.util.function.Function<List<RepeatPattern>, ModelFit<?>>> fits =
        List.of(BgNbd::fit, MbgNbd::fit, ParetoNbd::fit);
    for (var fit : fits) {
      ModelFit<?> a = fit.apply(perCustomer);
      ModelFit<?> b = fit.apply(grouped);
      assertEquals(2357, a.customers());
      assertEquals(b.logLikelihood(), a.logLikelihood(), 1e-9 * Math.abs(b.logLikelihood()), a.toString());
      b.parameters().forEach((name, v) -> assertEquals(v, a.parameters().get(name), 1e-9 * v, name + " " + a));
    }
  }

  @Test
  void probabilityAlive_workedExample() {
    BgNbd m = new BgNbd(0.243, 4.414, 0.793, 2.426);
    double odds = 0.793 / 3.426 * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 0.243 + 2);
    assertEquals(1 / (1 + odds), m.probabilityAlive(RepeatPattern.of(2, 30.43, 38.86)), 1e-15);
    assertEquals(0.72658, m.probabilityAlive(RepeatPattern.of(2, 30.43, 38.86)), 5e-6);
    assertEquals(1.0, m.probabilityAlive(RepeatPattern.of(0, 0, 38.86)));
    // A heavy buyer long silent: the odds overflow a double, the probability does not.
    double p = m.probabilityAlive(RepeatPattern.of(1_000_000, 1, 100_000));
    assertEquals(0.0, p);
  }

  @Test
  void badInput_clearErrors() {
    assertThrows(IllegalArgumentException.class, () -> BgNbd.fit(List.of()));
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> BgNbd.fit(List.of(RepeatPattern.of(0, 0, 10), RepeatPattern.of(0, 0, 20))));
    assertTrue(none.getMessage().contains("no customer made a repeat purchase"), none.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RepeatPattern.of(-1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> RepeatPattern.of(1, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> RepeatPattern.of(0, 0.5, 1));
    assertThrows(IllegalArgumentException.class, () -> RepeatPattern.of(1, 0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new BgNbd(0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new BgNbd(1, Double.POSITIVE_INFINITY, 1, 1));
  }
}

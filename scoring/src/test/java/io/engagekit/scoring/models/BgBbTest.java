package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.numbers.gamma.LogBeta;
import org.junit.jupiter.api.Test;

final class BgBbTest {
  static List<DiscretePattern> donations() throws IOException {
    List<DiscretePattern> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(BgBbTest.class.getResourceAsStream("donations.csv")), StandardCharsets.UTF_8))) {
      assertEquals("frequency,recency,periods,weights", in.readLine());
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",");
        out.add(new DiscretePattern(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
            Long.parseLong(f[3])));
      }
    }
    return out;
  }

  /**
   * Fader, Hardie &amp; Shang (2010), section 4: on the 11,104 donors of 1995 with 6 repeat
   * opportunities, α = 1.204, β = 0.750, γ = 0.657, δ = 2.783 (log-likelihood −33,225.6).
   */
  @Test
  void donations_reproduceThePublishedEstimates() throws IOException {
    ModelFit<BgBb> fit = BgBb.fit(donations());
    assertEquals(11_104, fit.customers());
    assertEquals(1.204, fit.model().alpha(), 0.002 * 1.204, fit.toString());
    assertEquals(0.750, fit.model().beta(), 0.002 * 0.750, fit.toString());
    assertEquals(0.657, fit.model().gamma(), 0.002 * 0.657, fit.toString());
    assertEquals(2.783, fit.model().delta(), 0.002 * 2.783, fit.toString());
    assertEquals(-33_225.6, fit.logLikelihood(), 0.1, fit.toString());
    assertEquals(List.of("alpha", "beta", "gamma", "delta"), List.copyOf(fit.parameters().keySet()));
  }

  /** The probabilities of all 2^n purchase strings over n opportunities sum to 1. */
  @Test
  void likelihood_isADistributionOverPatterns() {
    BgBb m = new BgBb(1.204, 0.750, 0.657, 2.783);
    for (int n = 0; n <= 6; n++) {
      double total = 0;
      for (int mask = 0; mask < 1 << n; mask++) {
        int x = Integer.bitCount(mask);
        int tx = x == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(mask);
        // Each string with the same (x, tx, n) has the same probability.
        total += Math.exp(m.logLikelihood(List.of(new DiscretePattern(x, tx, n, 1))));
      }
      assertEquals(1.0, total, 1e-12, "n=" + n);
    }
  }

  /** Equation 13 against a direct sum of E[p] · P(alive at n+k), k = 1..n*, and across the γ = 1 limit. */
  @Test
  void expectedTransactions_closedFormEqualsDirectSum() {
    for (double gamma : new double[] {0.657, 1.0, 1 + 1e-8, 1 + 1e-5, 2.5}) {
      BgBb m = new BgBb(1.204, 0.750, gamma, 2.783);
      DiscretePattern p = new DiscretePattern(3, 5, 6, 1);
      for (long future : new long[] {1, 5, 1000, 1001, 5000}) {
        double alive = m.probabilityAlive(p); // alive at n+1
        // Direct: E[p] · Σ_k P(alive at n+k | alive at n) · P(alive at n).
        double logL = m.logLikelihood(List.of(p));
        double aliveAtN = Math.exp(org.apache.commons.numbers.gamma.LogBeta.value(1.204 + 3, 0.750 + 3)
            - org.apache.commons.numbers.gamma.LogBeta.value(1.204, 0.750)
            + org.apache.commons.numbers.gamma.LogBeta.value(gamma, 2.783 + 6)
            - org.apache.commons.numbers.gamma.LogBeta.value(gamma, 2.783) - logL);
        double sum = 0;
        for (long k = 1; k <= future; k++) {
          sum += Math.exp(org.apache.commons.numbers.gamma.LogBeta.value(gamma, 2.783 + 6 + k)
              - org.apache.commons.numbers.gamma.LogBeta.value(gamma, 2.783 + 6));
        }
        double expected = aliveAtN * (1.204 + 3) / (1.204 + 0.750 + 6) * sum;
        assertEquals(expected, m.expectedTransactions(p, future), 1e-9 * expected, "γ=" + gamma + " n*=" + future);
        assertTrue(alive <= aliveAtN);
      }
    }
    BgBb m = new BgBb(1.204, 0.750, 0.657, 2.783);
    assertEquals(0.0, m.expectedTransactions(new DiscretePattern(0, 0, 6, 1), 0));
    assertThrows(IllegalArgumentException.class, () -> m.expectedTransactions(new DiscretePattern(0, 0, 6, 1), -1));
  }

  /**
   * P(at least one transaction in the next n*) three ways: for n* = 1 it is E[Y(1)]; it equals the
   * sum, over every string of n* future opportunities with a transaction, of that string's
   * likelihood given the data (the likelihood is a distribution over strings); and it equals the
   * closed form from the posterior given alive at n, p ~ Beta(α+x, β+n−x) and θ ~ Beta(γ, δ+n)
   * independent: P(alive at n) · Σ_j P(alive at exactly j of the next n*) · (1 − E[(1−p)^j]).
   */
  @Test
  void probabilityOfRepeat_agreesWithTheLikelihoodAndThePosterior() {
    BgBb m = new BgBb(1.204, 0.750, 0.657, 2.783); // Fader, Hardie & Shang 2010, section 4 (donations)
    for (DiscretePattern p : List.of(new DiscretePattern(0, 0, 6, 1), new DiscretePattern(3, 5, 6, 1),
        new DiscretePattern(6, 6, 6, 1), new DiscretePattern(1, 1, 0 + 4, 1), new DiscretePattern(0, 0, 0, 1))) {
      assertEquals(m.expectedTransactions(p, 1), m.probabilityOfRepeat(p, 1), 1e-12, p.toString());
      double logL = m.logLikelihood(List.of(p));
      double previous = 0;
      for (int h = 1; h <= 8; h++) {
        double strings = 0;
        for (int mask = 1; mask < 1 << h; mask++) { // bit k: a transaction at opportunity n + 1 + k
          int x = (int) p.frequency() + Integer.bitCount(mask);
          long tx = p.periods() + 32 - Integer.numberOfLeadingZeros(mask);
          strings += Math.exp(m.logLikelihood(List.of(new DiscretePattern(x, tx, p.periods() + h, 1))) - logL);
        }
        double posterior = posteriorForm(m, p, h);
        double q = m.probabilityOfRepeat(p, h);
        assertEquals(strings, q, 1e-12, p + " h=" + h);
        assertEquals(posterior, q, 1e-12, p + " h=" + h);
        assertTrue(q >= previous && q <= m.probabilityAlive(p) + 1e-15, p + " h=" + h);
        previous = q;
      }
    }
    assertEquals(0.0, m.probabilityOfRepeat(new DiscretePattern(0, 0, 6, 1), 0));
    assertThrows(IllegalArgumentException.class, () -> m.probabilityOfRepeat(new DiscretePattern(0, 0, 6, 1), -1));
    IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
        () -> m.probabilityOfRepeat(new DiscretePattern(0, 0, 6, 1), DiscretePattern.MAX_PERIODS));
    assertTrue(far.getMessage().contains("99994"), far.getMessage());
  }

  /** The posterior closed form of the javadoc above, term by term. */
  private static double posteriorForm(BgBb m, DiscretePattern p, int h) {
    double x = p.frequency();
    double n = p.periods();
    double a = m.alpha() + x;
    double b = m.beta() + n - x;
    double d = m.delta() + n;
    double logL = m.logLikelihood(List.of(p));
    double aliveAtN = Math.exp(LogBeta.value(a, b) - LogBeta.value(m.alpha(), m.beta())
        + LogBeta.value(m.gamma(), d) - LogBeta.value(m.gamma(), m.delta()) - logL);
    double sum = 0;
    for (int j = 1; j <= h; j++) {
      // alive at exactly j of the next h: survive j steps, then die at the next (unless j = h)
      double exactly = j < h ? Math.exp(LogBeta.value(m.gamma() + 1, d + j) - LogBeta.value(m.gamma(), d))
          : Math.exp(LogBeta.value(m.gamma(), d + h) - LogBeta.value(m.gamma(), d));
      double none = Math.exp(LogBeta.value(a, b + j) - LogBeta.value(a, b)); // E[(1-p)^j]
      sum += exactly * (1 - none);
    }
    return aliveAtN * sum;
  }

  @Test
  void badPatterns_clearErrors() {
    assertThrows(IllegalArgumentException.class, () -> new DiscretePattern(1, 0, 6, 1));
    assertThrows(IllegalArgumentException.class, () -> new DiscretePattern(0, 2, 6, 1));
    assertThrows(IllegalArgumentException.class, () -> new DiscretePattern(3, 2, 6, 1));
    assertThrows(IllegalArgumentException.class, () -> new DiscretePattern(2, 7, 6, 1));
    assertThrows(IllegalArgumentException.class, () -> new DiscretePattern(0, 0, 6, 0));
    assertThrows(IllegalArgumentException.class, () -> BgBb.fit(List.of()));
  }

  /**
   * Issue 22: two patterns cannot identify four parameters. The fit used to be refused only when
   * rounding left the information matrix indefinite; on the same data it can end on a ridge with a
   * positive definite matrix and standard errors thousands of times the estimates. The one rule
   * (MaximumLikelihood) refuses both.
   */
  @Test
  void twoPatterns_doNotIdentifyFourParameters() {
    ModelFitException e = assertThrows(ModelFitException.class,
        () -> BgBb.fit(List.of(new DiscretePattern(0, 0, 6, 10), new DiscretePattern(1, 1, 6, 7))));
    assertTrue(e.getMessage().contains("so the data do not identify"), e.getMessage());
  }
}

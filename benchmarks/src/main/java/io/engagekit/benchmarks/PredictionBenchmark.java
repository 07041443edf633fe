package io.engagekit.benchmarks;

import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.RepeatPattern;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4's scoring at scale: P(alive) and expected purchases in the next 39 weeks, E[Y(39)], for
 * every customer of a base of {@code customers}, under the BG/NBD model of the CDNOW sample
 * (Fader, Hardie &amp; Lee 2005: r, α, a, b = 0.2426, 4.4136, 0.7929, 2.4259). Target: 1,000,000
 * customers ≤ 200 ms.
 *
 * <p>The customers are simulated from that model (seed 42), so their patterns are as varied as
 * real ones: each joins on a day of a 12-week cohort and is observed to week 39 in days, buys at a
 * Gamma(r, α) rate and drops out after each purchase with a Beta(a, b) probability. Few customers
 * share a whole pattern (x, t<sub>x</sub>, T), but many share x and T, on which alone E[Y]'s
 * mixture depends: {@link #predict} computes it once per pair, {@link #aliveAndExpected} once per
 * customer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PredictionBenchmark {
  static final BgNbd CDNOW = new BgNbd(0.242594, 4.413603, 0.792923, 2.425898);

  @Param({"1000000"})
  int customers;

  RepeatPattern[] patterns;
  double[] alive;
  double[] expected;

  @Setup
  public void setup() {
    patterns = simulate(CDNOW, customers, new SplittableRandom(42));
    alive = new double[customers];
    expected = new double[customers];
  }

  /** Customers of a 12-week cohort observed to week 39, with one transaction a day at most. */
  static RepeatPattern[] simulate(BgNbd m, int n, SplittableRandom r) {
    RepeatPattern[] out = new RepeatPattern[n];
    for (int i = 0; i < n; i++) {
      int observedDays = 273 - r.nextInt(84);
      double lambda = gamma(r, m.r()) / m.alpha() / 7; // per day
      double p = beta(r, m.a(), m.b());
      long x = 0;
      int last = 0;
      double t = 0;
      while (true) {
        t += -Math.log(1 - r.nextDouble()) / lambda;
        int day = (int) Math.ceil(t);
        if (t > observedDays) {
          break;
        }
        if (day > last) {
          x++;
          last = day;
        }
        if (r.nextDouble() < p) {
          break;
        }
      }
      out[i] = RepeatPattern.of(x, last / 7.0, observedDays / 7.0);
    }
    return out;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang, boosted for shapes below 1. */
  static double gamma(SplittableRandom r, double shape) {
    if (shape < 1) {
      return gamma(r, shape + 1) * Math.pow(1 - r.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = normal(r);
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1 - r.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  static double beta(SplittableRandom r, double a, double b) {
    double x = gamma(r, a);
    return x / (x + gamma(r, b));
  }

  private static double normal(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** P(alive) and E[Y(39)] for every customer, into two arrays. */
  /** The batch method: the same numbers, with the mixture computed once per distinct (x, T). */
  @Benchmark
  public double[] predict() {
    CDNOW.predict(patterns, 39, alive, expected);
    return expected;
  }

  /** One customer at a time, through the one-customer methods. */
  @Benchmark
  public double[] aliveAndExpected() {
    for (int i = 0; i < patterns.length; i++) {
      alive[i] = CDNOW.probabilityAlive(patterns[i]);
      expected[i] = CDNOW.expectedTransactions(patterns[i], 39);
    }
    return expected;
  }
}

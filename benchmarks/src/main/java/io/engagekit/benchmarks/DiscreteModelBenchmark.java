package io.engagekit.benchmarks;

import io.engagekit.scoring.models.BgBb;
import io.engagekit.scoring.models.DiscretePattern;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.Sbg;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The discrete-time models added by issues 23 and 24, fitted and predicting on their papers' data:
 * sBG on the "high end" cohort of Fader &amp; Hardie (2007), Table 1, years 0–7, and BG/BB on the
 * donations patterns of Fader, Hardie &amp; Shang (2010) (22 patterns, 11,104 supporters, copied
 * below from {@code donations.csv} in the scoring module's test resources, provenance there). Each new prediction is
 * measured beside the existing one it is compared with in RESULTS.md: sBG's DERL beside its
 * survival, BG/BB's P(a purchase in the next n*) beside E[Y(n*)].
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DiscreteModelBenchmark {
  /** Fader &amp; Hardie (2007), Table 1, "high end": survivors after 0..7 years. */
  static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491};
  /** Fader, Hardie &amp; Shang (2010): the donations data as {frequency, recency, periods, weights}. */
  static final long[][] DONATIONS = {
    {0, 0, 6, 3464}, {1, 1, 6, 1091}, {1, 2, 6, 277}, {1, 3, 6, 129}, {1, 4, 6, 78}, {1, 5, 6, 119},
    {1, 6, 6, 129}, {2, 2, 6, 613}, {2, 3, 6, 255}, {2, 4, 6, 155}, {2, 5, 6, 173}, {2, 6, 6, 234},
    {3, 3, 6, 322}, {3, 4, 6, 181}, {3, 5, 6, 225}, {3, 6, 6, 357}, {4, 4, 6, 240}, {4, 5, 6, 284},
    {4, 6, 6, 512}, {5, 5, 6, 335}, {5, 6, 6, 728}, {6, 6, 6, 1203}};

  private final Sbg sbg = new Sbg(0.668, 3.806);
  private final BgBb bgbb = new BgBb(1.204, 0.750, 0.657, 2.783);
  private final DiscretePattern pattern = new DiscretePattern(3, 5, 6, 1);
  private final List<DiscretePattern> donations = donations();

  static List<DiscretePattern> donations() {
    List<DiscretePattern> out = new ArrayList<>();
    for (long[] p : DONATIONS) {
      out.add(new DiscretePattern(p[0], p[1], p[2], p[3]));
    }
    return out;
  }

  @Benchmark
  public ModelFit<Sbg> fitSbg() {
    return Sbg.fit(HIGH_END);
  }

  @Benchmark
  public ModelFit<BgBb> fitBgBb() {
    return BgBb.fit(donations);
  }

  @Benchmark
  public double sbgSurvival() {
    return sbg.survival(7);
  }

  @Benchmark
  public double sbgDerl() {
    return sbg.discountedResidualLifetime(0.1, 8);
  }

  @Benchmark
  public double sbgDerlLowRate() {
    return sbg.discountedResidualLifetime(0.01, 8);
  }

  @Benchmark
  public double bgbbExpectedTransactions() {
    return bgbb.expectedTransactions(pattern, 5);
  }

  @Benchmark
  public double bgbbProbabilityOfRepeat() {
    return bgbb.probabilityOfRepeat(pattern, 5);
  }
}

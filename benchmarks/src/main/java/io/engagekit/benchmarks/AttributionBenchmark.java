package io.engagekit.benchmarks;

import io.engagekit.core.ConversionPath;
import io.engagekit.scoring.attribution.Attribution;
import io.engagekit.scoring.attribution.Attributions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Issue 5's attribution targets: order-1 Markov on 10,000 distinct paths over 12 channels ≤ 50 ms;
 * exact Shapley over 12 channels ≤ 1 s.
 *
 * <p>The data (seed 5): 10,000 distinct paths over channels {@code ch01}…{@code ch12}, each 1 to 8
 * touches long (uniform), channels drawn with Zipf-like weights 1/k so that some channels are met
 * far more than others, repeats allowed; per path 0 to 19 conversions, each worth 10 to 59, and 0
 * to 29 nulls. Every channel subset that paths of up to 8 touches can form occurs, so Shapley's
 * coalitions are all informed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AttributionBenchmark {
  @Param({"10000"})
  int paths;

  @Param({"12"})
  int channels;

  List<ConversionPath> data;

  @Setup
  public void setup() {
    data = paths(paths, channels, new SplittableRandom(5));
  }

  /** {@code count} distinct paths over {@code channels} channels, as the class describes. */
  static List<ConversionPath> paths(int count, int channels, SplittableRandom r) {
    double[] cumulative = new double[channels];
    double sum = 0;
    for (int k = 0; k < channels; k++) {
      sum += 1.0 / (k + 1);
      cumulative[k] = sum;
    }
    Map<List<String>, ConversionPath> distinct = new LinkedHashMap<>();
    while (distinct.size() < count) {
      int length = 1 + r.nextInt(8);
      List<String> path = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        double u = r.nextDouble() * sum;
        int k = 0;
        while (cumulative[k] < u) {
          k++;
        }
        path.add(String.format("ch%02d", k + 1));
      }
      int conversions = r.nextInt(20);
      double value = conversions * (10 + r.nextInt(50));
      distinct.putIfAbsent(path, new ConversionPath(path, conversions, value, r.nextInt(30)));
    }
    return List.copyOf(distinct.values());
  }

  /** Markov order 1, with the removal effects of all 12 channels. */
  @Benchmark
  public Attribution markovOrder1() {
    return Attributions.markov(data, 1);
  }

  /** Exact Shapley values of the conversion-rate game: all 4,096 coalitions of 12 channels. */
  @Benchmark
  public Attribution shapleyExact() {
    return Attributions.shapley(data);
  }

  /** The exact order-aware Shapley value (a residual game per distinct set of channels met). */
  @Benchmark
  public Attribution shapleyOrderedExact() {
    return Attributions.shapleyOrdered(data);
  }

  /** Markov order 2 with the removal effects of the 20 most frequent sequences, for comparison. */
  @Benchmark
  public Attribution markovOrder2() {
    return Attributions.markov(data, 2);
  }
}

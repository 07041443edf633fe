package io.engagekit.benchmarks;

import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.RepeatPattern;
import java.util.List;
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
 * Issue 21's scale target for fits: BG/NBD on 500,000 customers in at most 2 s, one pattern per
 * customer as a caller with one row per customer gives them. The customers are simulated from the
 * CDNOW sample's BG/NBD fit with {@link PredictionBenchmark#simulate} (seed 42: a 12-week cohort
 * observed to week 39, in whole days), so their patterns are as varied as real ones; the fit merges
 * equal patterns and then costs the distinct patterns, not the customers.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class ModelScaleBenchmark {
  @Param({"500000"})
  int customers;

  List<RepeatPattern> perCustomer;

  @Setup
  public void setup() {
    perCustomer = List.of(PredictionBenchmark.simulate(PredictionBenchmark.CDNOW, customers, new SplittableRandom(42)));
  }

  @Benchmark
  public ModelFit<BgNbd> fitBgNbd() {
    return BgNbd.fit(perCustomer);
  }
}

package io.engagekit.benchmarks;

import io.engagekit.scoring.decay.Decay;
import io.engagekit.scoring.decay.DecayedSum;
import java.time.Duration;
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
 * The hot path of every decayed strategy: one {@link DecayedSum#add} into a per-customer sum, and
 * one read. Times are a year of seconds in random order (late events are the common case in
 * streams), values up to 100. Issue 3's target for a {@code loyalty.decayed} accept: at most 20
 * ns/op and 0 B/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class DecayedSumBenchmark {
  /** The decays measured. */
  public enum Kind {
    EXPONENTIAL,
    LINEAR,
    WINDOW,
    NONE
  }

  @Param({"EXPONENTIAL", "LINEAR", "WINDOW", "NONE"})
  Kind kind;

  DecayedSum sum;
  DecayedSum filled;
  double[] ages;
  double halfLifeSeconds;
  double[] times;
  double[] values;
  int index;

  static Decay decay(Kind kind) {
    switch (kind) {
      case EXPONENTIAL:
        return Decay.exponential(Duration.ofDays(30));
      case LINEAR:
        return Decay.linear(Duration.ofDays(90));
      case WINDOW:
        return Decay.window(Duration.ofDays(90));
      default:
        return Decay.none();
    }
  }

  @Setup
  public void setup() {
    sum = decay(kind).newSum();
    SplittableRandom r = new SplittableRandom(42);
    times = new double[1 << 16];
    values = new double[1 << 16];
    ages = new double[1 << 16];
    for (int i = 0; i < times.length; i++) {
      times[i] = 1.75e9 + r.nextDouble() * 365 * 86_400;
      values[i] = r.nextDouble() * 100;
      ages[i] = r.nextDouble() * 365 * 86_400;
    }
    // valueAt reads a sum of a year of events, so every slot of a slotted decay is in use.
    filled = decay(kind).newSum();
    for (int i = 0; i < 10_000; i++) {
      filled.add(times[i], values[i]);
    }
    halfLifeSeconds = 30 * 86_400;
  }

  @Benchmark
  public void baseline() {}

  @Benchmark
  public DecayedSum add() {
    int i = index++ & (times.length - 1);
    sum.add(times[i], values[i]);
    return sum;
  }

  @Benchmark
  public double valueAt() {
    return filled.valueAt(filled.latest() + ages[index++ & (ages.length - 1)]);
  }

  /** The exponential factor as {@code 2^(-age / h)}: the variant DecayedSum used first. */
  @Benchmark
  public double factorPow() {
    return Math.pow(2.0, -ages[index++ & (ages.length - 1)] / halfLifeSeconds);
  }

  /** The exponential factor as {@code exp(age * (-ln 2 / h))}: the variant DecayedSum uses. */
  @Benchmark
  public double factorExp() {
    return Math.exp(ages[index++ & (ages.length - 1)] * (-Math.log(2.0) / halfLifeSeconds));
  }
}

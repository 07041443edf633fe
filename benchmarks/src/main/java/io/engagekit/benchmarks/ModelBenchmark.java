package io.engagekit.benchmarks;

import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.MbgNbd;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.PurchaseHistory;
import io.engagekit.scoring.models.Purchases;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.RepeatPatterns;
import io.engagekit.scoring.models.SpendPattern;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * The model fits (issues 4 and 21): BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma maximum likelihood on
 * the CDNOW data in weeks,
 * calibration to 1997-09-30, one transaction per customer-day: the 1/10 sample (2,357 customers) and
 * the full cohort (23,570). The data are copied into this module's resources (provenance in the
 * README beside them); the summary is built once in setup, so a fit is timed from the customers'
 * patterns, as the lifetimes library's {@code fit(frequency, recency, T)} is.
 *
 * <p>{@code patterns}: {@code UNIQUE} fits on the distinct (x, t<sub>x</sub>, T) patterns with their
 * counts, as the API is meant to be used; {@code PER_CUSTOMER} gives one pattern per customer, as
 * lifetimes does (the fit merges equal ones). Issue 21's target: every fit at least 20 times faster
 * than lifetimes 0.11.3's {@code fit()} on the same cohort (figures in RESULTS.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ModelBenchmark {
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  /** The CDNOW data set. */
  public enum Cohort {
    /** The 1/10 sample: {@code CDNOW_sample.txt}, customer id in column 2. */
    SAMPLE("CDNOW_sample.txt", 1),
    /** The full cohort: {@code CDNOW_master.txt}, a header line, customer id in column 1. */
    FULL("CDNOW_master.txt", 0);

    final String file;
    final int idColumn;

    Cohort(String file, int idColumn) {
      this.file = file;
      this.idColumn = idColumn;
    }
  }

  /** How the customers are given to the fit. */
  public enum Patterns {
    /** Distinct patterns with their counts. */
    UNIQUE,
    /** One pattern per customer. */
    PER_CUSTOMER
  }

  @Param({"SAMPLE", "FULL"})
  Cohort cohort;

  @Param({"UNIQUE", "PER_CUSTOMER"})
  Patterns patterns;

  List<RepeatPattern> data;
  List<SpendPattern> spends;

  @Setup
  public void setup() {
    Purchases.Cohort c = cohort(cohort);
    List<RepeatPattern> perCustomer = new ArrayList<>();
    List<SpendPattern> perBuyer = new ArrayList<>();
    for (PurchaseHistory.Calibration s : c.customers().values()) {
      perCustomer.add(s.pattern());
      if (s.pattern().x() > 0 && s.meanRepeatSpend().getAsDouble() > 0) {
        // Repeat buyers who spent 0 are left out of Gamma-Gamma fits (zero likelihood), as fit does.
        perBuyer.add(SpendPattern.of(s.pattern().x(), s.meanRepeatSpend().getAsDouble()));
      }
    }
    data = patterns == Patterns.UNIQUE ? unique(perCustomer) : perCustomer;
    spends = patterns == Patterns.UNIQUE ? c.patterns().spendPatterns() : perBuyer;
  }

  /** Each customer's calibration pattern in weeks. */
  static List<RepeatPattern> patterns(Cohort cohort) {
    List<RepeatPattern> out = new ArrayList<>();
    cohort(cohort).customers().values().forEach(c -> out.add(c.pattern()));
    return out;
  }

  /** The cohort through the library's purchase pipeline: calibration to 1997-09-30, in weeks. */
  static Purchases.Cohort cohort(Cohort cohort) {
    Purchases purchases = new Purchases(ZoneOffset.UTC);
    DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(ModelBenchmark.class.getResourceAsStream(cohort.file), cohort.file),
        StandardCharsets.US_ASCII))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] c = line.trim().split("\\s+");
        if (!c[0].equals("customer_id")) {
          purchases.add(c[cohort.idColumn], LocalDate.parse(c[cohort.idColumn + 1], f),
              Double.parseDouble(c[cohort.idColumn + 3]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return purchases.cohort(CALIBRATION_END, null, PeriodUnit.WEEKS);
  }

  /** The distinct patterns, each with the number of customers that have it. */
  static List<RepeatPattern> unique(List<RepeatPattern> perCustomer) {
    RepeatPatterns counts = new RepeatPatterns();
    perCustomer.forEach(counts::add);
    return counts.patterns();
  }

  @Benchmark
  public ModelFit<BgNbd> fitBgNbd() {
    return BgNbd.fit(data);
  }

  @Benchmark
  public ModelFit<ParetoNbd> fitParetoNbd() {
    return ParetoNbd.fit(data);
  }

  @Benchmark
  public ModelFit<MbgNbd> fitMbgNbd() {
    return MbgNbd.fit(data);
  }

  /** Gamma-Gamma on the repeat buyers' (x, mean repeat spend): 946 in the sample, 9,463 in the cohort. */
  @Benchmark
  public ModelFit<GammaGamma> fitGammaGamma() {
    return GammaGamma.fit(spends);
  }
}

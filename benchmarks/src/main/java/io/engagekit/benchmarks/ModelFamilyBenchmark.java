package io.engagekit.benchmarks;

import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.CovariateModel;
import io.engagekit.scoring.models.CovariatePath;
import io.engagekit.scoring.models.CovariatePattern;
import io.engagekit.scoring.models.GGompertzNbd;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ModelType;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.TimeVaryingParetoNbd;
import io.engagekit.scoring.models.TransactionModel;
import io.engagekit.scoring.simulation.PlantedModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The model families issue 24 adds beside the one they extend, on 2,000 customers drawn with
 * planted parameters and observed 39 weeks: GGompertz/NBD (r, α, b, s, β = 0.85, 10, 0.12, 0.75,
 * 9.55) beside Pareto/NBD (r, α, s, β = 0.6, 10, 0.8, 12), and Pareto/NBD and BG/NBD with two
 * dummy covariates (three acquisition channels, one coefficient per dummy and process) beside the
 * fit without them on the same customers; and Pareto/NBD with a time-varying covariate (a season
 * switching every four weeks, ten pieces over the 39 weeks) on the Pareto/NBD customers. Predictions:
 * P(alive) and E[Y(39)] of one customer, a covariate model's customer built and predicted, and a
 * time-varying customer's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ModelFamilyBenchmark {
  private static final List<String> DUMMIES = List.of("channel=search", "channel=store");

  private final List<RepeatPattern> pareto = new ArrayList<>();
  private final List<RepeatPattern> bg = new ArrayList<>();
  private final List<CovariatePattern> paretoCovariates = new ArrayList<>();
  private final List<CovariatePattern> bgCovariates = new ArrayList<>();
  private final List<RepeatPattern> ggom = PlantedModels.ggomNbd(new GGompertzNbd(0.85, 10, 0.12, 0.75, 9.55), 2000,
      39, 1);
  private final RepeatPattern customer = RepeatPattern.of(4, 30, 39);
  private final ParetoNbd paretoModel = new ParetoNbd(0.6, 10, 0.8, 12);
  private final GGompertzNbd ggomModel = new GGompertzNbd(0.85, 10, 0.12, 0.75, 9.55);
  private final CovariateModel covariateModel;
  private final Map<String, Double> store = Map.of("channel=search", 0.0, "channel=store", 1.0);
  private final List<CovariatePath> seasonal = new ArrayList<>();
  private final TimeVaryingParetoNbd timeVarying = new TimeVaryingParetoNbd(new ParetoNbd(0.6, 10, 0.8, 12),
      Map.of("season", -0.3), Map.of("season", 0.5));
  private final CovariatePath seasonalCustomer;

  public ModelFamilyBenchmark() {
    double[][] levels = {{0, 0}, {1, 0}, {0, 1}};
    double[] trans = {0.5, -0.3};
    double[] life = {-0.7, 0.4};
    for (int level = 0; level < 3; level++) {
      double t = trans[0] * levels[level][0] + trans[1] * levels[level][1];
      double l = life[0] * levels[level][0] + life[1] * levels[level][1];
      Map<String, Double> z = Map.of(DUMMIES.get(0), levels[level][0], DUMMIES.get(1), levels[level][1]);
      for (RepeatPattern p : PlantedModels.paretoNbd(new ParetoNbd(0.6, 10 * Math.exp(-t), 0.8, 12 * Math.exp(-l)),
          667, 39, 10 + level)) {
        pareto.add(p);
        paretoCovariates.add(new CovariatePattern(p, z));
      }
      for (RepeatPattern p : PlantedModels.bgNbd(new BgNbd(0.25, 4.4 * Math.exp(-t), 0.8 * Math.exp(l),
          2.4 * Math.exp(l)), 667, 39, 20 + level)) {
        bg.add(p);
        bgCovariates.add(new CovariatePattern(p, z));
      }
    }
    covariateModel = CovariateModel.fit(ModelType.PARETONBD, paretoCovariates, DUMMIES, DUMMIES, Set.of()).model();
    double[] starts = new double[20];
    double[][] season = new double[20][];
    for (int k = 0; k < 20; k++) {
      starts[k] = 4.0 * k;
      season[k] = new double[] {k % 2};
    }
    for (double[] times : PlantedModels.paretoNbdPurchases(paretoModel, 2000, 39, 30)) {
      seasonal.add(new CovariatePath(times, 39, starts, season, season));
    }
    seasonalCustomer = new CovariatePath(new double[] {3, 9, 17.5, 30}, 39, starts, season, season);
  }

  @Benchmark
  public ModelFit<TimeVaryingParetoNbd> fitTimeVaryingParetoNbd() {
    return TimeVaryingParetoNbd.fit(seasonal, List.of("season"), List.of("season"));
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double timeVaryingPredict() {
    return timeVarying.probabilityAlive(seasonalCustomer) + timeVarying.expectedTransactions(seasonalCustomer, 39);
  }

  @Benchmark
  public ModelFit<ParetoNbd> fitParetoNbd() {
    return ParetoNbd.fit(pareto);
  }

  @Benchmark
  public ModelFit<CovariateModel> fitParetoNbdWithCovariates() {
    return CovariateModel.fit(ModelType.PARETONBD, paretoCovariates, DUMMIES, DUMMIES, Set.of());
  }

  @Benchmark
  public ModelFit<BgNbd> fitBgNbd() {
    return BgNbd.fit(bg);
  }

  @Benchmark
  public ModelFit<CovariateModel> fitBgNbdWithCovariates() {
    return CovariateModel.fit(ModelType.BGNBD, bgCovariates, DUMMIES, DUMMIES, Set.of());
  }

  @Benchmark
  public ModelFit<GGompertzNbd> fitGGompertzNbd() {
    return GGompertzNbd.fit(ggom);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double paretoNbdPredict() {
    return paretoModel.probabilityAlive(customer) + paretoModel.expectedTransactions(customer, 39);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double ggompertzNbdPredict() {
    return ggomModel.probabilityAlive(customer) + ggomModel.expectedTransactions(customer, 39);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double covariateCustomerPredict() {
    TransactionModel own = covariateModel.forCustomer(store);
    return own.probabilityAlive(customer) + own.expectedTransactions(customer, 39);
  }
}

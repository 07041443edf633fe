package io.engagekit.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.engagekit.core.io.ReadOptions;
import io.engagekit.scoring.evaluation.ModelCheck;
import io.engagekit.scoring.evaluation.PredictionIntervals;
import io.engagekit.scoring.models.BgBb;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.DiscretePattern;
import io.engagekit.scoring.models.FittedModel;
import io.engagekit.scoring.models.GGompertzNbd;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.MbgNbd;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ModelFitException;
import io.engagekit.scoring.models.ModelJson;
import io.engagekit.scoring.models.ModelType;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.PurchaseHistory;
import io.engagekit.scoring.models.Purchases;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.SpendPattern;
import io.engagekit.scoring.models.TransactionModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code engagekit fit MODEL}: fits a customer-base model on a transaction file (or, for BG/BB, a
 * pattern file) and reports its parameters, log-likelihood and standard errors, optionally with
 * one prediction per customer.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Fits a customer-base model by maximum likelihood and reports its parameters.",
      "",
      "Fits a customer-base model by maximum likelihood: bgnbd, mbgnbd, paretonbd, ggomnbd (transactions"
          + " in a calibration period; bgnbd, paretonbd and ggomnbd also with covariates from --customers),"
          + " gammagamma (the mean spend of repeat buyers), bgbb (a pattern CSV with header"
          + " frequency,recency,periods,weights), sbg (a cohort's survivors: a CSV with header period,survivors,"
          + " period 0 the cohort's size). Purchases count one per customer-day.",
      "",
      "Exit status: 0 fitted; 1 rows rejected (the fit is still made) or, with --strict, stopped at one; 2"
          + " usage error or unreadable input; 3 the model could not be fitted."
    })
final class FitCommand implements Callable<Integer> {
  /** Exit status when the optimiser fails: the data do not identify the model. */
  static final int NOT_FITTED = 3;
  static final String PREDICTIONS_HEADER = "customer,x,t_x,T,p_alive,expected_holdout,actual_holdout,expected_spend";
  /** The columns --intervals appends to the predictions. */
  static final String INTERVALS_HEADER = "p_alive_low,p_alive_high,expected_holdout_low,expected_holdout_high";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL",
      description = "bgnbd, mbgnbd, paretonbd, ggomnbd, gammagamma, bgbb or sbg.")
  String model;

  @Mixin InputOptions in;

  @Option(names = "--calibration-end", paramLabel = "DATE",
      description = "Last day of the calibration period (yyyy-MM-dd, in --zone). Required except for bgbb.")
  String calibrationEnd;

  @Option(names = "--holdout-end", paramLabel = "DATE",
      description = "Last day of the holdout period: predictions then compare expected and actual holdout purchases.")
  String holdoutEnd;

  @Option(names = "--time-unit", paramLabel = "days|weeks", defaultValue = "weeks",
      description = "Unit of t_x, T and the parameters. Default: ${DEFAULT-VALUE}.")
  String timeUnit;

  @Option(names = "--predictions", paramLabel = "FILE.csv",
      description = "Write one prediction row per customer (for sbg, one row per period: see --projection).")
  Path predictions;

  @Option(names = "--asymptotic-intervals",
      description = "As --intervals, but from the fit's covariance by the delta method: no refits, far faster,"
          + " as good with many customers.")
  boolean asymptotic;

  @Option(names = "--intervals", paramLabel = "N",
      description = "bgnbd, mbgnbd, paretonbd, ggomnbd: add 95%% bootstrap intervals (N resamples of the customers, each"
          + " refitted) of p_alive and expected_holdout to --predictions; gammagamma: of expected_spend.")
  Integer intervals;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "20261122", description = "The seed of --intervals.")
  long seed;

  @Option(names = "--discount-rate", paramLabel = "RATE", defaultValue = "0.1",
      description = "sbg: the discount rate per period of the discounted expected (residual) lifetime. Default:"
          + " ${DEFAULT-VALUE}.")
  double discountRate;

  @Option(names = "--projection", paramLabel = "N", defaultValue = "5",
      description = "sbg: how many periods beyond the data --predictions projects. Default: ${DEFAULT-VALUE}.")
  int projection;

  @Mixin CovariateOptions covariates;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "bgnbd, mbgnbd, paretonbd, ggomnbd: write a self-contained HTML report of the fit: parameters,"
          + " standard errors and log-likelihood, heat maps of expected purchases and P(alive) over frequency and"
          + " recency and, with --holdout-end, weekly and cumulative tracking and holdout purchases by frequency.")
  Path reportFile;

  @Mixin OutputOptions report;

  /** The parsed data window, recorded in the fitted model. */
  private LocalDate calibrationEndDate;
  private LocalDate holdoutEndDate;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String which = asymptotic ? "--asymptotic-intervals" : "--intervals";
    if (intervals != null && asymptotic) {
      throw new ParameterException(spec.commandLine(), "--intervals N (bootstrap) and --asymptotic-intervals (delta "
          + "method) are two ways to the same columns: give one");
    }
    boolean banded = intervals != null || asymptotic;
    if (banded && !List.of("bgnbd", "mbgnbd", "paretonbd", "ggomnbd", "gammagamma").contains(model)) {
      throw new ParameterException(spec.commandLine(), which + " applies to bgnbd, mbgnbd, paretonbd, ggomnbd and "
          + "gammagamma, not " + model);
    }
    if (banded && covariates.present()) {
      throw new ParameterException(spec.commandLine(), which + " does not yet apply to fits with covariates");
    }
    if (covariates.present() && !List.of("bgnbd", "paretonbd", "ggomnbd").contains(model)) {
      throw new ParameterException(spec.commandLine(), "covariates apply to bgnbd, paretonbd and ggomnbd, not " + model);
    }
    if (reportFile != null && !List.of("bgnbd", "mbgnbd", "paretonbd", "ggomnbd").contains(model)) {
      throw new ParameterException(spec.commandLine(), "--report applies to bgnbd, mbgnbd, paretonbd and ggomnbd, not "
          + model);
    }
    if (banded && predictions == null) {
      throw new ParameterException(spec.commandLine(), which + " adds columns to --predictions: give --predictions");
    }
    switch (model) {
      case "bgnbd", "mbgnbd", "paretonbd", "ggomnbd", "gammagamma" -> {
        return transactions(err);
      }
      case "bgbb" -> {
        return bgbb(err);
      }
      case "sbg" -> {
        return SbgFit.run(this, err);
      }
      default -> throw new ParameterException(spec.commandLine(),
          "MODEL must be one of bgnbd, mbgnbd, paretonbd, ggomnbd, gammagamma, bgbb, sbg but was '" + model + "'"
              + io.engagekit.core.internal.Suggestions.didYouMean(model, List.of("bgnbd", "mbgnbd", "paretonbd", "ggomnbd", "gammagamma", "bgbb", "sbg")));
    }
  }

  private int transactions(PrintWriter err) throws IOException {
    if (calibrationEnd == null) {
      throw new ParameterException(spec.commandLine(), "fit " + model + " needs --calibration-end DATE");
    }
    LocalDate calEnd = InputOptions.date(spec, "--calibration-end", calibrationEnd);
    LocalDate holdEnd = holdoutEnd == null ? null : InputOptions.holdoutEnd(spec, calEnd, holdoutEnd);
    calibrationEndDate = calEnd;
    holdoutEndDate = holdEnd;
    PeriodUnit unit;
    try {
      unit = PeriodUnit.fromCode(timeUnit);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--time-unit must be days or weeks but was '" + timeUnit + "'");
    }
    InputOptions.Source source = in.resolve();
    ZoneId zone = in.zoneId();
    Purchases purchases = new Purchases(zone);
    long[] other = new long[1];
    int status;
    try (EventLoader loader = new EventLoader(err, report.verbose, null, in.rejectsFile)) {
      loader.progress = !report.json;
      boolean complete = loader.read(source, event -> {
        if (!purchases.record(event)) {
          other[0]++;
        }
      });
      if (!complete) {
        return loader.stoppedStatus();
      }
      status = loader.finish(null);
    }
    if (other[0] > 0) {
      err.printf(Locale.ROOT, "engagekit: %,d events are not purchases and were not used%n", other[0]);
    }
    Purchases.Cohort cohort = purchases.cohort(calEnd, holdEnd, unit);
    if (cohort.lateStarters() > 0) {
      err.printf(Locale.ROOT, "engagekit: %,d customers first bought after --calibration-end %s and are not in the "
          + "calibration cohort%n", cohort.lateStarters(), calEnd);
    }
    if (cohort.laterDays() > 0) {
      err.printf(Locale.ROOT, "engagekit: %,d purchase days after --holdout-end %s were not used%n", cohort.laterDays(),
          holdEnd);
    }
    if (cohort.customers().isEmpty()) {
      err.println("engagekit: no customer bought on or before --calibration-end " + calEnd + ": nothing to fit");
      return NOT_FITTED;
    }
    if (model.equals("gammagamma")) {
      return gammaGamma(err, cohort, status);
    }
    List<RepeatPattern> patterns = cohort.patterns().patterns();
    List<TransactionModel> perCustomer;
    ModelFit<?> fitted;
    TransactionModel population;
    Map<String, String> references = Map.of();
    if (covariates.present()) {
      CovariateFit.Result r = CovariateFit.run(this, err, cohort, unit);
      if (r == null) {
        return NOT_FITTED;
      }
      perCustomer = r.customers();
      fitted = r.fit();
      population = r.fit().model().base();
      references = r.referenceLevels();
    } else {
      Function<List<RepeatPattern>, ModelFit<? extends TransactionModel>> fitter = switch (model) {
        case "bgnbd" -> BgNbd::fit;
        case "mbgnbd" -> MbgNbd::fit;
        case "ggomnbd" -> GGompertzNbd::fit;
        default -> ParetoNbd::fit;
      };
      ModelFit<? extends TransactionModel> fit = fitAndPrint(err, () -> fitter.apply(patterns), unit);
      if (fit == null) {
        return NOT_FITTED;
      }
      perCustomer = java.util.Collections.nCopies(cohort.customers().size(), fit.model());
      fitted = fit;
      population = fit.model();
    }
    if (reportFile != null) {
      Optional<ModelCheck> check = holdEnd == null || covariates.present() ? Optional.empty()
          : Optional.of(ModelCheck.of(model, population, purchases.histories().values(), calEnd, holdEnd, unit));
      try {
        ModelReport.write(reportFile, in.input.getFileName().toString(), new ModelReport.Fit(model, fitted, population,
            unit, calEnd, holdEnd, cohort.holdoutLength(), patterns, check, references));
      } catch (IOException e) {
        err.println("engagekit: --report: " + Outputs.cannotWrite(reportFile, e).getMessage());
        return Main.UNUSABLE;
      }
      if (!report.json) {
        spec.commandLine().getOut().println("wrote " + reportFile.toAbsolutePath());
      }
    }
    if (predictions != null) {
      int written = FitPredictions.transactions(this, err, cohort, perCustomer, fitted);
      if (written != 0) {
        return written;
      }
    }
    return status;
  }

  private int gammaGamma(PrintWriter err, Purchases.Cohort cohort, int status) throws IOException {
    long zero = cohort.patterns().zeroSpenders();
    if (zero > 0) {
      err.printf(Locale.ROOT, "engagekit: %,d repeat buyers spent 0 on their repeat purchases and were left out of "
          + "the fit (Gamma-Gamma spends are positive); their expected spend is still predicted%n", zero);
    }
    List<SpendPattern> patterns = cohort.patterns().spendPatterns();
    ModelFit<GammaGamma> fit = fitAndPrint(err, () -> GammaGamma.fit(patterns), null);
    if (fit == null) {
      return NOT_FITTED;
    }
    if (predictions != null) {
      int written = FitPredictions.gammaGamma(this, err, cohort, fit);
      if (written != 0) {
        return written;
      }
    }
    return status;
  }

  private int bgbb(PrintWriter err) throws IOException {
    if (calibrationEnd != null || holdoutEnd != null) {
      throw new ParameterException(spec.commandLine(), "fit bgbb reads patterns, not transactions: "
          + "--calibration-end and --holdout-end do not apply");
    }
    InputOptions.Source source = new InputOptions.Source(in.input, DiscretePattern.SCHEMA, "csv", null,
        ReadOptions.lenient().withStrict(in.strict), InputOptions.charset(spec, in.encoding));
    List<DiscretePattern> patterns = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    int status;
    try (EventLoader loader = new EventLoader(err, report.verbose, null, in.rejectsFile)) {
      loader.progress = !report.json;
      if (!loader.readRows(source, (line, row) -> {
        patterns.add((DiscretePattern) row);
        lines.add(line);
      })) {
        return loader.stoppedStatus();
      }
      status = loader.finish(null);
    }
    if (patterns.isEmpty()) {
      err.println("engagekit: " + in.input + " has no patterns: nothing to fit");
      return NOT_FITTED;
    }
    ModelFit<BgBb> fit = fitAndPrint(err, () -> BgBb.fit(patterns), null);
    if (fit == null) {
      return NOT_FITTED;
    }
    if (predictions != null) {
      try (CsvWriter csv = csv(predictions)) {
        csv.writeRecord(PREDICTIONS_HEADER.split(","));
        for (int i = 0; i < patterns.size(); i++) {
          DiscretePattern p = patterns.get(i);
          csv.writeRecord("line " + lines.get(i), Long.toString(p.frequency()), Long.toString(p.recency()),
              Long.toString(p.periods()), number(fit.model().probabilityAlive(p)), "", "", "");
        }
      }
    }
    return status;
  }

  /**
   * Fits, timing only the fit, and prints the result; returns null (having said why on stderr)
   * when the data do not identify the model.
   */
  <M> ModelFit<M> fitAndPrint(PrintWriter err, Supplier<ModelFit<M>> fitter, PeriodUnit unit)
      throws IOException {
    long started = System.nanoTime();
    ModelFit<M> fit;
    try {
      fit = fitter.get();
    } catch (ModelFitException | IllegalArgumentException e) {
      err.println("engagekit: " + e.getMessage());
      return null;
    }
    print(fit, ModelType.named(model), Map.of(), (System.nanoTime() - started) / 1_000_000, unit);
    return fit;
  }

  /**
   * Prints a fit: JSON with {@code --json} (with the given type, and the run fields beside {@code
   * converged} and {@code fitMillis}), or a table.
   */
  void print(ModelFit<?> fit, ModelType<?> type, Map<String, ?> run, long millis, PeriodUnit unit)
      throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (report.json) {
      FittedModel fitted = FittedModel.of(type, fit, unit, calibrationEndDate, holdoutEndDate);
      Map<String, Object> fields = new java.util.LinkedHashMap<>(Map.of("converged", true, "fitMillis", millis));
      fields.putAll(run);
      ModelJson.write(fitted, fields, out);
      out.println();
    } else {
      out.printf(Locale.ROOT, "%s fitted on %,d customers in %d ms (%d iterations, gradient norm %.2g)%n", model,
          fit.customers(), millis, fit.iterations(), fit.gradientNorm());
      out.println();
      int width = Math.max(10, fit.parameters().keySet().stream().mapToInt(String::length).max().orElse(0));
      out.printf(Locale.ROOT, "  %-" + width + "s %14s %14s%n", "parameter", "estimate", "std. error");
      for (Map.Entry<String, Double> e : fit.parameters().entrySet()) {
        out.printf(Locale.ROOT, "  %-" + width + "s %14.6f %14.6f%n", e.getKey(), e.getValue(),
            fit.standardErrors().get(e.getKey()));
      }
      out.println();
      out.printf(Locale.ROOT, "  log-likelihood %.4f%s%n", fit.logLikelihood(),
          unit != null ? " (time in " + unit.code() + ")"
              : ModelType.named(model).fixedUnit().map(u -> " (time in " + u + ")").orElse(""));
      out.printf(Locale.ROOT, "  AIC %.4f, BIC %.4f%n", fit.aic(), fit.bic());
    }
    out.flush();
  }


  static CsvWriter csv(Path file) throws IOException {
    Writer w = Outputs.writer(file);
    return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
  }

  static String number(double v) {
    return Double.toString(v);
  }
}

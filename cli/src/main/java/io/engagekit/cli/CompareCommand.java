package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.engagekit.scoring.evaluation.Bootstrap;
import io.engagekit.scoring.evaluation.Estimate;
import io.engagekit.scoring.evaluation.LikelihoodRatio;
import io.engagekit.scoring.evaluation.ModelComparison;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.Purchases;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code engagekit compare}: fits several transaction models on one transaction file and prints
 * one table of their fits and holdout errors ({@link ModelComparison}).
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Fits several transaction models on one dataset and compares them in one table.",
      "",
      "Fits bgnbd, mbgnbd and paretonbd (or those given, also ggomnbd) on the purchases up to"
          + " --calibration-end and compares them in one table: parameters, log-likelihood, AIC and BIC, and the"
          + " holdout's mean absolute and root-mean-square error per customer and aggregate error, with 95%%"
          + " bootstrap intervals over customers. With --customers and --covariates, each of bgnbd, paretonbd"
          + " and ggomnbd is also fitted with the covariates (a row MODEL+covariates) and tested against itself"
          + " without them by a likelihood-ratio test.",
      "",
      "Exit status: 0 compared (a model the data do not identify is shown as not fitted); 1 rows rejected;"
          + " 2 usage error, unreadable input, or no holdout purchase; 3 no model could be fitted."
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions in;

  @Option(names = "--calibration-end", paramLabel = "DATE", required = true,
      description = "Last day of the calibration period (yyyy-MM-dd, in --zone).")
  String calibrationEnd;

  @Option(names = "--holdout-end", paramLabel = "DATE", required = true,
      description = "Last day of the holdout period the predictions are compared with.")
  String holdoutEnd;

  @Option(names = "--models", paramLabel = "NAME[,NAME...]", split = ",", defaultValue = "bgnbd,mbgnbd,paretonbd",
      description = "The models to compare, among bgnbd, mbgnbd, paretonbd, ggomnbd. Default: ${DEFAULT-VALUE}.")
  List<String> models = new ArrayList<>();

  @Option(names = "--time-unit", paramLabel = "days|weeks", defaultValue = "weeks",
      description = "Unit of t_x, T and the parameters. Default: ${DEFAULT-VALUE}.")
  String timeUnit;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
      description = "Bootstrap resamples for the holdout errors' intervals. Default: ${DEFAULT-VALUE}.")
  int bootstrap;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "20261122", description = "The bootstrap's seed.")
  long seed;

  @Mixin CovariateOptions covariates;

  @Mixin OutputOptions report;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    LocalDate calEnd = InputOptions.date(spec, "--calibration-end", calibrationEnd);
    LocalDate holdEnd = InputOptions.holdoutEnd(spec, calEnd, holdoutEnd);
    PeriodUnit unit;
    try {
      unit = PeriodUnit.fromCode(timeUnit);
    } catch (IllegalArgumentException e) {
      throw usage("--time-unit must be days or weeks but was '" + timeUnit + "'");
    }
    List<String> names = models.stream().map(String::trim).toList();
    for (String name : names) {
      if (!ModelComparison.MODELS.contains(name)) {
        throw usage("--models: '" + name + "' is not one of " + String.join(", ", ModelComparison.MODELS)
            + io.engagekit.core.internal.Suggestions.didYouMean(name, ModelComparison.MODELS));
      }
    }
    if (names.stream().distinct().count() != names.size()) {
      throw usage("--models: a model is given twice: " + String.join(",", names));
    }
    if (bootstrap < 1 || bootstrap > Bootstrap.MAX_SAMPLES) {
      throw usage("--bootstrap must be in [1, " + Bootstrap.MAX_SAMPLES + "] but was " + bootstrap);
    }
    Purchases purchases = new Purchases(in.zoneId());
    int status;
    try (EventLoader loader = new EventLoader(err, report.verbose, null, in.rejectsFile)) {
      loader.progress = !report.json;
      if (!loader.read(in.resolve(), purchases::record)) {
        return loader.stoppedStatus();
      }
      status = loader.finish(null);
    }
    Purchases.Cohort cohort = purchases.cohort(calEnd, holdEnd, unit);
    if (cohort.customers().isEmpty()) {
      err.println("engagekit: no customer bought on or before --calibration-end " + calEnd + ": nothing to compare");
      return Main.UNUSABLE;
    }
    ModelComparison.CovariateSpec withCovariates = null;
    if (covariates.present()) {
      CovariateOptions.Coded coded = covariates.code(spec, cohort.customers());
      withCovariates = new ModelComparison.CovariateSpec(coded.covariates(), coded.life(), coded.trans(), coded.constrained());
    }
    ModelComparison c;
    try {
      c = ModelComparison.of(purchases, calEnd, holdEnd, unit, names, bootstrap, seed, withCovariates);
    } catch (IllegalArgumentException e) {
      err.println("engagekit: " + e.getMessage());
      return Main.UNUSABLE;
    }
    for (ModelComparison.Row row : c.models()) {
      row.failure().ifPresent(f -> err.println("engagekit: " + row.model() + " not fitted: " + f));
    }
    print(c, unit);
    return c.models().stream().allMatch(r -> r.failure().isPresent()) ? FitCommand.NOT_FITTED : status;
  }

  private void print(ModelComparison c, PeriodUnit unit) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (report.json) {
      try (JsonGenerator g = JsonOutput.object(out)) {
        g.writeNumberField("customers", c.customers());
        g.writeNumberField("holdoutLength", c.holdoutLength());
        g.writeStringField("timeUnit", unit.code());
        g.writeNumberField("holdoutTransactions", c.holdoutTransactions());
        g.writeNumberField("bootstrap", bootstrap);
        g.writeNumberField("seed", seed);
        g.writeArrayFieldStart("models");
        for (ModelComparison.Row row : c.models()) {
          g.writeStartObject();
          g.writeStringField("model", row.model());
          g.writeBooleanField("fitted", row.result().isPresent());
          if (row.failure().isPresent()) {
            g.writeStringField("failure", row.failure().get());
          }
          if (row.result().isPresent()) {
            ModelComparison.Result r = row.result().get();
            numbers(g, "params", r.parameters());
            numbers(g, "standardErrors", r.standardErrors());
            g.writeNumberField("logLikelihood", r.logLikelihood());
            g.writeNumberField("aic", r.aic());
            g.writeNumberField("bic", r.bic());
            Backtests.estimate(g, "mae", r.mae());
            Backtests.estimate(g, "rmse", r.rmse());
            Backtests.estimate(g, "aggregateError", r.aggregateError());
            if (r.trackingError().isPresent()) {
              g.writeNumberField("trackingError", r.trackingError().getAsDouble());
            }
          }
          if (row.likelihoodRatio().isPresent()) {
            LikelihoodRatio lr = row.likelihoodRatio().get();
            g.writeObjectFieldStart("likelihoodRatio");
            g.writeStringField("versus", row.model().replace("+covariates", ""));
            g.writeNumberField("statistic", lr.statistic());
            g.writeNumberField("degreesOfFreedom", lr.degreesOfFreedom());
            g.writeNumberField("pValue", lr.pValue());
            g.writeEndObject();
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
    } else {
      out.printf(Locale.ROOT, "%,d customers; holdout of %s %s with %,d repeat purchase days; intervals from %,d"
          + " bootstrap resamples%n%n", c.customers(), OutputOptions.number(c.holdoutLength()), unit.code(),
          c.holdoutTransactions(), bootstrap);
      int width = Math.max(10, c.models().stream().mapToInt(r -> r.model().length()).max().orElse(0));
      out.printf(Locale.ROOT, "  %-" + width + "s %12s %12s %12s %24s %24s %24s %9s%n", "model", "log-lik.", "AIC", "BIC",
          "MAE [95% CI]", "RMSE [95% CI]", "aggregate [95% CI]", "tracking");
      for (ModelComparison.Row row : c.models()) {
        if (row.result().isEmpty()) {
          out.printf(Locale.ROOT, "  %-" + width + "s not fitted (see above)%n", row.model());
          continue;
        }
        ModelComparison.Result r = row.result().get();
        out.printf(Locale.ROOT, "  %-" + width + "s %12.2f %12.2f %12.2f %24s %24s %24s %9s%n", row.model(),
            r.logLikelihood(),
            r.aic(), r.bic(), interval(r.mae(), false), interval(r.rmse(), false), interval(r.aggregateError(), true),
            r.trackingError().isPresent() ? String.format(Locale.ROOT, "%+.1f%%", 100 * r.trackingError().getAsDouble())
                : "-");
      }
      out.println();
      for (ModelComparison.Row row : c.models()) {
        if (row.likelihoodRatio().isPresent()) {
          LikelihoodRatio lr = row.likelihoodRatio().get();
          out.printf(Locale.ROOT, "  likelihood-ratio test of %s against %s: chi-square %.4f on %d df, p = %.4g%n",
              row.model(), row.model().replace("+covariates", ""), lr.statistic(), lr.degreesOfFreedom(), lr.pValue());
        }
      }
      out.println("  Lower AIC and BIC are better; a difference above 10 is strong evidence. The models are not nested in");
      out.println("  one another, so a likelihood-ratio test applies only to a model with covariates against itself");
      out.println("  without them. Tracking: the cumulative repeat purchases expected by the end of the holdout");
      out.println("  (unconditional, week by week) against the actual; not computed for models with covariates.");
    }
    out.flush();
  }

  private static String interval(Estimate e, boolean percent) {
    double f = percent ? 100 : 1;
    String fmt = percent ? "%+.1f%% [%+.1f, %+.1f]" : "%.3f [%.3f, %.3f]";
    return String.format(Locale.ROOT, fmt, f * e.value(), f * e.low(), f * e.high());
  }

  private static void numbers(JsonGenerator g, String field, Map<String, Double> values) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, Double> e : values.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

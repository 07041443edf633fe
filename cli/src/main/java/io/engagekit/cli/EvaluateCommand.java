package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.engagekit.core.Journey;
import io.engagekit.core.io.Schema;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.evaluation.Backtest;
import io.engagekit.scoring.evaluation.Bootstrap;
import io.engagekit.scoring.evaluation.Evaluation;
import io.engagekit.scoring.evaluation.ModelCheck;
import io.engagekit.scoring.evaluation.Outcome;
import io.engagekit.scoring.journeys.JourneySettings;
import io.engagekit.scoring.journeys.Journeys;
import io.engagekit.scoring.loyalty.DiscreteSettings;
import io.engagekit.scoring.loyalty.ModelSettings;
import io.engagekit.scoring.models.ModelFitException;
import io.engagekit.scoring.models.PeriodUnit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code engagekit evaluate}: backtests strategies against what customers did in a holdout period. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Backtests strategies against what customers did in a holdout period.",
      "",
      "Backtests strategies: scores every customer as of the end of --calibration-end (seeing only events"
          + " up to then), and compares the scores with what each customer did in the holdout, to the end of"
          + " --holdout-end: retained (any customer-initiated touchpoint or survey answer), repeat (purchase"
          + " days), spend, or advocacy (referrals and reviews). Reports the AUC, Spearman and Pearson"
          + " correlations and top-decile lift with 95%% bootstrap intervals; the Brier score when a strategy"
          + " predicts the probability (p_purchase, for retained); MAE and tracking error when it predicts the"
          + " count (expected_transactions, for repeat). Model-based strategies predict over a horizon as long"
          + " as the holdout. Strategies are ranked by AUC.",
      "",
      "Exit status: 0 evaluated; 1 rows were rejected (or, with --strict, stopped at the first); 2 usage"
          + " error, unreadable input, or data that do not support the outcome; 3 a model could not be fitted."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions in;

  @Option(names = "--surveys", paramLabel = "FILE", description = "Survey answers too (csv, or jsonl by extension).")
  Path surveys;

  @Option(names = "--customers", paramLabel = "FILE",
      description = "What is known of customers (relationship type, segment); listed customers are scored too.")
  Path customers;

  @Option(names = "--journeys", paramLabel = "FILE",
      description = {
        "Journeys (csv, or jsonl by extension) for journey.weighted: those started by the calibration end,"
            + " as known then (journeys that ended later are in progress)."
      })
  Path journeys;

  @Option(names = "--calibration-end", required = true, paramLabel = "DATE",
      description = "Last day of the calibration period (yyyy-MM-dd, in --zone), where every customer is scored.")
  String calibrationEnd;

  @Option(names = "--holdout-end", required = true, paramLabel = "DATE",
      description = "Last day of the holdout period (yyyy-MM-dd, in --zone).")
  String holdoutEnd;

  @Option(names = "--strategy", required = true, split = ",", paramLabel = "NAME",
      description = "Strategy names, comma-separated (see `engagekit strategies`).")
  List<String> strategyNames;

  @Option(names = "--outcome", paramLabel = "retained|repeat|spend|advocacy", defaultValue = "retained",
      description = "What to predict. Default: ${DEFAULT-VALUE}.")
  String outcome;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "Write a self-contained HTML report (tables and inline SVG charts, no scripts).")
  Path report;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
      description = "Bootstrap resamples behind each interval. Default: ${DEFAULT-VALUE}.")
  int bootstrap;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "20261122",
      description = "Bootstrap seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--time-unit", paramLabel = "days|weeks", defaultValue = "weeks",
      description = "Time unit of the model-based strategies. Default: ${DEFAULT-VALUE}.")
  String timeUnit;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    InputOptions.Source source = in.resolve();
    if (source.schema() == Schema.JOURNEYS || source.schema() == Schema.PATHS || source.schema() == Schema.CUSTOMERS) {
      throw usage("evaluate reads touchpoints (or surveys), not " + source.schema().name());
    }
    Outcome what;
    PeriodUnit unit;
    try {
      what = Outcome.fromCode(outcome);
      unit = PeriodUnit.fromCode(timeUnit);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage().startsWith("outcome") ? "--" + e.getMessage()
          : "--time-unit must be days or weeks but was '" + timeUnit + "'");
    }
    if (bootstrap < 1 || bootstrap > Bootstrap.MAX_SAMPLES) {
      throw usage("--bootstrap must be in [1, " + Bootstrap.MAX_SAMPLES + "] but was " + bootstrap);
    }
    LocalDate calDay = InputOptions.date(spec, "--calibration-end", calibrationEnd);
    LocalDate holdDay = InputOptions.holdoutEnd(spec, calDay, holdoutEnd);
    Instant calEnd = Backtest.endOfDay(calDay, in.zoneId());
    Instant holdEnd = Backtest.endOfDay(holdDay, in.zoneId());
    ModelSettings settings = Backtest.modelSettings(calEnd, holdEnd, in.zoneId(), unit);
    try (EventLoader loader = new EventLoader(err, output.verbose, null, in.rejectsFile)) {
      loader.progress = !output.json;
      List<Journey> known = new ArrayList<>();
      if (journeys != null && !loader.readJourneys(journeys, source, known)) {
        return loader.stoppedStatus();
      }
      List<ScoringStrategy<?>> strategies = strategies(settings, Journeys.knownAt(known, calEnd));
      Backtest backtest;
      try {
        backtest = Backtest.create(strategies, calEnd, holdEnd, in.zoneId());
      } catch (IllegalArgumentException e) {
        throw usage("--strategy: " + e.getMessage());
      }
      if (customers != null && !loader.readCustomers(customers, source, backtest::register)) {
        return loader.stoppedStatus();
      }
      if (!loader.readAll(source, surveys, backtest::record)) {
        return loader.stoppedStatus();
      }
      long[] counts = backtest.eventCounts();
      if (counts[2] > 0) {
        err.printf(Locale.ROOT, "engagekit: %,d events after --holdout-end %s were not used%n", counts[2], holdDay);
      }
      if (!Backtests.supports(err, backtest, what, calDay)) {
        return Main.UNUSABLE;
      }
      Evaluation e;
      List<ModelCheck> checks = new ArrayList<>();
      boolean unfitted = false;
      try {
        for (ScoringStrategy<?> s : strategies) {
          // Said once: the strategy's scores are then no evidence, and it ranks no one.
          Optional<String> failure = backtest.failure(s.name());
          if (failure.isPresent()) {
            err.println("engagekit: " + failure.get() + "; it scores no one");
            unfitted = true;
          }
        }
        e = backtest.evaluate(what, bootstrap, seed);
        for (ScoringStrategy<?> s : strategies) {
          backtest.modelCheck(s.name(), unit).ifPresent(checks::add);
        }
      } catch (ModelFitException | ArithmeticException ex) {
        err.println("engagekit: " + ex.getMessage());
        return FitCommand.NOT_FITTED;
      }
      print(e, checks);
      if (report != null) {
        HtmlReport html = new HtmlReport("EngageKit backtest: " + in.input.getFileName());
        html.heading("Strategies against " + what.code() + " in the holdout", null);
        BacktestReport.evaluation(html, e, in.input.getFileName().toString(), in.zoneId());
        if (!checks.isEmpty()) {
          html.heading("Customer-base models against the holdout", "Weekly cumulative repeat transactions, actual "
              + "against the models' expectation, and mean holdout transactions by calibration frequency.");
          BacktestReport.modelChecks(html, checks, in.input.getFileName().toString());
        }
        java.util.Map<String, java.util.Map<String, Double>> fits = new java.util.LinkedHashMap<>();
        for (ScoringStrategy<?> s : strategies) {
          if (s instanceof io.engagekit.scoring.PopulationStrategy && backtest.failure(s.name()).isEmpty()) {
            fits.put(s.name(), backtest.figures(s.name()));
          }
        }
        BacktestReport.modelFits(html, fits);
        html.write(report);
        if (!output.json) {
          spec.commandLine().getOut().println("wrote " + report.toAbsolutePath());
        }
      }
      int status = loader.finish(null);
      return unfitted && status == 0 ? FitCommand.NOT_FITTED : status;
    }
  }

  private List<ScoringStrategy<?>> strategies(ModelSettings settings, List<Journey> known) {
    List<ScoringStrategy<?>> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String given : strategyNames) {
      String name = given.trim();
      if (!seen.add(name)) {
        throw usage("--strategy: " + name + " is given twice");
      }
      switch (name) {
        case "loyalty.bgnbd" -> out.add(ScoringStrategies.loyaltyBgNbd(settings));
        case "loyalty.paretonbd" -> out.add(ScoringStrategies.loyaltyParetoNbd(settings));
        case "loyalty.mbgnbd" -> out.add(ScoringStrategies.loyaltyMbgNbd(settings));
        // A year an opportunity and one ahead, in the input's zone: a ranking, whatever the holdout's length.
        case "loyalty.bgbb" -> out.add(ScoringStrategies.loyaltyBgBb(DiscreteSettings.defaults().withZone(settings.zone())));
        case "loyalty.clv" -> out.add(ScoringStrategies.loyaltyClv(null, null, settings));
        case "journey.weighted" -> out.add(ScoringStrategies.journeyWeighted(0.7, JourneySettings.defaults(), known));
        default -> {
          try {
            out.add(ScoringStrategies.named(name));
          } catch (IllegalArgumentException e) {
            throw usage("--strategy: " + e.getMessage());
          }
        }
      }
    }
    return out;
  }

  private void print(Evaluation e, List<ModelCheck> checks) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Backtests.warnings(spec.commandLine().getErr(), e);
    if (output.json) {
      try (JsonGenerator g = JsonOutput.object(out)) {
        Backtests.json(g, e);
        g.writeArrayFieldStart("models");
        for (ModelCheck c : checks) {
          g.writeStartObject();
          g.writeStringField("model", c.model());
          ModelCheck.Week last = c.weeks().get(c.weeks().size() - 1);
          g.writeNumberField("weeks", c.weeks().size());
          g.writeNumberField("cumulativeActual", last.actual());
          g.writeNumberField("cumulativeExpected", last.expected());
          if (c.finalTrackingError().isPresent()) {
            g.writeNumberField("trackingError", c.finalTrackingError().getAsDouble());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
    } else {
      out.printf(Locale.ROOT, "%,d customers scored as of %s; outcome %s in the holdout to %s: %,d had it (total %s)%n",
          e.customers(), e.calibrationEnd(), e.outcome().code(), e.holdoutEnd(), e.withOutcome(),
          OutputOptions.number(e.total()));
      out.println();
      Backtests.table(out, e);
      for (ModelCheck c : checks) {
        ModelCheck.Week last = c.weeks().get(c.weeks().size() - 1);
        out.printf(Locale.ROOT, "%n  %s: week %d cumulative repeat transactions %,.0f actual, %,.1f expected%s%n",
            c.model(), last.week(), last.actual(), last.expected(),
            c.finalTrackingError().isPresent()
                ? String.format(Locale.ROOT, " (%+.1f%%)", 100 * c.finalTrackingError().getAsDouble()) : "");
      }
      out.printf(Locale.ROOT, "%n  intervals: 95%% percentile bootstrap, %,d resamples, seed %d%n", e.samples(), e.seed());
      if (e.newInHoldout() > 0) {
        out.printf(Locale.ROOT, "  %,d customers first seen in the holdout could not be scored and are left out%n",
            e.newInHoldout());
      }
    }
    out.flush();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

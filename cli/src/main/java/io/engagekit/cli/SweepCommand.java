package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.engagekit.core.Journey;
import io.engagekit.core.io.Schema;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.evaluation.Backtest;
import io.engagekit.scoring.evaluation.LambdaSweep;
import io.engagekit.scoring.evaluation.Outcome;
import io.engagekit.scoring.journeys.JourneySettings;
import io.engagekit.scoring.journeys.Journeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code engagekit sweep}: the journey-versus-touchpoint weight study ({@link LambdaSweep}) from
 * the command line, with a table, JSON and a report chart.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the weight of journeys over touchpoints that best predicts what customers did next.",
      "",
      "Scores every customer known by the end of --calibration-end with journey.weighted's two parts, the mean"
          + " journey score and the touchpoint score, and for each weight λ on a grid of --steps (0, 1/steps, …, 1)"
          + " measures how well λ · journey score + (1 − λ) · touchpoint score predicts the outcome in the holdout:"
          + " the AUC and the Spearman rank correlation. Customers without touchpoints are left out.",
      "",
      "Exit status: 0 done; 1 rows were rejected (the rest is used); 2 usage error, unreadable input, or data that"
          + " do not support the outcome."
    })
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions in;

  @Option(names = "--journeys", paramLabel = "FILE",
      description = "Journeys (csv, or jsonl by extension): those started by the calibration end, as known then.")
  Path journeys;

  @Option(names = "--calibration-end", required = true, paramLabel = "DATE",
      description = "Last day scored (yyyy-MM-dd, in --zone).")
  String calibrationEnd;

  @Option(names = "--holdout-end", required = true, paramLabel = "DATE",
      description = "Last day of the holdout the outcome is measured in.")
  String holdoutEnd;

  @Option(names = "--outcome", paramLabel = "retained|repeat|spend|advocacy", defaultValue = "retained",
      description = "What happened next, as evaluate measures it. Default: ${DEFAULT-VALUE}.")
  String outcome;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "10",
      description = "The grid's intervals, 1 to 1000. Default: ${DEFAULT-VALUE} (λ = 0, 0.1, …, 1).")
  int steps;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "Also write a self-contained HTML report: the table and a chart of AUC and Spearman by λ.")
  Path report;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    InputOptions.Source source = in.resolve();
    if (source.schema() != Schema.TOUCHPOINTS) {
      throw usage("sweep reads touchpoints, not " + source.schema().name());
    }
    Outcome what;
    try {
      what = Outcome.fromCode(outcome);
    } catch (IllegalArgumentException e) {
      throw usage("--" + e.getMessage());
    }
    if (steps < 1 || steps > 1000) {
      throw usage("--steps must be in [1, 1000] but was " + steps);
    }
    LocalDate calDay = InputOptions.date(spec, "--calibration-end", calibrationEnd);
    LocalDate holdDay = InputOptions.holdoutEnd(spec, calDay, holdoutEnd);
    Instant calEnd = Backtest.endOfDay(calDay, in.zoneId());
    Instant holdEnd = Backtest.endOfDay(holdDay, in.zoneId());
    LambdaSweep.Study study;
    int status;
    try (EventLoader loader = new EventLoader(err, output.verbose, null, in.rejectsFile)) {
      loader.progress = !output.json;
      List<Journey> known = new ArrayList<>();
      if (journeys != null && !loader.readJourneys(journeys, source, known)) {
        return loader.stoppedStatus();
      }
      Backtest backtest = Backtest.create(List.of(ScoringStrategies.journeyWeighted(0.7, JourneySettings.defaults(),
          Journeys.knownAt(known, calEnd))), calEnd, holdEnd, in.zoneId());
      if (!loader.readAll(source, null, backtest::record)) {
        return loader.stoppedStatus();
      }
      if (!Backtests.supports(err, backtest, what, calDay)) {
        return Main.UNUSABLE;
      }
      try {
        study = LambdaSweep.of(backtest, "journey.weighted", what, steps);
      } catch (IllegalArgumentException e) {
        err.println("engagekit: " + e.getMessage());
        return Main.UNUSABLE;
      }
      status = loader.finish(null);
    }
    print(study, what, calDay, holdDay);
    if (report != null) {
      HtmlReport html = new HtmlReport("EngageKit journey-weight study: " + in.input.getFileName());
      SweepReport.add(html, study, what, in.input.getFileName().toString());
      html.write(report);
      if (!output.json) {
        spec.commandLine().getOut().println("wrote " + report.toAbsolutePath());
      }
    }
    return status;
  }

  private void print(LambdaSweep.Study study, Outcome what, LocalDate calDay, LocalDate holdDay) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      try (JsonGenerator g = JsonOutput.object(out)) {
        g.writeStringField("outcome", what.code());
        g.writeNumberField("customers", study.customers());
        g.writeStringField("calibrationEnd", calDay.toString());
        g.writeStringField("holdoutEnd", holdDay.toString());
        g.writeArrayFieldStart("points");
        for (LambdaSweep.Point p : study.points()) {
          g.writeStartObject();
          g.writeNumberField("lambda", p.lambda());
          g.writeNumberField("auc", p.auc());
          g.writeNumberField("spearman", p.spearman());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("best");
        g.writeNumberField("lambda", study.best().lambda());
        g.writeNumberField("auc", study.best().auc());
        g.writeEndObject();
      }
    } else {
      out.printf(Locale.ROOT, "journey weight λ on %,d customers: outcome %s in the holdout %s to %s%n%n",
          study.customers(), what.code(), calDay.plusDays(1), holdDay);
      out.printf(Locale.ROOT, "  %6s  %6s  %8s%n", "lambda", "AUC", "Spearman");
      for (LambdaSweep.Point p : study.points()) {
        out.printf(Locale.ROOT, "  %6.2f  %6.3f  %8.3f%s%n", p.lambda(), p.auc(), p.spearman(),
            p == study.best() ? "  best" : "");
      }
      out.printf(Locale.ROOT, "%n  best: λ = %.2f (AUC %.3f); journey.weighted's default is 0.70%n",
          study.best().lambda(), study.best().auc());
    }
    out.flush();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

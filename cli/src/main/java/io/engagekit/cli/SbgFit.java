package io.engagekit.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.engagekit.core.io.ReadOptions;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.Sbg;
import io.engagekit.scoring.models.SurvivorCount;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ParameterException;

/**
 * {@code engagekit fit sbg}: the shifted-beta-geometric model on one cohort's survivors (a CSV
 * {@code period,survivors}, period 0 the cohort's size), with the retention curve, survival and
 * discounted expected residual lifetime by period in {@code --predictions}.
 */
final class SbgFit {
  /** The header of sbg's {@code --predictions} file. */
  static final String PREDICTIONS_HEADER = "period,survivors,expected_survivors,survival,retention,derl";

  private SbgFit() {}

  static int run(FitCommand fit, PrintWriter err) throws IOException {
    if (fit.calibrationEnd != null || fit.holdoutEnd != null) {
      throw new ParameterException(fit.spec.commandLine(), "fit sbg reads a cohort's survivors, not transactions: "
          + "--calibration-end and --holdout-end do not apply");
    }
    if (!(fit.discountRate > 0 && fit.discountRate <= Double.MAX_VALUE)) {
      throw new ParameterException(fit.spec.commandLine(), "--discount-rate must be finite and > 0 but was "
          + fit.discountRate);
    }
    if (fit.projection < 0) {
      throw new ParameterException(fit.spec.commandLine(), "--projection must be >= 0 but was " + fit.projection);
    }
    InputOptions.Source source = new InputOptions.Source(fit.in.input, SurvivorCount.SCHEMA, "csv", null,
        ReadOptions.lenient().withStrict(fit.in.strict), InputOptions.charset(fit.spec, fit.in.encoding));
    List<SurvivorCount> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    int status;
    try (EventLoader loader = new EventLoader(err, fit.report.verbose, null, fit.in.rejectsFile)) {
      loader.progress = !fit.report.json;
      if (!loader.readRows(source, (line, row) -> {
        rows.add((SurvivorCount) row);
        lines.add(line);
      })) {
        return loader.stoppedStatus();
      }
      status = loader.finish(null);
    }
    if (status != 0) {
      err.println("engagekit: sbg needs every period of the cohort; fix the rejected rows of " + fit.in.input);
      return Main.UNUSABLE;
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).period() != i) {
        err.println("engagekit: " + fit.in.input + " line " + lines.get(i) + ": period must be " + i
            + " (the periods run 0, 1, 2, ... in order, period 0 the cohort's size) but was " + rows.get(i).period());
        return Main.UNUSABLE;
      }
    }
    long[] survivors;
    try {
      survivors = SurvivorCount.survivors(rows);
    } catch (IllegalArgumentException e) {
      err.println("engagekit: " + fit.in.input + ": " + e.getMessage());
      return Main.UNUSABLE;
    }
    ModelFit<Sbg> fitted = fit.fitAndPrint(err, () -> Sbg.fit(survivors), null);
    if (fitted == null) {
      return FitCommand.NOT_FITTED;
    }
    Sbg m = fitted.model();
    if (!fit.report.json) {
      PrintWriter out = fit.spec.commandLine().getOut();
      out.printf(Locale.ROOT, "  discounted expected lifetime of a new customer at %s a period: %.4f periods%n",
          FitCommand.number(fit.discountRate), m.discountedLifetime(fit.discountRate));
      out.flush();
    }
    if (fit.predictions != null) {
      long cohort = survivors[0];
      try (CsvWriter csv = FitCommand.csv(fit.predictions)) {
        csv.writeRecord(PREDICTIONS_HEADER.split(","));
        for (int t = 0; t < survivors.length + fit.projection; t++) {
          double s = m.survival(t);
          csv.writeRecord(Integer.toString(t), t < survivors.length ? Long.toString(survivors[t]) : "",
              FitCommand.number(cohort * s), FitCommand.number(s), t == 0 ? "" : FitCommand.number(m.retention(t)),
              t == 0 ? "" : FitCommand.number(m.discountedResidualLifetime(fit.discountRate, t)));
        }
      }
    }
    return status;
  }
}

package io.engagekit.cli;

import io.engagekit.scoring.evaluation.ModelCheck;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.TransactionModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code engagekit fit … --report FILE.html}: one fit's record and diagnostic plots (issue 24, item
 * 6), self-contained like every report: the fitted parameters with standard errors and the fit's
 * statistics; heat maps of expected purchases and P(alive) over the frequency/recency matrix; and,
 * with a holdout, tracking of weekly and cumulative repeat purchases with the end of calibration
 * marked, and calibration against holdout by calibration frequency.
 */
final class ModelReport {
  /** The recency columns of the heat maps. */
  private static final int RECENCY_CELLS = 20;
  /** The highest frequency row of the heat maps. */
  private static final int MAX_FREQUENCY = 30;

  private ModelReport() {}

  /** What the report records of the fit and its data. */
  record Fit(String model, ModelFit<?> fit, TransactionModel population, PeriodUnit unit, LocalDate calibrationEnd,
      LocalDate holdoutEnd, double holdoutLength, List<RepeatPattern> patterns, Optional<ModelCheck> check,
      Map<String, String> referenceLevels) {}

  static void write(Path file, String dataset, Fit f) throws IOException {
    HtmlReport html = new HtmlReport("EngageKit fit: " + f.model() + " on " + dataset);
    ModelFit<?> fit = f.fit();
    html.heading("Fitted parameters", null);
    html.paragraph(String.format(Locale.ROOT, "%s fitted by maximum likelihood on %,d customers of %s: calibration "
        + "to %s%s; times in %s.", f.model(), fit.customers(), dataset, f.calibrationEnd(),
        f.holdoutEnd() == null ? "" : ", holdout to " + f.holdoutEnd(), f.unit().code()));
    List<List<String>> rows = new ArrayList<>();
    fit.parameters().forEach((name, v) -> rows.add(List.of(name, number(v), number(fit.standardErrors().get(name)))));
    html.table("Parameters (standard errors from the inverse observed information)",
        List.of("parameter", "estimate", "std. error"), rows);
    html.table("Fit", List.of("statistic", "value"), List.of(
        List.of("log-likelihood", String.format(Locale.ROOT, "%,.4f", fit.logLikelihood())),
        List.of("AIC", String.format(Locale.ROOT, "%,.4f", fit.aic())),
        List.of("BIC", String.format(Locale.ROOT, "%,.4f", fit.bic())),
        List.of("customers", String.format(Locale.ROOT, "%,d", fit.customers())),
        List.of("Newton steps", Integer.toString(fit.iterations())),
        List.of("gradient norm", String.format(Locale.ROOT, "%.2g", fit.gradientNorm()))));
    if (!f.referenceLevels().isEmpty()) {
      html.paragraph("Reference levels of the categorical covariates: " + f.referenceLevels()
          + ". The heat maps below are those of a customer at every covariate's 0 (the reference level).");
    }
    double maxT = f.patterns().stream().mapToDouble(RepeatPattern::T).max().orElse(1);
    long maxX = Math.min(MAX_FREQUENCY, Math.max(1, f.patterns().stream().mapToLong(RepeatPattern::x).max().orElse(1)));
    double horizon = f.holdoutEnd() != null ? f.holdoutLength() : maxT;
    double[] recency = new double[RECENCY_CELLS + 1];
    for (int c = 0; c <= RECENCY_CELLS; c++) {
      recency[c] = maxT * c / RECENCY_CELLS;
    }
    double[] frequency = new double[(int) maxX + 1];
    double[][] expected = new double[frequency.length][recency.length];
    double[][] alive = new double[frequency.length][recency.length];
    for (int x = 0; x <= maxX; x++) {
      frequency[x] = x;
      for (int c = 0; c <= RECENCY_CELLS; c++) {
        // A customer without repeat purchases has no recency: t_x = 0 whatever the column.
        RepeatPattern p = RepeatPattern.of(x, x == 0 ? 0 : recency[c], maxT);
        expected[x][c] = f.population().expectedTransactions(p, horizon);
        alive[x][c] = f.population().probabilityAlive(p);
      }
    }
    html.heading("Frequency and recency", String.format(Locale.ROOT, "Each cell is a customer observed for T = %s "
        + "%s (the cohort's longest) with x repeat purchases, the last at t_x; the first row (x = 0) has no recency.",
        number(maxT), f.unit().code()));
    html.openCharts();
    html.heatMap(String.format(Locale.ROOT, "Expected purchases in the next %s %s", number(horizon), f.unit().code()),
        "recency t_x (" + f.unit().code() + ")", "frequency x", recency, frequency, expected, "expected");
    html.heatMap("P(alive)", "recency t_x (" + f.unit().code() + ")", "frequency x", recency, frequency, alive,
        "P(alive)");
    html.closeCharts();
    if (f.check().isPresent()) {
      html.heading("Calibration and holdout", "Repeat purchases per week, actual against the model's expectation for "
          + "the cohort (unconditional, so the holdout is a forecast), with the end of calibration marked; and mean "
          + "holdout purchases by calibration frequency.");
      BacktestReport.modelChecks(html, List.of(f.check().get()), dataset);
    } else {
      html.paragraph(f.holdoutEnd() == null ? "No --holdout-end was given, so there is no tracking or holdout plot."
          : "Tracking and holdout plots are drawn for fits without covariates: with covariates each customer has a "
              + "model of their own.");
    }
    html.write(file);
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}

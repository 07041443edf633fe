package io.engagekit.cli;

import io.engagekit.scoring.evaluation.Evaluation;
import io.engagekit.scoring.evaluation.Metrics;
import io.engagekit.scoring.evaluation.ModelCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The backtest's sections of a report: the strategies' table and charts, and the models' checks. */
final class BacktestReport {
  private BacktestReport() {}

  /** The comparison table and the charts of one backtest. */
  static void evaluation(HtmlReport html, Evaluation e, String dataset, java.time.ZoneId zone) {
    html.body().append("<p>").append(HtmlReport.escape(String.format(Locale.ROOT,
        "%s: %,d customers scored as of %s; outcome %s in the holdout to %s (%,d customers had it, total %s). "
            + "Intervals: 95%% percentile bootstrap, %,d resamples, seed %d.",
        dataset, e.customers(), e.calibrationEnd().atZone(zone).toLocalDate(), e.outcome().code(),
        e.holdoutEnd().atZone(zone).toLocalDate(), e.withOutcome(), grouped(e.total()), e.samples(), e.seed())))
        .append("</p>\n");
    html.body().append("<div class=\"scroll\"><table>\n<caption>").append(HtmlReport.escape("Strategies ranked by AUC, " + dataset))
        .append("</caption>\n<tr><th>rank</th><th>strategy</th><th>predictor</th><th>AUC [95% CI]</th>"
            + "<th>Spearman</th><th>Pearson</th><th>top-decile lift</th><th>Brier</th><th>MAE</th><th>tracking error</th></tr>\n");
    for (Evaluation.StrategyResult r : e.strategies()) {
      html.body().append("<tr><td>").append(r.rank()).append("</td><td>").append(HtmlReport.escape(r.name())).append("</td><td>")
          .append(HtmlReport.escape(r.predictor())).append("</td><td>").append(HtmlReport.interval(r.auc())).append("</td><td>")
          .append(HtmlReport.interval(r.spearman())).append("</td><td>").append(HtmlReport.interval(r.pearson())).append("</td><td>")
          .append(HtmlReport.interval(r.topDecileLift())).append("</td><td>")
          .append(r.brier().map(HtmlReport::interval).orElse("")).append("</td><td>")
          .append(r.counts().map(c -> HtmlReport.fixed(c.mae())).orElse("")).append("</td><td>")
          .append(r.counts().map(c -> String.format(Locale.ROOT, "%+.1f%%", 100 * c.trackingError())).orElse(""))
          .append("</td></tr>\n");
    }
    html.body().append("</table></div>\n");
    List<HtmlReport.Series> gains = new ArrayList<>();
    List<HtmlReport.Series> lift = new ArrayList<>();
    int k = 0;
    for (Evaluation.StrategyResult r : e.strategies()) {
      String colour = HtmlReport.PALETTE[k++ % HtmlReport.PALETTE.length];
      Metrics.Gains g = r.gains();
      gains.add(new HtmlReport.Series(r.name(), colour, g.customers(), g.captured(), false));
      double[] xs = new double[20];
      double[] ys = new double[20];
      for (int i = 0; i < 20; i++) {
        xs[i] = (i + 1) / 20.0;
        ys[i] = g.lift(xs[i]);
      }
      lift.add(new HtmlReport.Series(r.name(), colour, xs, ys, false));
    }
    gains.add(new HtmlReport.Series("random", "#888888", new double[] {0, 1}, new double[] {0, 1}, true));
    lift.add(new HtmlReport.Series("random", "#888888", new double[] {0.05, 1}, new double[] {1, 1}, true));
    double maxLift = lift.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.ys())).max().orElse(1);
    html.body().append("<div class=\"charts\">\n");
    html.lineChart("Cumulative gains: " + dataset, "share of customers, highest predictor first",
        "share of " + e.outcome().code() + " captured", gains, 0, 1, 0, 1);
    html.lineChart("Lift: " + dataset, "share of customers, highest predictor first", "lift over random", lift, 0, 1, 0,
        Math.ceil(maxLift));
    List<HtmlReport.Series> reliability = new ArrayList<>();
    k = 0;
    for (Evaluation.StrategyResult r : e.strategies()) {
      String colour = HtmlReport.PALETTE[k++ % HtmlReport.PALETTE.length];
      if (!r.reliability().isEmpty()) {
        double[] xs = r.reliability().stream().mapToDouble(Metrics.ReliabilityBin::predicted).toArray();
        double[] ys = r.reliability().stream().mapToDouble(Metrics.ReliabilityBin::observed).toArray();
        reliability.add(new HtmlReport.Series(r.name(), colour, xs, ys, false));
      }
    }
    if (!reliability.isEmpty()) {
      reliability.add(new HtmlReport.Series("perfect", "#888888", new double[] {0, 1}, new double[] {0, 1}, true));
      html.lineChart("Reliability: " + dataset, "predicted probability (bin mean)", "observed share " + e.outcome().code(),
          reliability, 0, 1, 0, 1);
    }
    html.body().append("</div>\n<div class=\"charts small\">\n");
    k = 0;
    for (Evaluation.StrategyResult r : e.strategies()) {
      String colour = HtmlReport.PALETTE[k++ % HtmlReport.PALETTE.length];
      html.histogram("Scores: " + r.name(), r.scores(), colour, e.outcome().code());
    }
    html.body().append("</div>\n");
  }

  /** The tracking and conditional-expectation plots of customer-base models. */
  static void modelChecks(HtmlReport html, List<ModelCheck> checks, String dataset) {
    if (checks.isEmpty()) {
      return;
    }
    html.body().append("<div class=\"charts\">\n");
    List<HtmlReport.Series> tracking = new ArrayList<>();
    ModelCheck first = checks.get(0);
    double[] weeks = first.weeks().stream().mapToDouble(ModelCheck.Week::week).toArray();
    tracking.add(new HtmlReport.Series("actual", HtmlReport.PALETTE[6], weeks,
        first.weeks().stream().mapToDouble(ModelCheck.Week::actual).toArray(), false));
    int k = 0;
    for (ModelCheck c : checks) {
      tracking.add(new HtmlReport.Series(c.model() + " expected", HtmlReport.PALETTE[k++], weeks,
          c.weeks().stream().mapToDouble(ModelCheck.Week::expected).toArray(), true));
    }
    double max = tracking.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.ys())).max().orElse(1);
    int calibrationWeeks = (int) first.weeks().stream().filter(w -> !w.holdout()).count();
    html.lineChart("Tracking cumulative repeat transactions: " + dataset, "week", "cumulative repeat transactions",
        tracking, 1, weeks.length, 0, HtmlReport.niceCeiling(max), calibrationWeeks);
    List<HtmlReport.Series> weekly = new ArrayList<>();
    for (HtmlReport.Series s : tracking) {
      double[] inWeek = new double[s.ys().length];
      for (int i = 0; i < inWeek.length; i++) {
        inWeek[i] = s.ys()[i] - (i == 0 ? 0 : s.ys()[i - 1]);
      }
      weekly.add(new HtmlReport.Series(s.name(), s.colour(), s.xs(), inWeek, s.dashed()));
    }
    double maxWeekly = weekly.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.ys())).max().orElse(1);
    html.lineChart("Tracking weekly repeat transactions: " + dataset, "week", "repeat transactions in the week", weekly, 1,
        weeks.length, 0, HtmlReport.niceCeiling(maxWeekly), calibrationWeeks);
    List<String> groups = new ArrayList<>();
    for (ModelCheck.Frequency f : first.conditional()) {
      groups.add(f.x() + (f.atLeast() ? "+" : ""));
    }
    List<String> names = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    names.add("actual");
    colours.add(HtmlReport.PALETTE[6]);
    values.add(first.conditional().stream().mapToDouble(ModelCheck.Frequency::actual).toArray());
    k = 0;
    for (ModelCheck c : checks) {
      names.add(c.model() + " expected");
      colours.add(HtmlReport.PALETTE[k++]);
      values.add(c.conditional().stream().mapToDouble(ModelCheck.Frequency::expected).toArray());
    }
    html.barChart("Conditional expectations: " + dataset, "repeat transactions in calibration (x)",
        "mean holdout transactions", groups, names, colours, values);
    html.body().append("</div>\n");
  }

  /** A total with thousands separators: 1,882 or 12,345.67. */
  static String grouped(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
        : String.format(Locale.ROOT, "%,.2f", v);
  }

  /**
   * The models of population strategies fitted on the calibration period: for each, its figures
   * (the model's parameters, log-likelihood, customers and purchasers), so the report stands alone
   * as a record of what was fitted. Standard errors are in {@code engagekit fit}'s output and
   * report, which fit the same models on the same cohort.
   */
  static void modelFits(HtmlReport html, java.util.Map<String, java.util.Map<String, Double>> byStrategy) {
    for (java.util.Map.Entry<String, java.util.Map<String, Double>> e : byStrategy.entrySet()) {
      if (!e.getValue().containsKey("logLikelihood")) {
        continue; // not a fitted model (RFM's or the decayed spend's population figures)
      }
      List<List<String>> rows = new ArrayList<>();
      e.getValue().forEach((name, v) -> rows.add(List.of(name, name.toLowerCase(Locale.ROOT).contains("likelihood")
          || v == Math.rint(v) ? grouped(v) : String.format(Locale.ROOT, "%.6g", v))));
      html.table("Fitted by " + e.getKey() + " on the calibration period", List.of("figure", "value"), rows);
    }
  }
}

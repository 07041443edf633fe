package io.engagekit.cli;

import io.engagekit.scoring.evaluation.LambdaSweep;
import io.engagekit.scoring.evaluation.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The journey-weight study's part of a report: its table and its chart. */
final class SweepReport {
  private SweepReport() {}

  static void add(HtmlReport html, LambdaSweep.Study study, Outcome outcome, String dataset) {
    html.heading("Journeys against single touchpoints", String.format(Locale.ROOT, "How well λ · journey score + "
        + "(1 − λ) · touchpoint score predicts %s in the holdout, for %,d customers of %s. journey.weighted uses "
        + "λ = 0.7 by default.", outcome.code(), study.customers(), dataset));
    List<List<String>> rows = new ArrayList<>();
    for (LambdaSweep.Point p : study.points()) {
      rows.add(List.of(String.format(Locale.ROOT, "%.2f", p.lambda()), String.format(Locale.ROOT, "%.3f", p.auc()),
          String.format(Locale.ROOT, "%.3f", p.spearman()), p == study.best() ? "best" : ""));
    }
    html.table("AUC and Spearman correlation by λ", List.of("λ", "AUC", "Spearman", ""), rows);
    double[] xs = study.points().stream().mapToDouble(LambdaSweep.Point::lambda).toArray();
    List<HtmlReport.Series> series = List.of(
        new HtmlReport.Series("AUC", HtmlReport.PALETTE[0], xs,
            study.points().stream().mapToDouble(LambdaSweep.Point::auc).toArray(), false),
        new HtmlReport.Series("Spearman", HtmlReport.PALETTE[1], xs,
            study.points().stream().mapToDouble(LambdaSweep.Point::spearman).toArray(), false));
    double low = Math.min(0, series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.ys())).min().orElse(0));
    html.openCharts();
    html.lineChart("Predictive power by journey weight: " + dataset, "λ (weight of journeys)", "AUC, Spearman",
        series, 0, 1, Math.floor(low * 10) / 10, 1);
    html.closeCharts();
  }
}

package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.engagekit.scoring.evaluation.Backtest;
import io.engagekit.scoring.evaluation.Estimate;
import io.engagekit.scoring.evaluation.Evaluation;
import io.engagekit.scoring.evaluation.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;

/** The text table, JSON and checks of a backtest, shared by {@code evaluate}, {@code sweep} and {@code demo}. */
final class Backtests {
  private Backtests() {}

  static void table(PrintWriter out, Evaluation e) {
    out.printf(Locale.ROOT, "  %-4s %-19s %-21s %-21s %8s %8s %8s %8s %8s %9s%n", "rank", "strategy", "predictor",
        "AUC [95% CI]", "Spearman", "Pearson", "lift@10%", "Brier", "track", "evidence");
    for (Evaluation.StrategyResult r : e.strategies()) {
      out.printf(Locale.ROOT, "  %-4d %-19s %-21s %-21s %8.3f %8.3f %8.2f %8s %8s %9s%n", r.rank(), r.name(),
          r.predictor(),
          String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", r.auc().value(), r.auc().low(), r.auc().high()),
          r.spearman().value(), r.pearson().value(), r.topDecileLift().value(),
          r.brier().map(b -> String.format(Locale.ROOT, "%.4f", b.value())).orElse("-"),
          r.counts().map(c -> String.format(Locale.ROOT, "%+.1f%%", 100 * c.trackingError())).orElse("-"),
          String.format(Locale.ROOT, "%,d", r.evidence()));
    }
  }

  /**
   * Warns, on the error stream, of each strategy that had no evidence for any customer: its AUC of
   * 0.5 is not a finding but the absence of one (issue 23).
   */
  static void warnings(PrintWriter err, Evaluation e) {
    for (Evaluation.StrategyResult r : e.strategies()) {
      if (r.evidence() == 0) {
        err.printf(Locale.ROOT, "engagekit: warning: %s had no evidence for any of the %,d customers (none had the "
            + "events it scores), so its measures say nothing%n", r.name(), e.customers());
      }
    }
    err.flush();
  }

  /**
   * Returns whether the backtest's data support the outcome; if not, says why on the error stream.
   */
  static boolean supports(PrintWriter err, Backtest backtest, Outcome what, LocalDate calibrationEnd) {
    if (backtest.supports(what)) {
      return true;
    }
    err.println("engagekit: the data do not support the outcome " + what.code() + ": it needs customers known by "
        + calibrationEnd + " both with and without it in the holdout");
    return false;
  }

  /** Writes the fields of an evaluation's JSON object (the caller opens and closes it). */
  static void json(JsonGenerator g, Evaluation e) throws IOException {
    g.writeStringField("outcome", e.outcome().code());
    g.writeNumberField("customers", e.customers());
    g.writeNumberField("withOutcome", e.withOutcome());
    g.writeNumberField("total", e.total());
    g.writeStringField("calibrationEnd", e.calibrationEnd().toString());
    g.writeStringField("holdoutEnd", e.holdoutEnd().toString());
    g.writeNumberField("newInHoldout", e.newInHoldout());
    g.writeNumberField("bootstrap", e.samples());
    g.writeNumberField("seed", e.seed());
    g.writeArrayFieldStart("strategies");
    for (Evaluation.StrategyResult r : e.strategies()) {
      g.writeStartObject();
      g.writeStringField("name", r.name());
      g.writeNumberField("rank", r.rank());
      g.writeStringField("predictor", r.predictor());
      g.writeNumberField("evidence", r.evidence());
      estimate(g, "auc", r.auc());
      estimate(g, "spearman", r.spearman());
      estimate(g, "pearson", r.pearson());
      estimate(g, "topDecileLift", r.topDecileLift());
      if (r.brier().isPresent()) {
        estimate(g, "brier", r.brier().get());
      }
      if (r.counts().isPresent()) {
        g.writeNumberField("mae", r.counts().get().mae());
        g.writeNumberField("rmse", r.counts().get().rmse());
        g.writeNumberField("trackingError", r.counts().get().trackingError());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void estimate(JsonGenerator g, String name, Estimate e) throws IOException {
    g.writeNumberField(name, e.value());
    g.writeNumberField(name + "Low", e.low());
    g.writeNumberField(name + "High", e.high());
  }
}

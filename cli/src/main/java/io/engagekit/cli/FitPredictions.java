package io.engagekit.cli;

import static io.engagekit.cli.FitCommand.number;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.engagekit.scoring.evaluation.Estimate;
import io.engagekit.scoring.evaluation.PredictionIntervals;
import io.engagekit.scoring.evaluation.ValueIntervals;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ModelFitException;
import io.engagekit.scoring.models.ModelType;
import io.engagekit.scoring.models.PurchaseHistory;
import io.engagekit.scoring.models.Purchases;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.TransactionModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code fit … --predictions FILE}: one row per customer, with the 95% intervals of {@code
 * --intervals N} (bootstrap) or {@code --asymptotic-intervals} (delta method) when asked.
 */
final class FitPredictions {
  /** The columns the intervals of expected spend append (gammagamma). */
  static final String SPEND_INTERVALS_HEADER = "expected_spend_low,expected_spend_high";

  private FitPredictions() {}

  /**
   * Writes a transaction model's predictions, customer i predicted by {@code perCustomer.get(i)};
   * returns 0, or {@link FitCommand#NOT_FITTED} when the intervals could not be made (said why).
   */
  static int transactions(FitCommand fit, PrintWriter err, Purchases.Cohort cohort, List<TransactionModel> perCustomer,
      ModelFit<?> fitted) throws IOException {
    List<PurchaseHistory.Calibration> members = new ArrayList<>(cohort.customers().values());
    List<RepeatPattern> each = members.stream().map(PurchaseHistory.Calibration::pattern).toList();
    boolean holdout = fit.holdoutEnd != null;
    PredictionIntervals bands = null;
    try {
      if (fit.intervals != null) {
        bands = PredictionIntervals.bootstrap(fit.model, each, cohort.holdoutLength(), fit.intervals, fit.seed);
      } else if (fit.asymptotic) {
        bands = asymptotic(ModelType.named(fit.model), fitted, each, cohort.holdoutLength());
      }
    } catch (ModelFitException | IllegalArgumentException | ArithmeticException e) {
      err.println("engagekit: " + (fit.asymptotic ? "--asymptotic-intervals: " : "--intervals: ") + e.getMessage());
      return FitCommand.NOT_FITTED;
    }
    try (CsvWriter csv = FitCommand.csv(fit.predictions)) {
      csv.writeRecord((FitCommand.PREDICTIONS_HEADER + (bands == null ? "" : "," + FitCommand.INTERVALS_HEADER))
          .split(","));
      int i = 0;
      for (Map.Entry<String, PurchaseHistory.Calibration> e : cohort.customers().entrySet()) {
        PurchaseHistory.Calibration c = e.getValue();
        RepeatPattern p = c.pattern();
        TransactionModel m = perCustomer.get(i);
        List<String> row = new ArrayList<>(List.of(e.getKey(), Long.toString(p.x()), number(p.tx()), number(p.T()),
            number(m.probabilityAlive(p)), holdout ? number(m.expectedTransactions(p, cohort.holdoutLength())) : "",
            holdout ? Long.toString(c.holdoutDays()) : "", ""));
        if (bands != null) {
          row.add(number(bands.alive().get(i).low()));
          row.add(number(bands.alive().get(i).high()));
          row.add(holdout ? number(bands.expected().get(i).low()) : "");
          row.add(holdout ? number(bands.expected().get(i).high()) : "");
        }
        csv.writeRecord(row);
        i++;
      }
    }
    return 0;
  }

  /** The delta-method intervals of a fit of the type named (the fit's model is of that type). */
  @SuppressWarnings("unchecked")
  private static <M extends TransactionModel> PredictionIntervals asymptotic(ModelType<?> type, ModelFit<?> fit,
      List<RepeatPattern> each, double horizon) {
    return PredictionIntervals.asymptotic((ModelType<M>) type, (ModelFit<M>) fit, each, horizon);
  }

  /**
   * Writes Gamma-Gamma's expected spend per customer, with its intervals when asked; returns 0, or
   * {@link FitCommand#NOT_FITTED} when the intervals could not be made.
   */
  static int gammaGamma(FitCommand fit, PrintWriter err, Purchases.Cohort cohort, ModelFit<GammaGamma> fitted)
      throws IOException {
    GammaGamma g = fitted.model();
    List<ValueIntervals.Buyer> buyers = new ArrayList<>();
    for (PurchaseHistory.Calibration c : cohort.customers().values()) {
      buyers.add(new ValueIntervals.Buyer(c.pattern(), c.meanRepeatSpend().orElse(0)));
    }
    List<Estimate> bands = null;
    try {
      if (fit.intervals != null) {
        bands = ValueIntervals.spendBootstrap(buyers, buyers, fit.intervals, fit.seed);
      } else if (fit.asymptotic) {
        bands = ValueIntervals.spendAsymptotic(fitted, buyers);
      }
    } catch (ModelFitException | IllegalArgumentException | ArithmeticException e) {
      err.println("engagekit: " + (fit.asymptotic ? "--asymptotic-intervals: " : "--intervals: ") + e.getMessage());
      return FitCommand.NOT_FITTED;
    }
    try (CsvWriter csv = FitCommand.csv(fit.predictions)) {
      csv.writeRecord((FitCommand.PREDICTIONS_HEADER + (bands == null ? "" : "," + SPEND_INTERVALS_HEADER)).split(","));
      int i = 0;
      for (Map.Entry<String, PurchaseHistory.Calibration> e : cohort.customers().entrySet()) {
        PurchaseHistory.Calibration c = e.getValue();
        RepeatPattern p = c.pattern();
        String spend;
        try {
          spend = number(g.expectedSpend(p.x(), c.meanRepeatSpend().orElse(0)));
        } catch (ArithmeticException ex) {
          spend = ""; // q <= 1: the population has no finite mean spend
        }
        List<String> row = new ArrayList<>(List.of(e.getKey(), Long.toString(p.x()), number(p.tx()), number(p.T()),
            "", "", fit.holdoutEnd == null ? "" : Long.toString(c.holdoutDays()), spend));
        if (bands != null) {
          row.add(number(bands.get(i).low()));
          row.add(number(bands.get(i).high()));
        }
        csv.writeRecord(row);
        i++;
      }
    }
    return 0;
  }
}

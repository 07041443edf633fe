package io.engagekit.cli;

import io.engagekit.scoring.evaluation.LikelihoodRatio;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.CovariateModel;
import io.engagekit.scoring.models.CovariatePattern;
import io.engagekit.scoring.models.GGompertzNbd;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ModelFitException;
import io.engagekit.scoring.models.ModelType;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.Purchases;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.TransactionModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code engagekit fit bgnbd|paretonbd|ggomnbd --customers FILE --covariates ...}: the fit with
 * time-invariant covariates, printed like any fit (the coefficients named {@code life.NAME}, {@code
 * trans.NAME}, {@code constr.NAME}), with the reference levels of categorical covariates and the
 * likelihood-ratio test against the same model without covariates.
 */
final class CovariateFit {
  private CovariateFit() {}

  /** A fit with covariates: the fit, each cohort customer's own model in order, the reference levels. */
  record Result(ModelFit<CovariateModel> fit, List<TransactionModel> customers, Map<String, String> referenceLevels) {}

  /** Fits and prints; returns the result, or null when the model could not be fitted (the reason printed). */
  static Result run(FitCommand fit, PrintWriter err, Purchases.Cohort cohort, PeriodUnit unit)
      throws IOException {
    CovariateOptions.Coded coded = fit.covariates.code(fit.spec, fit.model, cohort.customers());
    ModelType<?> type = ModelType.named(fit.model);
    List<RepeatPattern> plain = cohort.patterns().patterns();
    ModelFit<? extends TransactionModel> base;
    try {
      base = switch (fit.model) {
        case "bgnbd" -> BgNbd.fit(plain);
        case "ggomnbd" -> GGompertzNbd.fit(plain);
        default -> ParetoNbd.fit(plain);
      };
    } catch (ModelFitException | IllegalArgumentException e) {
      base = null;
      err.println("engagekit: no likelihood-ratio test: " + fit.model + " without covariates could not be fitted: "
          + e.getMessage());
    }
    long started = System.nanoTime();
    ModelFit<CovariateModel> fitted;
    try {
      fitted = CovariateModel.fit(type, coded.patterns(), coded.life(), coded.trans(), coded.constrained());
    } catch (ModelFitException | IllegalArgumentException e) {
      err.println("engagekit: " + e.getMessage());
      return null;
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    Map<String, String> references = coded.covariates().referenceLevels();
    fit.print(fitted, CovariateModel.type(type, fitted.parameters().keySet()),
        references.isEmpty() ? Map.of() : Map.of("referenceLevels", references), millis, unit);
    if (!fit.report.json) {
      PrintWriter out = fit.spec.commandLine().getOut();
      references.forEach((name, level) -> out.printf(Locale.ROOT, "  reference level of %s: %s%n", name, level));
      if (base != null) {
        LikelihoodRatio lr = LikelihoodRatio.test(base, fitted);
        out.printf(Locale.ROOT, "  likelihood-ratio test against %s without covariates: chi-square %.4f on %d df,"
            + " p = %.4g%n", fit.model, lr.statistic(), lr.degreesOfFreedom(), lr.pValue());
      }
      out.flush();
    }
    List<TransactionModel> models = new ArrayList<>(coded.patterns().size());
    for (CovariatePattern p : coded.patterns()) {
      models.add(fitted.model().forCustomer(p.covariates()));
    }
    return new Result(fitted, models, references);
  }
}

package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.CovariateModel;
import io.engagekit.scoring.models.CovariatePattern;
import io.engagekit.scoring.models.Covariates;
import io.engagekit.scoring.models.GGompertzNbd;
import io.engagekit.scoring.models.MbgNbd;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ModelFitException;
import io.engagekit.scoring.models.ModelType;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.PurchaseHistory;
import io.engagekit.scoring.models.Purchases;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.TransactionModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Several transaction models fitted on one cohort and compared in one table (issue 24, item 4):
 * each model's parameters, log-likelihood, AIC and BIC on the calibration period, and how well it
 * predicts each customer's holdout: the mean absolute and root-mean-square error of E[Y(holdout)]
 * against the actual repeat purchase days, and the aggregate error (Σ expected − Σ actual) / Σ
 * actual, each with a 95% bootstrap interval over customers (the fit is kept; the customers are
 * resampled); given the purchase histories, also the week-by-week tracking error at the holdout's
 * end. Lower AIC/BIC is better; a difference of more than 10 is strong evidence (Burnham &amp;
 * Anderson 2002). The models compared here (bgnbd, mbgnbd, paretonbd, ggomnbd) are not nested in
 * one another as regular models (Pareto/NBD is GGompertz/NBD's boundary b → 0, where the test's
 * χ² law fails), so no likelihood-ratio test applies between them. Given covariates ({@link
 * CovariateSpec}), each model that takes them (bgnbd, paretonbd, ggomnbd) gets a second row, named
 * {@code MODEL+covariates}, right after its own, with the {@link LikelihoodRatio} test against it;
 * such a row has no tracking error (its customers each have their own model). Immutable once made.
 *
 * @param customers the cohort's customers
 * @param holdoutLength the holdout's length in the cohort's unit
 * @param holdoutTransactions the cohort's actual repeat purchase days in the holdout
 * @param models one row per model, in the order asked for
 * @since 0.2
 */
public record ModelComparison(long customers, double holdoutLength, long holdoutTransactions, List<Row> models) {
  /** The transaction models that can be compared, by name. */
  public static final List<String> MODELS = List.of("bgnbd", "mbgnbd", "paretonbd", "ggomnbd");

  /**
   * Covariates to fit the models with as well: coded values per customer, and which coded columns
   * act on which process (as {@link CovariateModel#fit} takes them).
   *
   * @param covariates every cohort customer's coded covariates
   * @param life the columns acting on the lifetime process
   * @param trans the columns acting on the transaction process
   * @param constrained columns in both whose two coefficients are one
   * @since 0.2
   */
  public record CovariateSpec(Covariates covariates, List<String> life, List<String> trans, Set<String> constrained) {
    /**
     * Copies the lists.
     *
     * @param covariates see the record description
     * @param life see the record description
     * @param trans see the record description
     * @param constrained see the record description
     */
    public CovariateSpec {
      requireNonNull(covariates, "covariates");
      life = List.copyOf(life);
      trans = List.copyOf(trans);
      constrained = Set.copyOf(constrained);
    }
  }

  /**
   * Copies the rows.
   *
   * @param customers see the record description
   * @param holdoutLength see the record description
   * @param holdoutTransactions see the record description
   * @param models see the record description
   */
  public ModelComparison {
    models = List.copyOf(models);
  }

  /**
   * One model's row: its result, or why it could not be fitted.
   *
   * @param model the model's name
   * @param result the fit and its holdout errors, when it was fitted
   * @param failure why the model could not be fitted, when it could not
   * @param likelihoodRatio for a {@code MODEL+covariates} row, the test against {@code MODEL} without
   *     them (when both were fitted)
   */
  public record Row(String model, Optional<Result> result, Optional<String> failure,
      Optional<LikelihoodRatio> likelihoodRatio) {
    /**
     * Checks that exactly one of result and failure is present.
     *
     * @param model see the record description
     * @param result see the record description
     * @param failure see the record description
     * @param likelihoodRatio see the record description
     */
    public Row {
      requireNonNull(model, "model");
      requireNonNull(likelihoodRatio, "likelihoodRatio");
      if (result.isPresent() == failure.isPresent()) {
        throw new IllegalArgumentException("a row has a result or a failure, not both or neither");
      }
    }

    /**
     * A row without a likelihood-ratio test.
     *
     * @param model see the record description
     * @param result see the record description
     * @param failure see the record description
     */
    public Row(String model, Optional<Result> result, Optional<String> failure) {
      this(model, result, failure, Optional.empty());
    }
  }

  /**
   * A fitted model's figures.
   *
   * @param parameters the fitted parameters
   * @param standardErrors their standard errors
   * @param logLikelihood the calibration log-likelihood
   * @param aic Akaike's criterion, 2k − 2 ln L
   * @param bic the Bayesian criterion, k ln n − 2 ln L
   * @param mae the mean absolute error of the holdout predictions per customer
   * @param rmse their root-mean-square error
   * @param aggregateError (Σ expected − Σ actual) / Σ actual over the holdout
   * @param trackingError the week-by-week tracking's error at the holdout's end (expected − actual)
   *     / actual cumulative repeat transactions, unconditional ({@link ModelCheck#finalTrackingError()};
   *     as Fader, Hardie &amp; Lee 2005 track); empty without the purchase histories or repeat purchases
   */
  public record Result(Map<String, Double> parameters, Map<String, Double> standardErrors, double logLikelihood,
      double aic, double bic, Estimate mae, Estimate rmse, Estimate aggregateError, OptionalDouble trackingError) {
    /**
     * Copies the maps.
     *
     * @param parameters see the record description
     * @param standardErrors see the record description
     * @param logLikelihood see the record description
     * @param aic see the record description
     * @param bic see the record description
     * @param mae see the record description
     * @param rmse see the record description
     * @param aggregateError see the record description
     * @param trackingError see the record description
     */
    public Result {
      requireNonNull(trackingError, "trackingError");
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
      standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
    }
  }

  /**
   * Fits the named models on the purchases' cohort and compares them, with the week-by-week
   * tracking error of each ({@link ModelCheck}) beside the per-customer errors.
   *
   * @param purchases every customer's purchases
   * @param calibrationEnd the last day of calibration
   * @param holdoutEnd the last day of the holdout, after the calibration end
   * @param unit the unit the models are fitted in
   * @param models the names of the models to compare, from {@link #MODELS}, each at most once
   * @param samples bootstrap resamples, 1 to {@link Bootstrap#MAX_SAMPLES}
   * @param seed the bootstrap's seed
   * @return the comparison
   * @throws IllegalArgumentException as for {@link #of(Purchases.Cohort, List, int, long)}
   */
  public static ModelComparison of(Purchases purchases, LocalDate calibrationEnd, LocalDate holdoutEnd,
      PeriodUnit unit, List<String> models, int samples, long seed) {
    return of(purchases, calibrationEnd, holdoutEnd, unit, models, samples, seed, null);
  }

  /**
   * As {@link #of(Purchases, LocalDate, LocalDate, PeriodUnit, List, int, long)}, each model that
   * takes covariates also fitted with them, in a row of its own with its likelihood-ratio test.
   *
   * @param purchases every customer's purchases
   * @param calibrationEnd the last day of calibration
   * @param holdoutEnd the last day of the holdout, after the calibration end
   * @param unit the unit the models are fitted in
   * @param models the names of the models to compare, from {@link #MODELS}, each at most once
   * @param samples bootstrap resamples, 1 to {@link Bootstrap#MAX_SAMPLES}
   * @param seed the bootstrap's seed
   * @param covariates the covariates, or null for none
   * @return the comparison
   * @throws IllegalArgumentException as for {@link #of(Purchases.Cohort, List, int, long)}, or if a
   *     cohort customer has no covariates
   * @since 0.2
   */
  public static ModelComparison of(Purchases purchases, LocalDate calibrationEnd, LocalDate holdoutEnd,
      PeriodUnit unit, List<String> models, int samples, long seed, @Nullable CovariateSpec covariates) {
    requireNonNull(purchases, "purchases");
    Purchases.Cohort cohort = purchases.cohort(requireNonNull(calibrationEnd, "calibrationEnd"),
        requireNonNull(holdoutEnd, "holdoutEnd"), requireNonNull(unit, "unit"));
    Collection<PurchaseHistory> histories = purchases.histories().values();
    return of(cohort, models, samples, seed,
        (name, model) -> ModelCheck.of(name, model, histories, calibrationEnd, holdoutEnd, unit).finalTrackingError(),
        covariates);
  }

  /**
   * Fits the named models on a cohort with a holdout and compares them.
   *
   * @param cohort the customers, summarised with a holdout ({@link Purchases#cohort})
   * @param models the names of the models to compare, from {@link #MODELS}, each at most once
   * @param samples bootstrap resamples for the holdout errors' intervals, 1 to {@link
   *     Bootstrap#MAX_SAMPLES}
   * @param seed the bootstrap's seed
   * @return the comparison; a model the data do not identify has a row with its failure
   * @throws IllegalArgumentException if a name is unknown or repeated, the cohort has no customer
   *     or no holdout, or it bought nothing in the holdout
   */
  public static ModelComparison of(Purchases.Cohort cohort, List<String> models, int samples, long seed) {
    return of(cohort, models, samples, seed, (name, model) -> OptionalDouble.empty(), null);
  }

  private static ModelComparison of(Purchases.Cohort cohort, List<String> models, int samples, long seed,
      BiFunction<String, TransactionModel, OptionalDouble> tracking, @Nullable CovariateSpec covariates) {
    requireNonNull(cohort, "cohort");
    requireNonNull(models, "models");
    if (models.isEmpty() || models.stream().distinct().count() != models.size()
        || !MODELS.containsAll(models)) {
      throw new IllegalArgumentException("models must be distinct names among " + MODELS + " but were " + models);
    }
    if (cohort.customers().isEmpty()) {
      throw new IllegalArgumentException("the cohort has no customer");
    }
    double holdout = cohort.holdoutLength();
    if (!(holdout > 0)) {
      throw new IllegalArgumentException("comparing predictions needs a holdout period after the calibration");
    }
    List<PurchaseHistory.Calibration> members = new ArrayList<>(cohort.customers().values());
    int n = members.size();
    double[] actual = new double[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      actual[i] = members.get(i).holdoutDays();
      total += members.get(i).holdoutDays();
    }
    if (total == 0) {
      throw new IllegalArgumentException("no customer bought in the holdout: the aggregate error is undefined");
    }
    List<RepeatPattern> patterns = cohort.patterns().patterns();
    List<CovariatePattern> withCovariates = new ArrayList<>();
    if (covariates != null) {
      for (Map.Entry<String, PurchaseHistory.Calibration> e : cohort.customers().entrySet()) {
        Map<String, Double> z = covariates.covariates().of(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
            "customer " + e.getKey() + " of the cohort has no covariates"));
        withCovariates.add(new CovariatePattern(e.getValue().pattern(), z));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (String name : models) {
      ModelFit<? extends TransactionModel> fit;
      try {
        fit = switch (name) {
          case "bgnbd" -> BgNbd.fit(patterns);
          case "mbgnbd" -> MbgNbd.fit(patterns);
          case "ggomnbd" -> GGompertzNbd.fit(patterns);
          default -> ParetoNbd.fit(patterns);
        };
      } catch (ModelFitException | IllegalArgumentException e) {
        fit = null;
        rows.add(new Row(name, Optional.empty(), Optional.of(e.getMessage())));
      }
      if (fit != null) {
        TransactionModel m = fit.model();
        rows.add(row(name, fit, i -> m, members, holdout, actual, samples, seed, tracking.apply(name, m),
            Optional.empty()));
      }
      if (covariates == null || name.equals("mbgnbd")) {
        continue;
      }
      ModelFit<CovariateModel> full;
      try {
        full = CovariateModel.fit(ModelType.named(name), withCovariates, covariates.life(), covariates.trans(),
            covariates.constrained());
      } catch (ModelFitException e) {
        rows.add(new Row(name + "+covariates", Optional.empty(), Optional.of(e.getMessage())));
        continue;
      }
      List<TransactionModel> own = new ArrayList<>(n);
      withCovariates.forEach(p -> own.add(full.model().forCustomer(p.covariates())));
      rows.add(row(name + "+covariates", full, own::get, members, holdout, actual, samples, seed,
          OptionalDouble.empty(), fit == null ? Optional.empty() : Optional.of(LikelihoodRatio.test(fit, full))));
    }
    return new ModelComparison(n, holdout, total, rows);
  }

  /** A fitted model's row: its holdout predictions (customer i's model given by {@code model}) and their errors. */
  private static Row row(String name, ModelFit<?> fit, java.util.function.IntFunction<TransactionModel> model,
      List<PurchaseHistory.Calibration> members, double holdout, double[] actual, int samples, long seed,
      OptionalDouble tracking, Optional<LikelihoodRatio> test) {
    int n = members.size();
    double[] expected = new double[n];
    for (int i = 0; i < n; i++) {
      expected[i] = model.apply(i).expectedTransactions(members.get(i).pattern(), holdout);
    }
    Estimate mae = Bootstrap.interval(n, samples, seed, w -> weighted(expected, actual, w, false));
    Estimate rmse = Bootstrap.interval(n, samples, seed, w -> Math.sqrt(weighted(expected, actual, w, true)));
    Estimate aggregate = Bootstrap.interval(n, samples, seed, w -> aggregate(expected, actual, w));
    return new Row(name, Optional.of(new Result(fit.parameters(), fit.standardErrors(), fit.logLikelihood(),
        fit.aic(), fit.bic(), mae, rmse, aggregate, tracking)), Optional.empty(), test);
  }

  /** The weighted mean absolute (or squared) error of a resample. */
  private static double weighted(double[] expected, double[] actual, int[] weights, boolean squared) {
    double sum = 0;
    long count = 0;
    for (int i = 0; i < expected.length; i++) {
      if (weights[i] > 0) {
        double e = expected[i] - actual[i];
        sum += weights[i] * (squared ? e * e : Math.abs(e));
        count += weights[i];
      }
    }
    return sum / count;
  }

  /** (Σ expected − Σ actual) / Σ actual of a resample; undefined when it bought nothing. */
  private static double aggregate(double[] expected, double[] actual, int[] weights) {
    double e = 0;
    double a = 0;
    for (int i = 0; i < expected.length; i++) {
      e += weights[i] * expected[i];
      a += weights[i] * actual[i];
    }
    if (!(a > 0)) {
      throw new IllegalArgumentException("no holdout purchase in the resample");
    }
    return (e - a) / a;
  }
}

package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of a {@link Backtest} for one outcome: each strategy's measures, ranked. Immutable.
 *
 * @param outcome the outcome the scores were compared with
 * @param calibrationEnd the scoring instant: the last instant of the calibration period
 * @param holdoutEnd the last instant of the holdout period
 * @param customers how many customers were scored: those known by the calibration end
 * @param withOutcome how many of them had the outcome (a positive value)
 * @param total the sum of the outcome over them
 * @param newInHoldout customers first seen in the holdout, who could not be scored and are left out
 * @param samples the number of bootstrap resamples behind each interval
 * @param seed the bootstrap seed
 * @param strategies the strategies, best first (see {@link Backtest})
 * @since 0.1
 */
public record Evaluation(Outcome outcome, Instant calibrationEnd, Instant holdoutEnd, long customers,
    long withOutcome, double total, long newInHoldout, int samples, long seed, List<StrategyResult> strategies) {
  /**
   * Validates and copies the components.
   *
   * @param outcome see the class description
   * @param calibrationEnd see the class description
   * @param holdoutEnd see the class description
   * @param customers see the class description
   * @param withOutcome see the class description
   * @param total see the class description
   * @param newInHoldout see the class description
   * @param samples see the class description
   * @param seed see the class description
   * @param strategies see the class description
   * @throws NullPointerException if a component is null
   */
  public Evaluation {
    requireNonNull(outcome, "outcome");
    requireNonNull(calibrationEnd, "calibrationEnd");
    requireNonNull(holdoutEnd, "holdoutEnd");
    strategies = List.copyOf(strategies);
  }

  /**
   * Returns the result of one strategy.
   *
   * @param name the strategy name
   * @return its result, or empty if it was not evaluated
   */
  public Optional<StrategyResult> strategy(String name) {
    return strategies.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * One strategy's measures against the outcome.
   *
   * @param rank its place in the ranking, from 1
   * @param name the strategy name
   * @param family its family, such as {@code loyalty}
   * @param predictor what was compared with the outcome: {@code score}, or the name of the measure
   *     that predicts the outcome on its own scale ({@link Outcome#measure()})
   * @param auc the ROC AUC of the predictor for "had the outcome"
   * @param spearman Spearman's correlation of the predictor with the outcome
   * @param pearson Pearson's correlation of the predictor with the outcome
   * @param topDecileLift the outcome share of the top tenth by the predictor, over 0.1
   * @param brier the Brier score, when the predictor is a probability ({@code p_purchase})
   * @param counts the errors of a count predictor ({@code expected_transactions}), else empty
   * @param gains the cumulative gains curve of the predictor
   * @param reliability the reliability diagram (ten bins), when the predictor is a probability;
   *     else empty
   * @param scores the distribution of the scores (not the predictor) on 0–100 in twenty bins,
   *     for customers with and without the outcome
   * @param evidence how many of the customers the strategy had evidence for ({@link
   *     io.engagekit.scoring.Score#hasEvidence}); the others rank below every customer with
   *     evidence, tied. A strategy with none ranks no one, and its measures mean nothing.
   */
  public record StrategyResult(int rank, String name, String family, String predictor, Estimate auc,
      Estimate spearman, Estimate pearson, Estimate topDecileLift, Optional<Estimate> brier,
      Optional<CountErrors> counts, Metrics.Gains gains, List<Metrics.ReliabilityBin> reliability,
      Histogram scores, long evidence) {
    /**
     * Validates and copies the components.
     *
     * @param rank see the class description
     * @param name see the class description
     * @param family see the class description
     * @param predictor see the class description
     * @param auc see the class description
     * @param spearman see the class description
     * @param pearson see the class description
     * @param topDecileLift see the class description
     * @param brier see the class description
     * @param counts see the class description
     * @param gains see the class description
     * @param reliability see the class description
     * @param scores see the class description
     * @param evidence see the class description
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the evidence count is negative
     */
    public StrategyResult {
      if (evidence < 0) {
        throw new IllegalArgumentException("evidence must be >= 0 but was " + evidence);
      }
      requireNonNull(name, "name");
      requireNonNull(family, "family");
      requireNonNull(predictor, "predictor");
      requireNonNull(auc, "auc");
      requireNonNull(spearman, "spearman");
      requireNonNull(pearson, "pearson");
      requireNonNull(topDecileLift, "topDecileLift");
      requireNonNull(brier, "brier");
      requireNonNull(counts, "counts");
      requireNonNull(gains, "gains");
      reliability = List.copyOf(reliability);
      requireNonNull(scores, "scores");
    }
  }

  /**
   * The errors of count predictions.
   *
   * @param mae the mean absolute error
   * @param rmse the root mean squared error
   * @param trackingError (Σ predicted − Σ actual) / Σ actual: negative when the total is
   *     under-forecast
   */
  public record CountErrors(double mae, double rmse, double trackingError) {}

  /**
   * A histogram of scores on 0–100 in equal bins, split by outcome.
   *
   * @param withOutcome how many customers with the outcome score in each bin, lowest first (a
   *     score of 100 joins the last)
   * @param without how many customers without it score in each bin
   */
  public record Histogram(List<Long> withOutcome, List<Long> without) {
    /**
     * Validates and copies the components.
     *
     * @param withOutcome see the class description
     * @param without see the class description
     * @throws IllegalArgumentException if the lists differ in length or are empty
     */
    public Histogram {
      withOutcome = List.copyOf(withOutcome);
      without = List.copyOf(without);
      if (withOutcome.size() != without.size() || withOutcome.isEmpty()) {
        throw new IllegalArgumentException("the histogram's two series need the same, positive number of bins");
      }
    }
  }
}

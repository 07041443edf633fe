package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The sweep of the journey-over-touchpoint weight λ for researchers: for each λ on a grid, how well
 * λ · journey score + (1 − λ) · touchpoint score predicts an outcome measured later (a purchase, a
 * renewal, a repeat count). If journeys matter more than single touchpoints, as the source material
 * finds, the predictive power rises towards λ = 1. Thread-safe; a pure function.
 *
 * @since 0.1
 */
public final class LambdaSweep {
  private LambdaSweep() {}

  /**
   * One customer of the sweep.
   *
   * @param journeyScore their journey score, in [0, 100]
   * @param touchpointScore their touchpoint score, in [0, 100]
   * @param outcome what happened next, finite: 0 or 1, or a count or amount; the AUC compares
   *     customers with an outcome above 0 against those without
   */
  public record Subject(double journeyScore, double touchpointScore, double outcome) {
    /**
     * Validates the components.
     *
     * @param journeyScore see the class description
     * @param touchpointScore see the class description
     * @param outcome see the class description
     * @throws IllegalArgumentException if a score is outside [0, 100] or the outcome is not finite
     */
    public Subject {
      if (!(journeyScore >= 0 && journeyScore <= 100) || !(touchpointScore >= 0 && touchpointScore <= 100)) {
        throw new IllegalArgumentException("scores must be in [0, 100] but were " + journeyScore + " and "
            + touchpointScore);
      }
      if (!Double.isFinite(outcome)) {
        throw new IllegalArgumentException("the outcome must be finite but was " + outcome);
      }
    }
  }

  /**
   * How well the weighted score predicts the outcome at one λ.
   *
   * @param lambda the journeys' weight
   * @param auc the ROC AUC of the weighted score for an outcome above 0 ({@link Metrics#auc})
   * @param spearman the rank correlation of the weighted score with the outcome ({@link
   *     Metrics#spearman})
   */
  public record Point(double lambda, double auc, double spearman) {}

  /**
   * The study on a backtest: each customer known by its calibration end whom a {@code
   * journey.weighted} strategy scores (its measures {@code journey_score} and {@code
   * touchpoint_score}, as of the calibration end), against the outcome in its holdout. Customers
   * without touchpoints (no evidence) are left out; a customer whose journeys have no touchpoints
   * has their journey score as the touchpoint score.
   *
   * @param backtest a backtest holding a {@code journey.weighted} strategy named {@code strategy}
   * @param strategy the strategy's name
   * @param outcome the outcome
   * @param steps how many intervals the grid has, 1 to 1000
   * @return the subjects (for the count) and one point per λ
   * @throws IllegalArgumentException if the backtest has no such strategy, or as for {@link #sweep}
   * @since 0.2
   */
  public static Study of(Backtest backtest, String strategy, Outcome outcome, int steps) {
    requireNonNull(backtest, "backtest");
    requireNonNull(outcome, "outcome");
    if (backtest.engine.strategies().stream().noneMatch(s -> s.name().equals(strategy))) {
      throw new IllegalArgumentException("the backtest has no strategy named '" + strategy + "'");
    }
    List<Subject> subjects = new ArrayList<>();
    for (String id : backtest.customers()) {
      var score = backtest.engine.score(id, strategy, backtest.calibrationEnd);
      if (score.isEmpty() || !score.get().hasEvidence()) {
        continue;
      }
      java.util.Map<String, Double> m = score.get().measures();
      Double journey = m.get("journey_score");
      if (journey == null) {
        throw new IllegalArgumentException(strategy + " is not a journey-weighted strategy: its scores have no "
            + "journey_score measure");
      }
      subjects.add(new Subject(journey, m.getOrDefault("touchpoint_score", journey), backtest.value(outcome, id)));
    }
    return new Study(subjects.size(), sweep(subjects, steps));
  }

  /**
   * A sweep on a backtest.
   *
   * @param customers how many customers it covers
   * @param points one point per λ, in ascending order
   * @since 0.2
   */
  public record Study(int customers, List<Point> points) {
    /**
     * Copies the points.
     *
     * @param customers see the record description
     * @param points see the record description
     */
    public Study {
      points = List.copyOf(points);
    }

    /**
     * Returns the point of the highest AUC (the lowest λ among equals).
     *
     * @return the best point
     */
    public Point best() {
      Point best = points.get(0);
      for (Point p : points) {
        if (p.auc() > best.auc()) {
          best = p;
        }
      }
      return best;
    }
  }

  /**
   * Sweeps λ over 0, 1/steps, 2/steps, …, 1.
   *
   * @param subjects the customers, at least 2, with and without the outcome
   * @param steps how many intervals the grid has, 1 to 1000
   * @return one point per λ, in ascending order
   * @throws IllegalArgumentException if {@code steps} is out of range, or the subjects do not
   *     include customers with and without the outcome
   * @throws NullPointerException if {@code subjects} or a subject is null
   */
  public static List<Point> sweep(List<Subject> subjects, int steps) {
    requireNonNull(subjects, "subjects");
    if (steps < 1 || steps > 1000) {
      throw new IllegalArgumentException("the grid needs 1 to 1000 steps but was given " + steps);
    }
    int n = subjects.size();
    double[] outcome = new double[n];
    boolean[] positive = new boolean[n];
    for (int i = 0; i < n; i++) {
      Subject s = requireNonNull(subjects.get(i), "subject");
      outcome[i] = s.outcome();
      positive[i] = s.outcome() > 0;
    }
    List<Point> out = new ArrayList<>();
    double[] score = new double[n];
    for (int k = 0; k <= steps; k++) {
      double lambda = k / (double) steps;
      for (int i = 0; i < n; i++) {
        Subject s = subjects.get(i);
        score[i] = lambda * s.journeyScore() + (1 - lambda) * s.touchpointScore();
      }
      out.add(new Point(lambda, Metrics.auc(score, positive), n >= 2 ? Metrics.spearman(score, outcome) : 0));
    }
    return List.copyOf(out);
  }
}

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

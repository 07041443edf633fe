package io.engagekit.scoring;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A customer's engagement score on 0–100 with its explanation: named contributions that add up to
 * the score within {@value #TOLERANCE}.
 *
 * <p>Immutable. Equality is the record's: doubles compare as by {@link Double#compare}, so {@code
 * 0.0} and {@code -0.0} differ; compare scores from different computations with a tolerance.
 *
 * <p>A strategy that also places the customer in a category says so in the {@link #label()}: {@code
 * loyalty.rfm} labels {@code "543 champions"}, its quintile code and segment.
 *
 * @param value the score, in {@code [0, 100]}
 * @param contributions the parts, with distinct names, summing to {@code value}
 * @param label the customer's category under the strategy, if it has categories; non-blank
 * @since 0.1
 */
public record Score(double value, List<Contribution> contributions, Optional<String> label) {
  /** How far the sum of the contributions may be from the score: floating-point rounding only. */
  public static final double TOLERANCE = 1e-9;

  /** The score of a customer about whom a strategy knows nothing: 0, with no contributions. */
  public static final Score ZERO = new Score(0.0, List.of(), Optional.empty());

  /**
   * Validates the score.
   *
   * @param value see the class description
   * @param contributions see the class description
   * @param label see the class description
   * @throws IllegalArgumentException if the value is outside [0, 100] or NaN, two contributions
   *     share a name, the contributions do not add up to the value, or the label is blank
   */
  public Score {
    if (requireNonNull(label, "label").isPresent() && label.get().isBlank()) {
      throw new IllegalArgumentException("a score's label must not be blank");
    }
    if (!(value >= 0.0 && value <= 100.0)) {
      throw new IllegalArgumentException("score must be in [0, 100] but was " + value);
    }
    contributions = List.copyOf(requireNonNull(contributions, "contributions"));
    Set<String> names = new HashSet<>();
    double sum = 0.0;
    for (Contribution c : contributions) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("contribution " + c.name() + " appears twice");
      }
      sum += c.value();
    }
    if (!(Math.abs(sum - value) <= TOLERANCE)) {
      throw new IllegalArgumentException(
          "contributions must add up to the score " + value + " but add up to " + sum);
    }
  }

  /**
   * Returns a score without a label.
   *
   * @param value the score, in {@code [0, 100]}
   * @param contributions the parts, with distinct names, summing to {@code value}
   * @throws IllegalArgumentException as the canonical constructor
   */
  public Score(double value, List<Contribution> contributions) {
    this(value, contributions, Optional.empty());
  }

  /**
   * Returns this score with a label.
   *
   * @param text the customer's category, non-blank
   * @return a new score
   * @throws IllegalArgumentException if the label is blank
   */
  public Score withLabel(String text) {
    return new Score(value, contributions, Optional.of(requireNonNull(text, "text")));
  }

  /**
   * Returns the score whose value is the sum of the given contributions. A sum that lies outside
   * [0, 100] by no more than {@value #TOLERANCE} (floating-point rounding) is set to the bound.
   *
   * @param contributions the parts
   * @return the score
   * @throws IllegalArgumentException if the sum lies further outside [0, 100]
   */
  public static Score of(List<Contribution> contributions) {
    double sum = 0.0;
    for (Contribution c : requireNonNull(contributions, "contributions")) {
      sum += c.value();
    }
    double value = sum < 0 && sum >= -TOLERANCE ? 0.0 : sum > 100 && sum <= 100 + TOLERANCE ? 100.0 : sum;
    return new Score(value, contributions);
  }

  /**
   * Returns the contribution with the given name.
   *
   * @param name a contribution name
   * @return its value, or empty when this score has no such contribution
   */
  public Optional<Double> contribution(String name) {
    requireNonNull(name, "name");
    for (Contribution c : contributions) {
      if (c.name().equals(name)) {
        return Optional.of(c.value());
      }
    }
    return Optional.empty();
  }
}

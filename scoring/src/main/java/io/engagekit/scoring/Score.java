package io.engagekit.scoring;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>A strategy built on a model also reports the model's outputs in their own units as {@link
 * #measures()}, beside the score and not part of its sum: {@code loyalty.bgnbd} reports {@code
 * p_alive} (a probability) and {@code expected_transactions} (purchases over its horizon), {@code
 * loyalty.clv} the value {@code clv} in the currency of the spends.
 *
 * <p><b>No evidence.</b> A strategy that has nothing to score a customer on (no survey answer for
 * {@code satisfaction.nps}, no purchase for {@code loyalty.rfm}, a model that could not be fitted)
 * says so with {@link #noEvidence(String)}: {@link #hasEvidence()} is false and {@link #absence()}
 * gives the reason. Such a score is not a low score: its value is 0 only so that arithmetic stays
 * defined, it has no contributions, label or measures, {@link EngagementEngine#top top} does not
 * rank it, and the command line prints it as an empty cell (CSV) or {@code null} (JSON).
 *
 * @param value the score, in {@code [0, 100]}
 * @param contributions the parts, with distinct names, summing to {@code value}
 * @param label the customer's category under the strategy, if it has categories; non-blank
 * @param measures what the strategy measured, by name in its order: finite numbers in their own
 *     units, not summing to anything; empty for most strategies
 * @param absence why the strategy has no evidence for the customer (non-blank); empty when it has
 *     evidence, as every score but {@link #noEvidence}'s
 * @since 0.1
 */
public record Score(double value, List<Contribution> contributions, Optional<String> label,
    Map<String, Double> measures, Optional<String> absence) {
  /** How far the sum of the contributions may be from the score: floating-point rounding only. */
  public static final double TOLERANCE = 1e-9;

  /**
   * A score of 0 with no contributions: the strategy has evidence and it adds up to nothing. A
   * strategy that knows nothing about the customer returns {@link #noEvidence(String)} instead.
   */
  public static final Score ZERO = new Score(0.0, List.of(), Optional.empty(), Map.of());

  /**
   * Validates the score.
   *
   * @param value see the class description
   * @param contributions see the class description
   * @param label see the class description
   * @param measures see the class description
   * @param absence see the class description
   * @throws IllegalArgumentException if the value is outside [0, 100] or NaN, two contributions
   *     share a name, the contributions do not add up to the value, the label is blank, or a
   *     measure's name is blank or its value not finite; or if an absence is blank or comes with a
   *     value other than 0, contributions, a label or measures
   * @since 0.2
   */
  public Score {
    if (requireNonNull(label, "label").isPresent() && label.get().isBlank()) {
      throw new IllegalArgumentException("a score's label must not be blank");
    }
    if (requireNonNull(absence, "absence").isPresent()) {
      if (absence.get().isBlank()) {
        throw new IllegalArgumentException("the reason for no evidence must not be blank");
      }
      if (value != 0.0 || Double.doubleToRawLongBits(value) != 0 || !requireNonNull(contributions, "contributions")
          .isEmpty() || label.isPresent() || !requireNonNull(measures, "measures").isEmpty()) {
        throw new IllegalArgumentException("a score without evidence has the value 0 and no contributions, label or "
            + "measures");
      }
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
    Map<String, Double> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Double> m : requireNonNull(measures, "measures").entrySet()) {
      String name = requireNonNull(m.getKey(), "measure name");
      double v = requireNonNull(m.getValue(), () -> "measure " + name);
      if (name.isBlank()) {
        throw new IllegalArgumentException("a measure's name must not be blank");
      }
      if (!(Math.abs(v) <= Double.MAX_VALUE)) {
        throw new IllegalArgumentException("measure " + name + " must be finite but was " + v);
      }
      copy.put(name, v);
    }
    measures = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns a score with evidence.
   *
   * @param value the score, in {@code [0, 100]}
   * @param contributions the parts, with distinct names, summing to {@code value}
   * @param label the customer's category under the strategy, if it has categories; non-blank
   * @param measures what the strategy measured: finite numbers in their own units
   * @throws IllegalArgumentException as the canonical constructor
   */
  public Score(double value, List<Contribution> contributions, Optional<String> label, Map<String, Double> measures) {
    this(value, contributions, label, measures, Optional.empty());
  }

  /**
   * Returns the answer of a strategy that has nothing to score the customer on.
   *
   * @param reason why, for people: {@code "no survey answer"}, {@code "no purchase"}, or why a
   *     model could not be fitted; non-blank
   * @return a score without evidence
   * @throws IllegalArgumentException if the reason is blank
   * @since 0.2
   */
  public static Score noEvidence(String reason) {
    return new Score(0.0, List.of(), Optional.empty(), Map.of(), Optional.of(requireNonNull(reason, "reason")));
  }

  /**
   * Returns whether the strategy had evidence to score the customer on.
   *
   * @return false for {@link #noEvidence} scores
   * @since 0.2
   */
  public boolean hasEvidence() {
    return absence.isEmpty();
  }

  /**
   * Returns a score without measures.
   *
   * @param value the score, in {@code [0, 100]}
   * @param contributions the parts, with distinct names, summing to {@code value}
   * @param label the customer's category under the strategy, if it has categories; non-blank
   * @throws IllegalArgumentException as the canonical constructor
   */
  public Score(double value, List<Contribution> contributions, Optional<String> label) {
    this(value, contributions, label, Map.of());
  }

  /**
   * Returns a score without a label.
   *
   * @param value the score, in {@code [0, 100]}
   * @param contributions the parts, with distinct names, summing to {@code value}
   * @throws IllegalArgumentException as the canonical constructor
   */
  public Score(double value, List<Contribution> contributions) {
    this(value, contributions, Optional.empty(), Map.of());
  }

  /**
   * Returns this score with a label.
   *
   * @param text the customer's category, non-blank
   * @return a new score
   * @throws IllegalArgumentException if the label is blank
   */
  public Score withLabel(String text) {
    return new Score(value, contributions, Optional.of(requireNonNull(text, "text")), measures, absence);
  }

  /**
   * Returns this score with the given measures in place of its own.
   *
   * @param values the measures by name, in the order to report them: finite numbers
   * @return a new score
   * @throws IllegalArgumentException if a name is blank or a value not finite
   */
  public Score withMeasures(Map<String, Double> values) {
    return new Score(value, contributions, label, values, absence);
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
    return new Score(valueOfSum(sum), contributions);
  }

  /**
   * The value {@link #of} gives to contributions whose values add up, in order, to {@code sum}.
   * @param sum the sum of the contributions
   * @return the score value
   */
  public static double valueOfSum(double sum) {
    return sum < 0 && sum >= -TOLERANCE ? 0.0 : sum > 100 && sum <= 100 + TOLERANCE ? 100.0 : sum;
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

package io.engagekit.scoring;

import static java.util.Objects.requireNonNull;

/**
 * One named part of a {@link Score}: how much a building block, channel, kind or time bucket added
 * to it (negative when it took away).
 *
 * @param name what contributed, such as {@code recency} or {@code channel:web}; non-blank
 * @param value the points it contributed, finite
 * @since 0.1
 */
public record Contribution(String name, double value) {
  /**
   * Validates the contribution.
   *
   * @param name see the class description
   * @param value see the class description
   * @throws IllegalArgumentException if the name is blank or the value not finite
   */
  public Contribution {
    if (requireNonNull(name, "name").isBlank()) {
      throw new IllegalArgumentException("contribution name must not be blank");
    }
    if (!(Math.abs(value) <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("contribution " + name + " must be finite but was " + value);
    }
  }
}

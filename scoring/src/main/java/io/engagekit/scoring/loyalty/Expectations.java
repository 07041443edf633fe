package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.RelationshipType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What healthy contact looks like for each {@link RelationshipType}: a self-service customer who
 * never calls is not disengaged, while a dedicated-assistance customer with no contact for months is
 * a warning. {@code loyalty.decayed} and {@code composite.blocks} read a customer's expectation to
 * judge recency, frequency, cadence and channel breadth.
 *
 * <table>
 *   <caption>Default expectations</caption>
 *   <tr><th>relationship type</th><th>contact interval</th><th>channels</th><th>why</th></tr>
 *   <tr><td>dedicated personal assistance</td><td>30 days</td><td>2</td><td>a named
 *       representative is in touch at least monthly</td></tr>
 *   <tr><td>personal assistance</td><td>60 days</td><td>2</td><td>help on request: contact every
 *       month or two, in person and by one remote channel</td></tr>
 *   <tr><td>communities</td><td>14 days</td><td>2</td><td>a community lives on frequent
 *       posts</td></tr>
 *   <tr><td>co-creation</td><td>30 days</td><td>2</td><td>contributions in a monthly
 *       rhythm</td></tr>
 *   <tr><td>self-service</td><td>90 days</td><td>1</td><td>one channel, used when needed; no call
 *       is expected</td></tr>
 *   <tr><td>automated services</td><td>90 days</td><td>1</td><td>as self-service</td></tr>
 *   <tr><td>unknown (no type registered)</td><td>60 days</td><td>2</td><td>the middle of the
 *       range</td></tr>
 * </table>
 *
 * <p>The defaults are starting points drawn from what each type promises, not fitted values;
 * researchers replace them with {@link #with}. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Expectations {
  /**
   * What is expected of one relationship type.
   *
   * @param interval how long a healthy customer goes between contacts at most; positive
   * @param channels how many channels a well-engaged customer uses; 1 to 64
   */
  public record Expectation(Duration interval, int channels) {
    /**
     * Validates the expectation.
     *
     * @param interval see the class description
     * @param channels see the class description
     * @throws IllegalArgumentException if the interval is not positive or channels not in 1..64
     */
    public Expectation {
      requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("contact interval must be positive but was " + interval);
      }
      if (channels < 1 || channels > 64) {
        throw new IllegalArgumentException("expected channels must be in 1..64 but was " + channels);
      }
    }

    /**
     * The interval in seconds.
     * @return the interval in seconds
     */
    public double intervalSeconds() {
      return interval.getSeconds() + interval.getNano() / 1e9;
    }
  }

  private static final Expectations DEFAULTS;

  static {
    Map<RelationshipType, Expectation> m = new EnumMap<>(RelationshipType.class);
    m.put(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE, new Expectation(Duration.ofDays(30), 2));
    m.put(RelationshipType.PERSONAL_ASSISTANCE, new Expectation(Duration.ofDays(60), 2));
    m.put(RelationshipType.COMMUNITIES, new Expectation(Duration.ofDays(14), 2));
    m.put(RelationshipType.CO_CREATION, new Expectation(Duration.ofDays(30), 2));
    m.put(RelationshipType.SELF_SERVICE, new Expectation(Duration.ofDays(90), 1));
    m.put(RelationshipType.AUTOMATED_SERVICES, new Expectation(Duration.ofDays(90), 1));
    DEFAULTS = new Expectations(m, new Expectation(Duration.ofDays(60), 2));
  }

  private final Map<RelationshipType, Expectation> byType;
  private final Expectation unknown;

  private Expectations(Map<RelationshipType, Expectation> byType, Expectation unknown) {
    this.byType = new EnumMap<>(byType);
    this.unknown = unknown;
  }

  /**
   * Returns the documented defaults.
   *
   * @return the default expectations
   */
  public static Expectations defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another expectation for one relationship type.
   *
   * @param type the relationship type
   * @param expectation what to expect of it
   * @return new expectations
   */
  public Expectations with(RelationshipType type, Expectation expectation) {
    Map<RelationshipType, Expectation> m = new EnumMap<>(byType);
    m.put(requireNonNull(type, "type"), requireNonNull(expectation, "expectation"));
    return new Expectations(m, unknown);
  }

  /**
   * Returns a copy with another expectation for customers whose type is not known.
   *
   * @param expectation what to expect of them
   * @return new expectations
   */
  public Expectations withUnknown(Expectation expectation) {
    return new Expectations(byType, requireNonNull(expectation, "expectation"));
  }

  /**
   * Returns the expectation for a relationship type.
   *
   * @param type the type, or empty when it is not known
   * @return the expectation
   */
  public Expectation of(Optional<RelationshipType> type) {
    return requireNonNull(type, "type").map(byType::get).orElse(unknown);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Expectations && ((Expectations) o).byType.equals(byType)
        && ((Expectations) o).unknown.equals(unknown);
  }

  @Override
  public int hashCode() {
    return byType.hashCode() * 31 + unknown.hashCode();
  }

  @Override
  public String toString() {
    return "Expectations[" + byType + ", unknown=" + unknown + "]";
  }
}

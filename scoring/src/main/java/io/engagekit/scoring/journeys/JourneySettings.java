package io.engagekit.scoring.journeys;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.TouchpointKind;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How touchpoints become journeys and how journeys are judged.
 *
 * <ul>
 *   <li>{@code gap}: a customer's touchpoints without a journey id are cut into journeys where at
 *       least this long passes without contact; a journey whose last contact is at least this old
 *       at the scoring instant, without a conversion or failure, was <b>abandoned</b>. Default 7
 *       days.
 *   <li>{@code conversions}: touchpoint kinds that complete a journey. Default {@code purchase}.
 *   <li>{@code failures}: touchpoint kinds that mark a failure: a sessionized journey ends with the
 *       first one ({@code failed}, unless a conversion ends it at the same instant), and each one
 *       counts against the journey and touchpoint scores. Default {@code complaint}.
 *   <li>{@code responseTarget}: the response time a support contact should meet. Default 5 minutes.
 *   <li>{@code expectedDurations}: how long a journey of each type should take, by type; a type
 *       without one is not judged on duration. Default none.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param gap see the class description; positive
 * @param conversions see the class description
 * @param failures see the class description; disjoint from {@code conversions}
 * @param responseTarget see the class description; positive
 * @param expectedDurations see the class description; each positive
 * @since 0.1
 */
public record JourneySettings(Duration gap, Set<TouchpointKind> conversions, Set<TouchpointKind> failures,
    Duration responseTarget, Map<String, Duration> expectedDurations) {
  /** The default inactivity gap: 7 days. */
  public static final Duration DEFAULT_GAP = Duration.ofDays(7);
  /** The default response target: 5 minutes. */
  public static final Duration DEFAULT_RESPONSE_TARGET = Duration.ofMinutes(5);

  /**
   * Validates and copies the components.
   *
   * @param gap see the class description
   * @param conversions see the class description
   * @param failures see the class description
   * @param responseTarget see the class description
   * @param expectedDurations see the class description
   * @throws IllegalArgumentException if a duration is not positive or a kind is both a conversion
   *     and a failure
   * @throws NullPointerException if an argument, element, key or value is null
   */
  public JourneySettings {
    positive("gap", gap);
    positive("response target", responseTarget);
    conversions = Collections.unmodifiableSet(copy(conversions));
    failures = Collections.unmodifiableSet(copy(failures));
    for (TouchpointKind k : conversions) {
      if (failures.contains(k)) {
        throw new IllegalArgumentException("touchpoint kind " + k.code() + " cannot be both a conversion and a failure");
      }
    }
    Map<String, Duration> durations = new LinkedHashMap<>();
    requireNonNull(expectedDurations, "expectedDurations").forEach((type, d) -> {
      requireNonNull(type, "journey type");
      positive("expected duration of " + type, d);
      durations.put(type, d);
    });
    expectedDurations = Collections.unmodifiableMap(durations);
  }

  private static Set<TouchpointKind> copy(Set<TouchpointKind> kinds) {
    Set<TouchpointKind> out = EnumSet.noneOf(TouchpointKind.class);
    for (TouchpointKind k : requireNonNull(kinds, "kinds")) {
      out.add(requireNonNull(k, "kind"));
    }
    return out;
  }

  private static void positive(String what, Duration d) {
    if (requireNonNull(d, what).isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the " + what + " must be positive but was " + d);
    }
  }

  /**
   * Returns the defaults: a 7-day gap, {@code purchase} converts, {@code complaint} fails, a
   * 5-minute response target, no expected durations.
   *
   * @return the default settings
   */
  public static JourneySettings defaults() {
    return new JourneySettings(DEFAULT_GAP, EnumSet.of(TouchpointKind.PURCHASE), EnumSet.of(TouchpointKind.COMPLAINT),
        DEFAULT_RESPONSE_TARGET, Map.of());
  }

  /**
   * Returns these settings with another gap.
   *
   * @param value the inactivity gap, positive
   * @return the new settings
   */
  public JourneySettings withGap(Duration value) {
    return new JourneySettings(value, conversions, failures, responseTarget, expectedDurations);
  }

  /**
   * Returns these settings with another response target.
   *
   * @param value the response target, positive
   * @return the new settings
   */
  public JourneySettings withResponseTarget(Duration value) {
    return new JourneySettings(gap, conversions, failures, value, expectedDurations);
  }

  /**
   * Returns these settings with other expected durations.
   *
   * @param value the expected duration of each journey type
   * @return the new settings
   */
  public JourneySettings withExpectedDurations(Map<String, Duration> value) {
    return new JourneySettings(gap, conversions, failures, responseTarget, value);
  }

  /**
   * Returns these settings with other conversion and failure kinds.
   *
   * @param conversionKinds the kinds that complete a journey
   * @param failureKinds the kinds that mark a failure
   * @return the new settings
   */
  public JourneySettings withKinds(Set<TouchpointKind> conversionKinds, Set<TouchpointKind> failureKinds) {
    return new JourneySettings(gap, conversionKinds, failureKinds, responseTarget, expectedDurations);
  }
}

package io.engagekit.testkit;

import io.engagekit.core.Cadence;
import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.Customer;
import io.engagekit.core.Initiator;
import io.engagekit.core.Journey;
import io.engagekit.core.JourneyOutcome;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointBuilder;
import io.engagekit.core.TouchpointKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Seeded generators of valid domain values for property tests. Every value they make is valid; the
 * mix covers every optional field, edge values (0, the extremes of each range, years 0000 and 9999)
 * and awkward text (quotes, commas, non-ASCII). The same seed gives the same values on every JVM,
 * so a failing seed printed by a test is a complete reproduction: keep it as a named example.
 *
 * <p>{@link ScoringStrategyContract} draws its events from here; core's codec round-trip tests and
 * scoring's tests use the same class (its source lives in core's {@code src/testFixtures} and is
 * compiled into each, because neither can depend on this module, which depends on them).
 *
 * <p>Thread-safety: the methods are stateless; a {@link SplittableRandom} is not thread-safe, so
 * give each thread its own (for instance by {@link SplittableRandom#split()}).
 */
public final class Generators {
  private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");
  private static final Instant RECENT = Instant.parse("2020-01-01T00:00:00Z");
  private static final String[] AWKWARD = {
    "a,b", "say \"hi\"", "  padded ", "ünïcödé", "日本", "emoji 😀", "x", "0", "-", "'single'", "semi;colon", "tab\u00a0nbsp"
  };

  private Generators() {}

  /**
   * Returns a customer id: mostly plain, sometimes awkward text, sometimes 256 characters.
   *
   * @param r the source of randomness
   * @return a valid customer id
   */
  public static String customerId(SplittableRandom r) {
    int pick = r.nextInt(20);
    if (pick == 0) {
      return AWKWARD[r.nextInt(AWKWARD.length)];
    }
    if (pick == 1) {
      return "c".repeat(256);
    }
    return "c" + r.nextInt(100_000);
  }

  /**
   * Returns an instant: mostly within a few years of 2020, sometimes at the ends of the range.
   *
   * @param r the source of randomness
   * @return an instant between 0000-01-01 and 9999-12-31
   */
  public static Instant instant(SplittableRandom r) {
    switch (r.nextInt(20)) {
      case 0:
        return MIN;
      case 1:
        return MAX;
      case 2:
        return Instant.ofEpochSecond(
            r.nextLong(MIN.getEpochSecond(), MAX.getEpochSecond()), r.nextInt(1_000_000_000));
      case 3:
        return RECENT.plusSeconds(r.nextInt(5 * 365 * 86_400)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
      default:
        return RECENT.plusSeconds(r.nextInt(5 * 365 * 86_400)).plusMillis(r.nextInt(1000));
    }
  }

  /**
   * Returns a channel: built-in, or now and then user-defined.
   *
   * @param r the source of randomness
   * @return a channel
   */
  public static Channel channel(SplittableRandom r) {
    List<Channel> builtIns = Channel.builtIns();
    return r.nextInt(10) == 0 ? Channel.of("custom-" + r.nextInt(5)) : builtIns.get(r.nextInt(builtIns.size()));
  }

  /**
   * Returns a valid touchpoint of a random customer; each optional field is present about half the
   * time. Use {@code touchpoint(r).toBuilder().customer(id).build()} for a given customer.
   *
   * @param r the source of randomness
   * @return a valid touchpoint
   */
  public static Touchpoint touchpoint(SplittableRandom r) {
    TouchpointKind[] kinds = TouchpointKind.values();
    TouchpointBuilder b = Touchpoint.builder(customerId(r), instant(r), channel(r), kinds[r.nextInt(kinds.length)]);
    if (r.nextBoolean()) {
      List<ContentType> types = ContentType.builtIns();
      b.contentType(r.nextInt(8) == 0 ? ContentType.of("podcast") : types.get(r.nextInt(types.size())));
    }
    if (r.nextBoolean()) {
      b.cadence(Cadence.values()[r.nextInt(Cadence.values().length)]);
    }
    if (r.nextBoolean()) {
      b.initiator(Initiator.values()[r.nextInt(Initiator.values().length)]);
    }
    if (r.nextBoolean()) {
      b.value(nonNegative(r));
    }
    if (r.nextBoolean()) {
      b.reach(r.nextInt(10) == 0 ? Long.MAX_VALUE : r.nextLong(1_000_000));
    }
    if (r.nextBoolean()) {
      b.sentiment(r.nextInt(10) == 0 ? (r.nextBoolean() ? -1.0 : 1.0) : r.nextDouble(-1.0, 1.0));
    }
    if (r.nextBoolean()) {
      b.responseSeconds(nonNegative(r));
    }
    if (r.nextBoolean()) {
      b.journey("j" + r.nextInt(1000));
      if (r.nextBoolean()) {
        b.step(r.nextInt(10) == 0 ? Integer.MAX_VALUE : r.nextInt(20));
      }
    }
    if (r.nextBoolean()) {
      b.quantity(r.nextInt(100));
    }
    return b.build();
  }

  /**
   * Returns a valid survey response of a random customer: a metric, a score within its scale, and a
   * channel half the time.
   *
   * @param r the source of randomness
   * @return a valid survey response
   */
  public static SurveyResponse survey(SplittableRandom r) {
    SurveyMetric metric = SurveyMetric.values()[r.nextInt(SurveyMetric.values().length)];
    return new SurveyResponse(
        customerId(r),
        instant(r),
        metric,
        r.nextInt(metric.min(), metric.max() + 1),
        r.nextBoolean() ? Optional.of(channel(r)) : Optional.empty());
  }

  /**
   * Returns a valid customer: a relationship type and a segment, each present half the time.
   *
   * @param r the source of randomness
   * @return a valid customer
   */
  public static Customer customer(SplittableRandom r) {
    RelationshipType[] types = RelationshipType.values();
    return new Customer(
        customerId(r),
        r.nextBoolean() ? Optional.of(types[r.nextInt(types.length)]) : Optional.empty(),
        r.nextBoolean() ? Optional.of(customerId(r)) : Optional.empty(),
        Map.of());
  }

  /**
   * Returns a valid journey: finished with an end, or in progress without one.
   *
   * @param r the source of randomness
   * @return a valid journey
   */
  public static Journey journey(SplittableRandom r) {
    JourneyOutcome outcome = JourneyOutcome.values()[r.nextInt(JourneyOutcome.values().length)];
    Instant start = RECENT.plusSeconds(r.nextInt(5 * 365 * 86_400));
    Optional<Instant> end =
        outcome == JourneyOutcome.IN_PROGRESS ? Optional.empty() : Optional.of(start.plusSeconds(r.nextInt(30 * 86_400)));
    String[] types = {"open account", "return shoes", "onboarding", "claim, \"urgent\""};
    return new Journey("j" + r.nextInt(1_000_000), customerId(r), types[r.nextInt(types.length)], start, end, outcome);
  }

  private static double nonNegative(SplittableRandom r) {
    switch (r.nextInt(12)) {
      case 0:
        return 0.0;
      case 1:
        return Double.MAX_VALUE;
      case 2:
        return Double.MIN_VALUE;
      case 3:
        return r.nextDouble() * 1e-300;
      case 4:
        return Math.round(r.nextDouble() * 100_000) / 100.0;
      default:
        return r.nextDouble() * 1000;
    }
  }
}

package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.models.LifetimeValue;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.PurchaseHistory;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How the model-based loyalty strategies ({@code loyalty.bgnbd}, {@code loyalty.paretonbd},
 * {@code loyalty.clv}) read time: the zone whose calendar days count purchases (one transaction per
 * customer-day, as in the models' papers), the unit of the model's times, the horizon of the
 * expected purchases and lifetime value, and how lifetime value is discounted.
 *
 * <p>{@link #defaults()}: UTC days, weeks, a horizon of 52 weeks, lifetime value in 12 periods (of
 * 4⅓ weeks) at 1% a period. A model given to a strategy must have been fitted in {@code unit}.
 *
 * @param zone the zone of the calendar days
 * @param unit the unit of the model's times
 * @param horizon how far ahead to expect purchases, positive
 * @param periods how many equal periods lifetime value cuts the horizon into, 1 to {@value
 *     LifetimeValue#MAX_PERIODS}
 * @param discountRate the discount rate per period, finite and {@code >= 0}
 * @since 0.1
 * @serial exclude
 */
public record ModelSettings(ZoneId zone, PeriodUnit unit, Duration horizon, int periods, double discountRate)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final ModelSettings DEFAULTS =
      new ModelSettings(ZoneOffset.UTC, PeriodUnit.WEEKS, Duration.ofDays(7 * 52), 12, 0.01);

  /**
   * Validates the settings.
   *
   * @param zone see the record description
   * @param unit see the record description
   * @param horizon see the record description
   * @param periods see the record description
   * @param discountRate see the record description
   * @throws IllegalArgumentException if the horizon is not positive, or periods or the rate are
   *     out of range
   */
  public ModelSettings {
    requireNonNull(zone, "zone");
    requireNonNull(unit, "unit");
    if (requireNonNull(horizon, "horizon").isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("horizon must be positive but was " + horizon);
    }
    if (periods < 1 || periods > LifetimeValue.MAX_PERIODS) {
      throw new IllegalArgumentException(
          "periods must be in [1, " + LifetimeValue.MAX_PERIODS + "] but was " + periods);
    }
    if (!(discountRate >= 0 && discountRate <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("discount rate must be finite and >= 0 but was " + discountRate);
    }
  }

  /**
   * Returns UTC days, weeks, a 52-week horizon, and 12 periods at 1% each.
   *
   * @return the default settings
   */
  public static ModelSettings defaults() {
    return DEFAULTS;
  }

  /**
   * Returns these settings with another zone.
   *
   * @param value the zone of the calendar days
   * @return new settings
   */
  public ModelSettings withZone(ZoneId value) {
    return new ModelSettings(value, unit, horizon, periods, discountRate);
  }

  /**
   * Returns these settings with another unit.
   *
   * @param value the unit of the model's times
   * @return new settings
   */
  public ModelSettings withUnit(PeriodUnit value) {
    return new ModelSettings(zone, value, horizon, periods, discountRate);
  }

  /**
   * Returns these settings with another horizon.
   *
   * @param value how far ahead to expect purchases, positive
   * @return new settings
   * @throws IllegalArgumentException if the horizon is not positive
   */
  public ModelSettings withHorizon(Duration value) {
    return new ModelSettings(zone, unit, value, periods, discountRate);
  }

  /**
   * Returns these settings with another discounting of lifetime value.
   *
   * @param count how many equal periods to cut the horizon into
   * @param rate the discount rate per period
   * @return new settings
   * @throws IllegalArgumentException if the count or the rate are out of range
   */
  public ModelSettings withDiscounting(int count, double rate) {
    return new ModelSettings(zone, unit, horizon, count, rate);
  }

  /**
   * Summarises a customer's purchases as of an instant the way the model strategies do: x, t<sub>x</sub>
   * and T in {@link #unit()}, with T running from the first purchase day to the day of {@code asOf}
   * in {@link #zone()}, or to the last purchase day if that is later (a summary cannot forget).
   * Fitting a model on these patterns (collected with {@link
   * io.engagekit.scoring.models.RepeatPatterns}) gives the model those strategies fit on the same
   * customers.
   *
   * @param history the customer's purchase days, counted in {@link #zone()}
   * @param asOf the instant to summarise at
   * @return the summary, empty for a customer without purchases
   */
  public Optional<PurchaseHistory.Calibration> summarize(PurchaseHistory history, Instant asOf) {
    requireNonNull(asOf, "asOf");
    Optional<LocalDate> last = requireNonNull(history, "history").last();
    if (last.isEmpty()) {
      return Optional.empty();
    }
    LocalDate day = LocalDate.ofInstant(asOf, zone);
    return history.summarize(day.isAfter(last.get()) ? day : last.get(), null, unit);
  }

  /**
   * Returns the calendar day of an instant in {@link #zone()}: the day a purchase counts on.
   *
   * @param at an instant
   * @return its day
   */
  public LocalDate day(Instant at) {
    return LocalDate.ofInstant(requireNonNull(at, "at"), zone);
  }

  /**
   * Returns {@link #day} as a count of days since 1970-01-01, without allocating when the zone is a
   * fixed offset (such as the default, UTC) or its rules need no year's transitions computed.
   *
   * @param at an instant
   * @return the epoch day of its day in {@link #zone()}
   */
  public long epochDay(Instant at) {
    return epochDay(zone, at);
  }

  /** {@link #epochDay(Instant)} in any zone. */
  static long epochDay(ZoneId zone, Instant at) {
    requireNonNull(at, "at");
    // ZoneOffset.getRules() makes a new ZoneRules on every call; a region keeps its own.
    int offset = zone instanceof ZoneOffset fixed ? fixed.getTotalSeconds()
        : zone.getRules().getOffset(at).getTotalSeconds();
    return Math.floorDiv(at.getEpochSecond() + offset, 86_400L);
  }

  /** The horizon in the model's unit. */
  double horizonInUnits() {
    return unit.of(horizon);
  }
}

package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.models.DiscretePattern;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How {@code loyalty.bgbb} reads time: the zone of the calendar, the {@link CalendarPeriod} that
 * is one transaction opportunity, and the horizon in opportunities.
 *
 * <p>A customer's purchases are summarised as BG/BB's papers do (Fader, Hardie &amp; Shang 2010):
 * at most one transaction per period; x the periods with a purchase after the first, t<sub>x</sub>
 * the last of them and n the opportunities since the first, counted to the last period that has
 * ended by the end of the scoring instant's day (or to the last purchase, if later: a purchase in
 * the current, unfinished period counts, and makes that period an opportunity).
 *
 * <p>{@link #defaults()}: UTC years, a horizon of one year, as for the annual donations the model
 * was published on. Immutable.
 *
 * @param zone the zone of the calendar
 * @param period the period of one opportunity
 * @param horizon how many opportunities ahead to score, 1 to {@value DiscretePattern#MAX_PERIODS}
 * @since 0.2
 * @serial exclude
 */
public record DiscreteSettings(ZoneId zone, CalendarPeriod period, long horizon) implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final DiscreteSettings DEFAULTS = new DiscreteSettings(ZoneOffset.UTC, CalendarPeriod.YEAR, 1);

  /**
   * Validates the settings.
   *
   * @param zone see the record description
   * @param period see the record description
   * @param horizon see the record description
   * @throws IllegalArgumentException if the horizon is out of range
   */
  public DiscreteSettings {
    requireNonNull(zone, "zone");
    requireNonNull(period, "period");
    if (horizon < 1 || horizon > DiscretePattern.MAX_PERIODS) {
      throw new IllegalArgumentException("horizon must be in [1, " + DiscretePattern.MAX_PERIODS
          + "] opportunities but was " + horizon);
    }
  }

  /**
   * Returns UTC years and a horizon of one year.
   *
   * @return the default settings
   */
  public static DiscreteSettings defaults() {
    return DEFAULTS;
  }

  /**
   * Returns these settings in another zone.
   *
   * @param value the zone
   * @return the settings
   */
  public DiscreteSettings withZone(ZoneId value) {
    return new DiscreteSettings(value, period, horizon);
  }

  /**
   * Returns these settings with another period and horizon.
   *
   * @param value the period of one opportunity
   * @param opportunities the horizon, in periods of {@code value}
   * @return the settings
   * @throws IllegalArgumentException if the horizon is out of range
   */
  public DiscreteSettings withPeriod(CalendarPeriod value, long opportunities) {
    return new DiscreteSettings(zone, value, opportunities);
  }

  /**
   * Returns the index of the period an instant falls in, without allocating for a fixed-offset
   * zone.
   *
   * @param at an instant
   * @return its period's index ({@link CalendarPeriod#index})
   */
  public long periodOf(Instant at) {
    return period.index(ModelSettings.epochDay(zone, at));
  }

  /**
   * Returns the index of the last period that has ended by the end of an instant's day: the
   * scoring instant's day counts as elapsed, as it does for the continuous-time strategies, so that
   * scoring as of 31 December (any time that day) counts that year as an opportunity.
   *
   * @param asOf an instant
   * @return that period's index
   */
  public long lastEnded(Instant asOf) {
    return period.index(ModelSettings.epochDay(zone, requireNonNull(asOf, "asOf")) + 1) - 1;
  }

  /**
   * Returns the instant a period starts.
   *
   * @param index a period's index
   * @return the start of its first day in {@link #zone()}
   * @throws DateTimeException if the period lies outside the range of {@link LocalDate}
   */
  public Instant start(long index) {
    return LocalDate.ofEpochDay(period.firstDay(index)).atStartOfDay(zone).toInstant();
  }
}

package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One customer's purchases, kept as one transaction per customer-day: the input from which the
 * customer-base models' summaries are built. Records on the same day merge into one transaction
 * whose spend is their sum, as in the papers (Fader, Hardie &amp; Lee 2005 count CDNOW repeat
 * purchases per customer-day).
 *
 * <p><b>Mergeable.</b> {@link #merge} is the union of two histories: days in both are one day,
 * with their spends added. It is associative and commutative (up to the rounding of adding
 * spends), so a history can be built incrementally, in any order of events, and across shards
 * split any way at all, including shards that saw different records of the same day.
 *
 * <p><b>Why days and not only counts and sums.</b> Merging exactly needs to know which days two
 * histories share; a count of days cannot tell, so the history keeps its distinct days, sorted
 * (12 bytes a day: the day and its spend). A customer has as many entries as days on which they
 * bought, not as many as records. From the days, {@link #summarize} derives the fixed-size
 * calibration summary (x, t<sub>x</sub>, T, spends, holdout counts) for any calibration end and
 * time unit chosen afterwards.
 *
 * <p>Not thread-safe: confine a history to one thread, or merge per-thread histories.
 *
 * @since 0.1
 */
public final class PurchaseHistory {
  private int[] days = new int[2];
  private double[] spends = new double[2];
  private int size;

  /** Creates an empty history. */
  public PurchaseHistory() {}

  /**
   * Takes an event if it is a purchase: its calendar day in {@code zone} gains the purchase's value
   * (0 when it has none). This is where events become purchase days, for {@link Purchases}
   * and the Flink job.
   *
   * @param event any event
   * @param zone the zone whose calendar days count purchases
   * @return whether the event was a purchase
   * @throws ArithmeticException if the day's spend would overflow the range of a double
   */
  public boolean record(EngagementEvent event, ZoneId zone) {
    requireNonNull(zone, "zone");
    if (requireNonNull(event, "event") instanceof Touchpoint t && t.kind() == TouchpointKind.PURCHASE) {
      add(LocalDate.ofInstant(t.at(), zone), t.valueOr(0.0));
      return true;
    }
    return false;
  }

  /**
   * Adds a purchase: a new day, or more spend on a day already present.
   *
   * @param day the day of the purchase
   * @param spend its monetary value, finite and {@code >= 0} (use 0 when unknown)
   * @return this history
   * @throws IllegalArgumentException if the spend is negative or not finite
   * @throws ArithmeticException if the day's spend would overflow a double
   */
  public PurchaseHistory add(LocalDate day, double spend) {
    return add(requireNonNull(day, "day").toEpochDay(), spend);
  }

  /**
   * Adds a purchase on a day given as a count of days since 1970-01-01 ({@link LocalDate#toEpochDay}),
   * as {@link #add(LocalDate, double)} does; allocates only to grow when the day is new.
   *
   * @param epochDay the day of the purchase, within the range of an {@code int}
   * @param spend its monetary value, finite and {@code >= 0} (use 0 when unknown)
   * @return this history
   * @throws IllegalArgumentException if the day is out of range or the spend negative or not finite
   * @throws ArithmeticException if the day's spend would overflow a double
   */
  public PurchaseHistory add(long epochDay, double spend) {
    if (!(spend >= 0 && spend <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("spend must be finite and >= 0 but was " + spend);
    }
    if (epochDay != (int) epochDay) {
      throw new IllegalArgumentException("day out of range: epoch day " + epochDay);
    }
    put((int) epochDay, spend);
    return this;
  }

  /**
   * Adds another history's days to this one; the other is unchanged.
   *
   * @param other the history to merge in
   * @return this history
   * @throws ArithmeticException if a day's spend would overflow a double
   */
  public PurchaseHistory merge(PurchaseHistory other) {
    requireNonNull(other, "other");
    if (other == this) {
      for (int i = 0; i < size; i++) {
        spends[i] = checked(spends[i] + spends[i]);
      }
      return this;
    }
    int[] d = new int[size + other.size];
    double[] s = new double[d.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < size || j < other.size) {
      if (j >= other.size || (i < size && days[i] < other.days[j])) {
        d[n] = days[i];
        s[n++] = spends[i++];
      } else if (i >= size || other.days[j] < days[i]) {
        d[n] = other.days[j];
        s[n++] = other.spends[j++];
      } else {
        d[n] = days[i];
        s[n++] = checked(spends[i++] + other.spends[j++]);
      }
    }
    days = d;
    spends = s;
    size = n;
    return this;
  }

  private void put(int day, double spend) {
    int at = Arrays.binarySearch(days, 0, size, day);
    if (at >= 0) {
      spends[at] = checked(spends[at] + spend);
      return;
    }
    at = -at - 1;
    if (size == days.length) {
      days = Arrays.copyOf(days, size * 2);
      spends = Arrays.copyOf(spends, size * 2);
    }
    System.arraycopy(days, at, days, at + 1, size - at);
    System.arraycopy(spends, at, spends, at + 1, size - at);
    days[at] = day;
    spends[at] = spend;
    size++;
  }

  private static double checked(double sum) {
    if (sum > Double.MAX_VALUE) {
      throw new ArithmeticException("a day's spend overflowed the range of a double");
    }
    return sum;
  }

  /**
   * Returns the number of distinct days with a purchase.
   *
   * @return the number of days, {@code >= 0}
   */
  public int days() {
    return size;
  }

  /**
   * Returns one of the purchase days, in order.
   *
   * @param index from 0 (the first day) to {@link #days()} − 1
   * @return the day
   * @throws IndexOutOfBoundsException if the index is outside the history
   */
  public LocalDate day(int index) {
    return LocalDate.ofEpochDay(days[Objects.checkIndex(index, size)]);
  }

  /**
   * Returns the spend of one of the purchase days: the sum of that day's purchases.
   *
   * @param index from 0 (the first day) to {@link #days()} − 1
   * @return the spend, finite and {@code >= 0}
   * @throws IndexOutOfBoundsException if the index is outside the history
   */
  public double spend(int index) {
    return spends[Objects.checkIndex(index, size)];
  }

  /**
   * Returns the day of the first purchase.
   *
   * @return the first day, or empty for an empty history
   */
  public Optional<LocalDate> first() {
    return size == 0 ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(days[0]));
  }

  /**
   * Returns the day of the last purchase.
   *
   * @return the last day, or empty for an empty history
   */
  public Optional<LocalDate> last() {
    return size == 0 ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(days[size - 1]));
  }

  /**
   * Summarises the history for a calibration period that ends on {@code calibrationEnd}
   * (inclusive) and an optional holdout period after it that ends on {@code holdoutEnd}
   * (inclusive).
   *
   * <p>x counts the days after the first day up to the calibration end; t<sub>x</sub> is the time
   * from the first day to the last of those (0 when x = 0); T the time from the first day to the
   * calibration end, all in {@code unit}. Repeat spend is the spend of those x days. The holdout
   * counts are the days after the calibration end up to the holdout end (all later days without a
   * holdout end); days after the holdout end are counted in {@link Calibration#laterDays()}.
   *
   * @param calibrationEnd the last day of calibration
   * @param holdoutEnd the last day of the holdout, after the calibration end; or null for a
   *     holdout that runs to the last day of the history
   * @param unit the time unit of t<sub>x</sub> and T
   * @return the summary, or empty when the first purchase is after the calibration end (the
   *     customer is not in the calibration cohort) or the history is empty
   * @throws IllegalArgumentException if the holdout end is not after the calibration end
   */
  public Optional<Calibration> summarize(LocalDate calibrationEnd, @Nullable LocalDate holdoutEnd, PeriodUnit unit) {
    long end = requireNonNull(calibrationEnd, "calibrationEnd").toEpochDay();
    requireNonNull(unit, "unit");
    long holdout = holdoutEnd == null ? Long.MAX_VALUE : holdoutEnd.toEpochDay();
    if (holdout <= end) {
      throw new IllegalArgumentException("holdout end " + holdoutEnd + " must be after the calibration end "
          + calibrationEnd);
    }
    if (size == 0 || days[0] > end) {
      return Optional.empty();
    }
    int firstDay = days[0];
    long x = 0;
    int lastDay = firstDay;
    double repeatSpend = 0;
    long holdoutDays = 0;
    double holdoutSpend = 0;
    long later = 0;
    for (int i = 1; i < size; i++) {
      if (days[i] <= end) {
        x++;
        lastDay = days[i];
        repeatSpend += spends[i];
      } else if (days[i] <= holdout) {
        holdoutDays++;
        holdoutSpend += spends[i];
      } else {
        later++;
      }
    }
    RepeatPattern pattern = RepeatPattern.of(x, unit.of(lastDay - firstDay), unit.of(end - firstDay));
    return Optional.of(new Calibration(pattern, spends[0], checked(repeatSpend), holdoutDays,
        checked(holdoutSpend), later));
  }

  /**
   * A customer's calibration summary and holdout outcome.
   *
   * @param pattern x, t<sub>x</sub> and T in the chosen unit
   * @param firstSpend the spend of the first day (not a repeat transaction)
   * @param repeatSpend the total spend of the x repeat days in calibration
   * @param holdoutDays x*: the days with a purchase in the holdout period
   * @param holdoutSpend the spend of those days
   * @param laterDays days with a purchase after the holdout end, not counted anywhere else
   * @since 0.1
   */
  public record Calibration(RepeatPattern pattern, double firstSpend, double repeatSpend, long holdoutDays,
      double holdoutSpend, long laterDays) {
    /**
     * Validates the components.
     *
     * @param pattern see the record description
     * @param firstSpend see the record description
     * @param repeatSpend see the record description
     * @param holdoutDays see the record description
     * @param holdoutSpend see the record description
     * @param laterDays see the record description
     */
    public Calibration {
      requireNonNull(pattern, "pattern");
      if (!(firstSpend >= 0 && repeatSpend >= 0 && holdoutSpend >= 0 && firstSpend <= Double.MAX_VALUE
          && repeatSpend <= Double.MAX_VALUE && holdoutSpend <= Double.MAX_VALUE)) {
        throw new IllegalArgumentException("spends must be finite and >= 0");
      }
      if (holdoutDays < 0 || laterDays < 0) {
        throw new IllegalArgumentException("day counts must be >= 0");
      }
      if (pattern.x() == 0 && repeatSpend != 0) {
        throw new IllegalArgumentException("repeat spend must be 0 without repeat transactions");
      }
    }

    /**
     * Returns the mean spend of a repeat transaction: the input of the Gamma-Gamma spend model.
     *
     * @return repeat spend / x, or empty when x = 0
     */
    public OptionalDouble meanRepeatSpend() {
      return pattern.x() == 0 ? OptionalDouble.empty()
          : OptionalDouble.of(repeatSpend / pattern.x());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PurchaseHistory h && size == h.size
        && Arrays.equals(days, 0, size, h.days, 0, size) && Arrays.equals(spends, 0, size, h.spends, 0, size);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < size; i++) {
      h = 31 * h + days[i];
      h = 31 * h + Double.hashCode(spends[i]);
    }
    return h;
  }

  @Override
  public String toString() {
    return "PurchaseHistory[days=" + size + (size == 0 ? "" : ", first=" + LocalDate.ofEpochDay(days[0])
        + ", last=" + LocalDate.ofEpochDay(days[size - 1])) + "]";
  }
}

package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The purchase pipeline: events (or transaction rows) become per-customer {@link PurchaseHistory
 * purchase histories}, one transaction per customer-day in one zone, and those become a {@link
 * Cohort}: each customer's calibration/holdout summary and the {@link RepeatPatterns} the
 * customer-base models are fitted on. Spend is the purchases' values as given, in the one unit of
 * money the data use, everywhere along the way.
 *
 * <pre>{@code
 * Purchases purchases = new Purchases(ZoneOffset.UTC);
 * events.forEach(purchases::record);
 * Purchases.Cohort cohort = purchases.cohort(LocalDate.of(1997, 9, 30), null, PeriodUnit.WEEKS);
 * BgNbd model = BgNbd.fit(cohort.patterns().patterns()).model();
 * }</pre>
 *
 * <p>The command-line {@code fit} and {@code evaluate}, {@link
 * io.engagekit.scoring.evaluation.Backtest} and the benchmarks build their histories here; the
 * Flink job keeps one {@link PurchaseHistory} per customer in keyed state and fills it through the
 * same {@link PurchaseHistory#record}. (The model-based strategies keep theirs in a scaled unit, so
 * that a strategy state can take any valid purchase without overflowing; they summarize it the same
 * way.)
 *
 * <p>Not thread-safe: confine to one thread, or build one per shard and merge the histories.
 *
 * @since 0.2
 */
public final class Purchases {
  private final ZoneId zone;
  private final Map<String, PurchaseHistory> histories = new TreeMap<>();

  /**
   * Creates an empty pipeline.
   *
   * @param zone the zone whose calendar days count purchases
   */
  public Purchases(ZoneId zone) {
    this.zone = requireNonNull(zone, "zone");
  }

  /**
   * Returns the zone whose calendar days count purchases.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Takes an event: a purchase is added to its customer's history, anything else is ignored.
   *
   * @param event any event
   * @return whether the event was a purchase
   * @throws ArithmeticException if a day's spend would overflow the range of a double
   */
  public boolean record(EngagementEvent event) {
    PurchaseHistory h = histories.get(requireNonNull(event, "event").customer());
    if (h != null) {
      return h.record(event, zone);
    }
    h = new PurchaseHistory();
    if (h.record(event, zone)) {
      histories.put(event.customer(), h);
      return true;
    }
    return false;
  }

  /**
   * Adds one transaction row: a purchase of {@code spend} on {@code day}.
   *
   * @param customer the customer id
   * @param day the calendar day of the purchase
   * @param spend its value, finite and {@code >= 0}
   * @return this pipeline
   * @throws IllegalArgumentException if the id is not a valid customer id or the spend is negative
   *     or not finite
   */
  public Purchases add(String customer, LocalDate day, double spend) {
    Customer.checkId(requireNonNull(customer, "customer"));
    PurchaseHistory h = histories.get(customer);
    if (h == null) {
      h = new PurchaseHistory().add(day, spend); // validates before the customer is kept
      histories.put(customer, h);
    } else {
      h.add(day, spend);
    }
    return this;
  }

  /**
   * Returns every customer's history, by customer id (a live, unmodifiable view).
   *
   * @return the histories
   */
  public Map<String, PurchaseHistory> histories() {
    return Collections.unmodifiableMap(histories);
  }

  /**
   * Summarizes every customer who bought by the calibration end, in customer-id order.
   *
   * @param calibrationEnd the last day of the calibration period, inclusive
   * @param holdoutEnd the last day of the holdout period, inclusive; null for none
   * @param unit the unit of the summaries' times
   * @return the cohort
   * @throws IllegalArgumentException if the holdout does not end after the calibration period
   */
  public Cohort cohort(LocalDate calibrationEnd, @Nullable LocalDate holdoutEnd, PeriodUnit unit) {
    requireNonNull(calibrationEnd, "calibrationEnd");
    requireNonNull(unit, "unit");
    Map<String, PurchaseHistory.Calibration> members = new LinkedHashMap<>();
    RepeatPatterns patterns = new RepeatPatterns();
    long lateStarters = 0;
    long laterDays = 0;
    for (Map.Entry<String, PurchaseHistory> e : histories.entrySet()) {
      var summary = e.getValue().summarize(calibrationEnd, holdoutEnd, unit);
      if (summary.isEmpty()) {
        lateStarters++;
      } else {
        members.put(e.getKey(), summary.get());
        patterns.add(summary.get());
        laterDays += summary.get().laterDays();
      }
    }
    double holdout = holdoutEnd == null ? 0 : unit.of(holdoutEnd.toEpochDay() - calibrationEnd.toEpochDay());
    return new Cohort(Collections.unmodifiableMap(members), patterns, lateStarters, laterDays, holdout);
  }

  /**
   * The customers who bought by a calibration end, summarized.
   *
   * @param customers each member's summary, in customer-id order
   * @param patterns the members' repeat and spend patterns, what the models are fitted on
   * @param lateStarters customers whose first purchase came after the calibration end (not members)
   * @param laterDays purchase days after the holdout end, not used
   * @param holdoutLength the length of the holdout period in the summaries' unit; 0 without one
   */
  public record Cohort(Map<String, PurchaseHistory.Calibration> customers, RepeatPatterns patterns,
      long lateStarters, long laterDays, double holdoutLength) {
    /**
     * Validates the cohort.
     *
     * @param customers see the record description
     * @param patterns see the record description
     * @param lateStarters see the record description
     * @param laterDays see the record description
     * @param holdoutLength see the record description
     */
    public Cohort {
      requireNonNull(customers, "customers");
      requireNonNull(patterns, "patterns");
      if (lateStarters < 0 || laterDays < 0 || !(holdoutLength >= 0 && holdoutLength <= Double.MAX_VALUE)) {
        throw new IllegalArgumentException("counts and the holdout length must be finite and >= 0");
      }
    }
  }
}

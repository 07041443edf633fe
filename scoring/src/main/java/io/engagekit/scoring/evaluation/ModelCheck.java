package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.PurchaseHistory;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.TransactionModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The two classic checks of a customer-base model against a holdout period (Fader, Hardie &amp;
 * Lee 2005, figures 2 and 4): the weekly tracking of cumulative repeat transactions, actual
 * against expected, over calibration and holdout; and the conditional expectation of holdout
 * transactions by calibration frequency. Transactions count one per customer-day.
 *
 * <p>Immutable and thread-safe.
 *
 * @param model a description of the model, such as {@code BG/NBD}
 * @param start the first day of week 1: the earliest first purchase of the cohort
 * @param weeks the weekly tracking, from week 1 to the week that holds the holdout end
 * @param conditional holdout transactions by calibration frequency x = 0, 1, …, with the last
 *     group holding every x at or above it
 * @since 0.1
 */
public record ModelCheck(String model, LocalDate start, List<Week> weeks, List<Frequency> conditional) {
  /** The number of frequency groups of {@link #conditional()}: 0 to 6, and 7 or more. */
  public static final int FREQUENCY_GROUPS = 8;

  /**
   * Validates and copies the components.
   *
   * @param model see the class description
   * @param start see the class description
   * @param weeks see the class description
   * @param conditional see the class description
   * @throws NullPointerException if a component is null
   */
  public ModelCheck {
    requireNonNull(model, "model");
    requireNonNull(start, "start");
    weeks = List.copyOf(weeks);
    conditional = List.copyOf(conditional);
  }

  /**
   * One week of the tracking plot.
   *
   * @param week the week number, from 1
   * @param end the week's last day (or the holdout end, for a last, shorter week)
   * @param actual the repeat transactions made up to the end of the week
   * @param expected the model's expectation of that number: for each customer, E[X(t)] with t the
   *     time from their first purchase to the end of the week
   * @param holdout whether the week ends after the calibration end
   */
  public record Week(int week, LocalDate end, double actual, double expected, boolean holdout) {}

  /**
   * One group of the conditional-expectation plot.
   *
   * @param x the calibration frequency (the lowest of the last group)
   * @param atLeast whether the group holds every frequency at or above {@code x}
   * @param customers how many customers it holds
   * @param actual their mean holdout transactions
   * @param expected their mean E[Y(t) | x, t<sub>x</sub>, T] over the holdout
   */
  public record Frequency(long x, boolean atLeast, long customers, double actual, double expected) {}

  /**
   * Checks a model against the customers' purchase histories.
   *
   * @param model a description of the model, such as {@code BG/NBD}
   * @param fitted the model, fitted on the calibration period in {@code unit}
   * @param histories the customers' purchase histories (days in the zone the model was fitted in);
   *     those whose first purchase is after the calibration end are not in the cohort and are left
   *     out
   * @param calibrationEnd the last day of calibration
   * @param holdoutEnd the last day of the holdout, after the calibration end
   * @param unit the model's time unit
   * @return the check
   * @throws IllegalArgumentException if the holdout end is not after the calibration end, or no
   *     customer bought by the calibration end
   * @throws NullPointerException if an argument is null
   */
  public static ModelCheck of(String model, TransactionModel fitted, Collection<PurchaseHistory> histories,
      LocalDate calibrationEnd, LocalDate holdoutEnd, PeriodUnit unit) {
    requireNonNull(fitted, "fitted");
    requireNonNull(histories, "histories");
    requireNonNull(unit, "unit");
    if (!holdoutEnd.isAfter(requireNonNull(calibrationEnd, "calibrationEnd"))) {
      throw new IllegalArgumentException("holdout end " + holdoutEnd + " must be after the calibration end "
          + calibrationEnd);
    }
    List<PurchaseHistory> cohort = new ArrayList<>();
    List<PurchaseHistory.Calibration> summaries = new ArrayList<>();
    long start = Long.MAX_VALUE;
    for (PurchaseHistory h : histories) {
      var c = h.summarize(calibrationEnd, holdoutEnd, unit);
      if (c.isPresent()) {
        cohort.add(h);
        summaries.add(c.get());
        start = Math.min(start, h.first().orElseThrow().toEpochDay());
      }
    }
    if (cohort.isEmpty()) {
      throw new IllegalArgumentException("no customer bought on or before the calibration end " + calibrationEnd);
    }
    long end = holdoutEnd.toEpochDay();
    long calEnd = calibrationEnd.toEpochDay();
    int weekCount = (int) ((end - start) / 7 + 1);
    // Repeat purchases per day since the start, and first purchases per day, for the sums below.
    long[] repeatsOn = new long[(int) (end - start + 1)];
    long[] firstsOn = new long[repeatsOn.length];
    for (PurchaseHistory h : cohort) {
      firstsOn[(int) (h.day(0).toEpochDay() - start)]++;
      for (int i = 1; i < h.days(); i++) {
        long d = h.day(i).toEpochDay();
        if (d <= end) {
          repeatsOn[(int) (d - start)]++;
        }
      }
    }
    List<Week> weeks = new ArrayList<>();
    long actual = 0;
    int day = 0;
    for (int w = 1; w <= weekCount; w++) {
      int last = (int) Math.min(7L * w - 1, end - start);
      while (day <= last) {
        actual += repeatsOn[day++];
      }
      double expected = 0;
      for (int first = 0; first <= last; first++) {
        if (firstsOn[first] > 0) {
          expected += firstsOn[first] * fitted.expectedTransactions(unit.of(last - first));
        }
      }
      weeks.add(new Week(w, LocalDate.ofEpochDay(start + last), actual, expected, start + last > calEnd));
    }
    double holdout = unit.of(end - calEnd);
    long[] customers = new long[FREQUENCY_GROUPS];
    double[] actualSum = new double[FREQUENCY_GROUPS];
    double[] expectedSum = new double[FREQUENCY_GROUPS];
    for (PurchaseHistory.Calibration c : summaries) {
      RepeatPattern p = c.pattern();
      int g = (int) Math.min(FREQUENCY_GROUPS - 1, p.x());
      customers[g]++;
      actualSum[g] += c.holdoutDays();
      expectedSum[g] += fitted.expectedTransactions(p, holdout);
    }
    List<Frequency> conditional = new ArrayList<>();
    for (int g = 0; g < FREQUENCY_GROUPS; g++) {
      if (customers[g] > 0) {
        conditional.add(new Frequency(g, g == FREQUENCY_GROUPS - 1, customers[g], actualSum[g] / customers[g],
            expectedSum[g] / customers[g]));
      }
    }
    return new ModelCheck(model, LocalDate.ofEpochDay(start), weeks, conditional);
  }

  /**
   * Returns the tracking error at the end: (expected − actual) / actual cumulative repeat
   * transactions in the last week; negative when the model under-forecasts.
   *
   * @return the relative error, or empty when there were no repeat transactions
   */
  public java.util.OptionalDouble finalTrackingError() {
    Week last = weeks.get(weeks.size() - 1);
    if (last.actual() == 0) {
      return java.util.OptionalDouble.empty();
    }
    return java.util.OptionalDouble.of((last.expected() - last.actual()) / last.actual());
  }
}

package io.engagekit.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How many events fell on each calendar day (UTC), exactly, so that a default scoring instant can
 * be checked against the bulk of the data: a few thousand days in any real file, a few bytes each.
 *
 * <p>The rule (issue 23): with at least {@value #MIN_EVENTS} events, the latest event may serve as the
 * default as-of instant only if its day is no more than {@code max(30 days, span)} after the day
 * that 99% of the events fall on or before, where the span runs from the 1st to the 99th
 * percentile day. One event dated 2999 in a file of 1997 purchases fails it; the last days of a
 * steady log, a recent burst, or a log of a few events pass.
 */
final class EventDays {
  /** Fewer events than this are too few for a 99th percentile below the maximum: no check. */
  static final long MIN_EVENTS = 100;
  /** The least allowance beyond the bulk, in days. */
  static final long MIN_ALLOWANCE_DAYS = 30;

  private final Map<Long, long[]> counts = new HashMap<>();
  private long lastDay = Long.MIN_VALUE;
  private long[] lastCount;
  private long events;

  /** Counts one event. */
  void add(Instant at) {
    long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
    if (day != lastDay) {
      lastCount = counts.computeIfAbsent(day, d -> new long[1]);
      lastDay = day;
    }
    lastCount[0]++;
    events++;
  }

  /**
   * Says why the latest event cannot serve as the default as-of instant, or empty when it can.
   *
   * @param latest the latest event counted
   */
  Optional<String> beyondTheBulk(Instant latest) {
    if (events < MIN_EVENTS) {
      return Optional.empty();
    }
    TreeMap<Long, Long> byDay = new TreeMap<>();
    counts.forEach((day, n) -> byDay.put(day, n[0]));
    long low = percentileDay(byDay, 0.01);
    long high = percentileDay(byDay, 0.99);
    long latestDay = Math.floorDiv(latest.getEpochSecond(), 86_400L);
    long allowance = Math.max(MIN_ALLOWANCE_DAYS, high - low);
    if (latestDay - high <= allowance) {
      return Optional.empty();
    }
    long beyond = byDay.tailMap(high + allowance, false).values().stream().mapToLong(Long::longValue).sum();
    return Optional.of(String.format(java.util.Locale.ROOT, "the latest event (%s) lies %,d days after the day "
        + "99%% of the %,d events fall on or before (%s), %,d of them more than %,d days later; a default as-of "
        + "there would score everyone as of a date the data do not reach. Give --as-of (or fix the dates)",
        latest, latestDay - high, events, LocalDate.ofEpochDay(high), beyond, allowance));
  }

  /** The first day on or before which at least the fraction p of the events fall. */
  private long percentileDay(TreeMap<Long, Long> byDay, double p) {
    long need = (long) Math.ceil(p * events);
    long seen = 0;
    for (Map.Entry<Long, Long> e : byDay.entrySet()) {
      seen += e.getValue();
      if (seen >= need) {
        return e.getKey();
      }
    }
    return byDay.lastKey();
  }
}

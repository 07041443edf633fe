package io.engagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default as-of rule's edges (issue 23, item 6). */
final class EventDaysTest {
  private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

  private static Instant day(long d) {
    return START.plusSeconds(86_400L * d);
  }

  @Test
  void aSteadyLog_andARecentBurst_pass() {
    EventDays steady = new EventDays();
    for (int d = 0; d < 365; d++) {
      steady.add(day(d));
    }
    assertEquals(Optional.empty(), steady.beyondTheBulk(day(364)));

    EventDays burst = new EventDays();
    for (int i = 0; i < 1000; i++) {
      burst.add(day(i % 10));
    }
    for (int i = 0; i < 5; i++) {
      burst.add(day(39)); // 0.5% of the events, 30 days after the bulk: within the allowance
    }
    assertEquals(Optional.empty(), burst.beyondTheBulk(day(39)));
  }

  @Test
  void anOutlierFarBeyondTheBulk_isRefused_butNotBelowAHundredEvents() {
    EventDays few = new EventDays();
    for (int i = 0; i < 99; i++) {
      few.add(day(i == 98 ? 400_000 : i % 10));
    }
    assertEquals(Optional.empty(), few.beyondTheBulk(day(400_000)), "99 events: too few to judge");

    EventDays many = new EventDays();
    for (int i = 0; i < 1000; i++) {
      many.add(day(i % 100));
    }
    many.add(day(131)); // 32 days after the 99th percentile day (99): within the span of 98 days
    assertEquals(Optional.empty(), many.beyondTheBulk(day(131)));
    many.add(day(200)); // 101 days after it: beyond max(30, 98)
    Optional<String> refused = many.beyondTheBulk(day(200));
    assertTrue(refused.orElseThrow().startsWith("the latest event (2026-07-20T12:00:00Z) lies 101 days after the day"
        + " 99% of the 1,002 events fall on or before (2026-04-10), 1 of them more than 98 days later"), refused.get());
  }
}

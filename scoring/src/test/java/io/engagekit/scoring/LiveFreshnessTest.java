package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's freshness check at 100,000 customers: after a fifth of the customers buy again, the
 * live engine's scores equal those of an engine built afresh from the same events. The issue asks
 * for 99% of customers within 2 points; the live summaries are exact, so this asserts every
 * customer, to the last bit for {@code loyalty.rfm} and within 1e-9 for {@code loyalty.decayed}.
 */
final class LiveFreshnessTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static EngagementEngine engine() {
    return EngagementEngine.of(List.of(ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyDecayed()));
  }

  @Test
  void afterAFifthBuyAgain_liveScoresEqualAFreshEngines() {
    int customers = 100_000;
    SplittableRandom r = new SplittableRandom(19);
    List<EngagementEvent> events = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      for (int k = 1 + r.nextInt(3); k > 0; k--) {
        events.add(purchase(c, r.nextInt(180), r.nextInt(1, 200)));
      }
    }
    EngagementEngine live = engine();
    events.forEach(live::record);
    Instant asOf = T.plusSeconds(86_400L * 240);
    // Read once before the new purchases, as a live host would have.
    live.score("c0", "loyalty.rfm", asOf);
    live.score("c0", "loyalty.decayed", asOf);
    for (int c = 0; c < customers; c += 5) {
      Touchpoint again = purchase(c, 180 + r.nextInt(60), r.nextInt(1, 200));
      events.add(again);
      live.record(again);
    }
    EngagementEngine fresh = engine();
    events.forEach(fresh::record);
    List<EngagementEngine.Ranked> all = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      String id = "c" + c;
      Score rfm = live.score(id, "loyalty.rfm", asOf).orElseThrow();
      assertEquals(fresh.score(id, "loyalty.rfm", asOf).orElseThrow(), rfm, id);
      assertEquals(fresh.score(id, "loyalty.decayed", asOf).orElseThrow().value(),
          live.score(id, "loyalty.decayed", asOf).orElseThrow().value(), 1e-9, id);
      all.add(new EngagementEngine.Ranked(id, rfm));
    }
    // Above EngineView.PARALLEL_SCAN customers, top ranks in parallel ranges: the head of the full order.
    assertTrue(customers >= EngineView.PARALLEL_SCAN);
    all.sort(Ranking.BEST);
    assertEquals(all.subList(0, 100), live.top(100, "loyalty.rfm", asOf));
  }

  private static Touchpoint purchase(int c, int day, double value) {
    return Touchpoint.builder("c" + c, T.plusSeconds(86_400L * day + c % 86_400), Channel.WEB, TouchpointKind.PURCHASE)
        .value(value).build();
  }
}

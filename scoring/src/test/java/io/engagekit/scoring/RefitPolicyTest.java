package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.EngagementEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * Model strategies in a live engine: fitted on purpose (the first read, {@code refit}, every N
 * events, on an executor), never again inside a read; scores name the fit they used. Data: the
 * CDNOW sample (the BG/NBD paper's data), split at 1997-06-30 and 1997-09-30 (the paper's
 * calibration end).
 */
final class RefitPolicyTest {
  private static final Instant MID = Instant.parse("1997-06-30T00:00:00Z");
  private static final Instant END = Instant.parse("1997-09-30T00:00:00Z");

  private static List<EngagementEvent> until(Instant end) {
    List<EngagementEvent> events = new ArrayList<>();
    for (EngagementEvent e : CdnowEvents.purchases()) {
      if (!e.at().isAfter(end)) {
        events.add(e);
      }
    }
    return events;
  }

  private static List<EngagementEvent> between(Instant from, Instant to) {
    List<EngagementEvent> events = new ArrayList<>();
    for (EngagementEvent e : CdnowEvents.purchases()) {
      if (e.at().isAfter(from) && !e.at().isAfter(to)) {
        events.add(e);
      }
    }
    return events;
  }

  @Test
  void firstRead_fitsOnce_thenOnlyRefitMovesTheFit() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.loyaltyBgNbd()));
    until(MID).forEach(e::record);
    Map<String, Double> first = e.score("0001", "loyalty.bgnbd", MID).orElseThrow().measures();
    assertEquals(MID.getEpochSecond(), first.get("fit_as_of"));
    double customersAtMid = first.get("fit_customers");
    assertTrue(first.containsKey("fit_log_likelihood"));

    between(MID, END).forEach(e::record); // new purchases: the fit stays until refitted
    Map<String, Double> stale = e.score("0001", "loyalty.bgnbd", END).orElseThrow().measures();
    assertEquals(MID.getEpochSecond(), stale.get("fit_as_of"));
    assertEquals(first.get("fit_log_likelihood"), stale.get("fit_log_likelihood"));

    e.refit(END);
    Map<String, Double> fresh = e.score("0001", "loyalty.bgnbd", END).orElseThrow().measures();
    assertEquals(END.getEpochSecond(), fresh.get("fit_as_of"));
    assertEquals(2357.0, fresh.get("fit_customers"), "the CDNOW sample's 2,357 customers all bought by then");
    assertTrue(customersAtMid <= 2357.0);
    // The refit equals a fit by a pass on the same customers as of the same instant.
    EngagementEngine batch = EngagementEngine.of(List.of(ScoringStrategies.loyaltyBgNbd()));
    until(END).forEach(batch::record);
    assertEquals(batch.baseline("loyalty.bgnbd", END).figures(), e.baseline("loyalty.bgnbd", END).figures());
    assertEquals(batch.score("0001", "loyalty.bgnbd", END), e.score("0001", "loyalty.bgnbd", END));
  }

  @Test
  void manual_refusesReadsBeforeTheFirstRefit() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.loyaltyParetoNbd(), ScoringStrategies.loyaltyRfm()),
        RefitPolicy.manual());
    until(END).forEach(e::record);
    IllegalStateException x = assertThrows(IllegalStateException.class, () -> e.score("0001", "loyalty.paretonbd", END));
    assertEquals("strategy loyalty.paretonbd has no fitted model yet; call refit(asOf) first (the refit policy is"
        + " RefitPolicy[manual])", x.getMessage());
    assertTrue(e.score("0001", "loyalty.rfm", END).isPresent(), "other strategies are not held up");
    try (EngineView view = e.view(END)) {
      assertThrows(IllegalStateException.class, () -> view.score("0001", "loyalty.paretonbd"));
      assertTrue(view.score("0001", "loyalty.rfm").isPresent());
    }
    e.refit(END);
    assertEquals(END.getEpochSecond(), e.score("0001", "loyalty.paretonbd", END).orElseThrow().measures().get("fit_as_of"));
  }

  @Test
  void everyEvents_refitsAsOfTheLatestPurchaseDay_inTheRecordingThread() {
    List<EngagementEvent> events = until(END);
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.loyaltyBgNbd()), RefitPolicy.everyEvents(1000));
    events.subList(0, 3000).forEach(e::record);
    // Refitted after the 3,000th event, as of the start of the latest purchase day among them.
    Map<String, Double> m = e.score("0001", "loyalty.bgnbd", END).orElseThrow().measures();
    Instant latest = events.subList(0, 3000).stream().map(EngagementEvent::at).max(Instant::compareTo).orElseThrow();
    assertEquals(latest.getEpochSecond() - latest.getEpochSecond() % 86_400, m.get("fit_as_of"));
  }

  @Test
  void withExecutor_readsKeepThePreviousFitUntilTheRefitRuns() {
    Queue<Runnable> queued = new ArrayDeque<>();
    Executor later = queued::add;
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.loyaltyClv()),
        RefitPolicy.everyEvents(500).withExecutor(later));
    List<EngagementEvent> events = until(END);
    events.subList(0, 2000).forEach(e::record);
    assertEquals(1, queued.size(), "one refit at a time: later triggers wait for it");
    double before = e.score("0001", "loyalty.clv", MID).orElseThrow().measures().get("fit_as_of"); // bootstrap
    assertEquals(MID.getEpochSecond(), before);
    queued.poll().run(); // as of the latest purchase day recorded, not MID
    double after = e.score("0001", "loyalty.clv", MID).orElseThrow().measures().get("fit_as_of");
    assertNotEquals(before, after, "the executor's refit is now used");
  }

  @Test
  void aRefitThatFails_givesNoEvidenceWithTheReason_notAnException() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.loyaltyBgNbd()), RefitPolicy.manual());
    String customer = CdnowEvents.purchases().get(0).customer();
    e.record(CdnowEvents.purchases().get(0));
    assertThrows(IllegalStateException.class, () -> e.score(customer, "loyalty.bgnbd", END), "not fitted yet");
    e.refit(END);
    Score s = e.score(customer, "loyalty.bgnbd", END).orElseThrow();
    assertFalse(s.hasEvidence());
    assertTrue(s.absence().orElseThrow().startsWith("loyalty.bgnbd cannot fit BG/NBD on the 1 customers"), s.toString());
    assertEquals(s.absence(), e.baseline("loyalty.bgnbd", END).failure());
  }

  /** Regression: a view (and top through one) fitted every model strategy, so ranking RFM threw BG/NBD's failure. */
  @Test
  void rankingAnotherStrategy_neverFitsTheModel() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyBgNbd()));
    EngagementEvent only = CdnowEvents.purchases().get(0);
    e.record(only); // one customer: BG/NBD cannot be fitted
    assertEquals(1, e.top(5, "loyalty.rfm", END).size());
    try (EngineView view = e.view(END)) {
      assertTrue(view.score(only.customer(), "loyalty.rfm").isPresent());
      assertFalse(view.score(only.customer(), "loyalty.bgnbd").orElseThrow().hasEvidence());
    }
  }

  @Test
  void policies_validateAndDescribeThemselves() {
    assertThrows(IllegalArgumentException.class, () -> RefitPolicy.everyEvents(0));
    IllegalStateException x = assertThrows(IllegalStateException.class, () -> RefitPolicy.firstRead().withExecutor(Runnable::run));
    assertEquals("an executor runs event-triggered refits, but this policy has none (use everyEvents(n).withExecutor(executor))",
        x.getMessage());
    assertEquals("RefitPolicy[everyEvents=5]", RefitPolicy.everyEvents(5).toString());
    assertEquals(5, RefitPolicy.everyEvents(5).everyEvents());
    assertTrue(RefitPolicy.firstRead().onFirstRead());
  }
}

package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Customer;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link EngineView}: a consistent cut that never changes under the reader. */
final class EngineViewTest {
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant AS_OF = T.plusSeconds(86_400L * 400);
  private static final List<String> NAMES = List.of("loyalty.rfm", "loyalty.decayed", "satisfaction.nps");

  private static EngagementEngine engine() {
    return EngagementEngine.of(List.of(ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyDecayed(),
        ScoringStrategies.satisfactionNps()));
  }

  private static Touchpoint purchase(String c, int day, double value) {
    return Touchpoint.builder(c, T.plusSeconds(86_400L * day), Channel.WEB, TouchpointKind.PURCHASE).value(value).build();
  }

  @Test
  void view_doesNotChange_whileEventsAndRegistrationsArrive() {
    EngagementEngine e = engine();
    for (int i = 0; i < 300; i++) {
      e.record(purchase("c" + i % 40, i % 90, 5 + i % 11));
    }
    try (EngineView view = e.view(AS_OF)) {
      List<List<EngagementEngine.Ranked>> before = new ArrayList<>();
      for (String name : NAMES) {
        before.add(view.top(100, name));
      }
      PopulationStrategy.Baseline<?> rfm = view.baseline("loyalty.rfm");
      Score c1 = view.score("c1", "loyalty.decayed").orElseThrow();
      for (int i = 0; i < 500; i++) {
        e.record(purchase("c" + i % 60, 100 + i % 50, 50));
      }
      e.register(Customer.of("c1").withRelationship(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE));
      for (int k = 0; k < NAMES.size(); k++) {
        assertEquals(before.get(k), view.top(100, NAMES.get(k)), NAMES.get(k));
      }
      assertSame(rfm, view.baseline("loyalty.rfm"));
      assertEquals(40.0, rfm.figures().get("purchasers"));
      assertEquals(c1, view.score("c1", "loyalty.decayed").orElseThrow(), "the registration came after the view");
      assertEquals(Optional.empty(), view.score("c50", "loyalty.rfm"), "c50 came after the view");
      assertNotEquals(c1, e.score("c1", "loyalty.decayed", AS_OF).orElseThrow(), "the engine itself is fresh");
      assertEquals(60.0, e.baseline("loyalty.rfm", AS_OF).figures().get("purchasers"));
    }
  }

  @Test
  void view_equalsAFreshEngineOfTheSameEvents() {
    EngagementEngine e = engine();
    EngagementEngine same = engine();
    for (int i = 0; i < 400; i++) {
      Touchpoint p = purchase("c" + i % 70, i % 120, 1 + i % 17);
      e.record(p);
      same.record(p);
    }
    EngineView view = e.view(AS_OF);
    e.record(purchase("c0", 300, 1000));
    for (String name : NAMES) {
      assertEquals(same.top(70, name, AS_OF), view.top(70, name), name);
    }
    view.close();
    view.close(); // idempotent
    IllegalStateException closed = assertThrows(IllegalStateException.class, () -> view.score("c0", "loyalty.rfm"));
    assertEquals("this view is closed", closed.getMessage());
  }

  @Test
  void view_refusesReads_afterTheEngineIsRestructured() {
    EngagementEngine e = engine();
    e.record(purchase("a", 1, 10));
    e.record(purchase("b", 2, 10));
    EngineView view = e.view(AS_OF);
    assertTrue(view.score("a", "loyalty.rfm").isPresent());
    e.mergeCustomer("a", "b");
    IllegalStateException x = assertThrows(IllegalStateException.class, () -> view.top(3, "loyalty.rfm"));
    assertEquals("the engine was merged, restored or had customers merged after this view was taken; take a new view",
        x.getMessage());
    view.close();
  }

  @Test
  void baseline_ofAStrategyWithoutAPopulation_isRefused() {
    try (EngineView view = engine().view(AS_OF)) {
      IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
          () -> view.baseline("satisfaction.nps"));
      assertEquals("strategy satisfaction.nps is not relative to a population", x.getMessage());
      assertThrows(IllegalArgumentException.class, () -> view.top(-1, "loyalty.rfm"));
      assertThrows(IllegalArgumentException.class, () -> view.score("a", "no.such"));
    }
  }

  /**
   * An engine without live summaries stamps writes under the customer's lock, with no drain: a view
   * taken while two threads record still reads the same every time, and each score equals the
   * ranking's.
   */
  @Test
  void views_ofAnEngineWithoutSummaries_neverMove() throws InterruptedException {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.satisfactionNps(), ScoringStrategies.loyaltyAdvocacy()));
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      SplittableRandom r = new SplittableRandom(10 + t);
      Thread w = new Thread(() -> {
        for (int i = 0; i < 300_000 && !stop.get(); i++) {
          String c = "c" + r.nextInt(3_000);
          Instant at = T.plusSeconds(r.nextInt(300) * 86_400L);
          e.record(r.nextBoolean()
              ? io.engagekit.core.SurveyResponse.of(c, at, io.engagekit.core.SurveyMetric.NPS, r.nextInt(11))
              : Touchpoint.of(c, at, Channel.SOCIAL, TouchpointKind.REVIEW));
        }
      });
      writers.add(w);
      w.start();
    }
    int views = 0;
    while (writers.stream().anyMatch(Thread::isAlive) && views < 30) {
      try (EngineView view = e.view(AS_OF)) {
        for (String name : List.of("satisfaction.nps", "loyalty.advocacy")) {
          List<EngagementEngine.Ranked> all = view.top(Integer.MAX_VALUE, name);
          assertEquals(all, view.top(Integer.MAX_VALUE, name), "view " + views);
          for (int k = 0; k < all.size(); k += 97) {
            assertEquals(all.get(k).score(), view.score(all.get(k).customer(), name).orElseThrow(), "view " + views);
          }
        }
      }
      views++;
    }
    stop.set(true);
    for (Thread w : writers) {
      w.join();
    }
    assertTrue(views > 0);
  }

  /**
   * Views taken while two threads record: every view is one cut, so its RFM summary counts exactly
   * the customers and purchasers that its own states show, and reading it twice gives the same.
   */
  @Test
  void views_takenDuringConcurrentRecording_areConsistentCuts() throws InterruptedException {
    EngagementEngine e = engine();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      SplittableRandom r = new SplittableRandom(t);
      Thread w = new Thread(() -> {
        try {
          for (int i = 0; i < 200_000 && !stop.get(); i++) {
            String c = "c" + r.nextInt(5_000);
            if (r.nextInt(4) == 0) {
              e.record(Touchpoint.of(c, T.plusSeconds(r.nextInt(300) * 86_400L), Channel.WEB, TouchpointKind.VISIT));
            } else {
              e.record(purchase(c, r.nextInt(300), r.nextInt(100)));
            }
          }
        } catch (Throwable x) {
          failure.set(x);
        }
      });
      writers.add(w);
      w.start();
    }
    int views = 0;
    while (writers.stream().anyMatch(Thread::isAlive) && views < 40) {
      try (EngineView view = e.view(AS_OF)) {
        // Only purchasers have evidence under loyalty.rfm, so top ranks exactly them.
        List<EngagementEngine.Ranked> all = view.top(Integer.MAX_VALUE, "loyalty.rfm");
        PopulationStrategy.Baseline<?> c = view.baseline("loyalty.rfm");
        assertEquals((double) all.size(), c.figures().get("purchasers"), "view " + views);
        assertTrue(all.stream().allMatch(r -> r.score().value() > 0), "view " + views);
        assertEquals(all, view.top(Integer.MAX_VALUE, "loyalty.rfm"), "view " + views);
        // loyalty.decayed counts purchases as activity (issue 23): evidence for the purchasers, as RFM.
        assertEquals(c.figures().get("purchasers"), (double) view.top(Integer.MAX_VALUE, "loyalty.decayed").size(),
            "view " + views);
      }
      views++;
    }
    stop.set(true);
    for (Thread w : writers) {
      w.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    assertTrue(views > 0);
  }
}

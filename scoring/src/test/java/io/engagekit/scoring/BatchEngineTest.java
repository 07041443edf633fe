package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.simulation.Population;
import io.engagekit.scoring.simulation.SimulationSettings;
import io.engagekit.scoring.simulation.Simulator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link EngagementEngine#forBatch} keeps no live summary: every built-in strategy must score each
 * customer as a live engine does, on real purchases (the CDNOW sample, Fader, Hardie and Lee 2005)
 * and on a simulated population with surveys, journeys and registered customers.
 */
final class BatchEngineTest {
  @Test
  void everyBuiltInStrategy_scoresAsALiveEngine_onTheCdnowSample() {
    List<EngagementEvent> events = CdnowEvents.purchases();
    check(events, List.of(), Instant.parse("1997-09-30T00:00:00Z"));
  }

  @Test
  void everyBuiltInStrategy_scoresAsALiveEngine_onASimulation() {
    Population p = Simulator.simulate(SimulationSettings.of(600, 21));
    check(p.events(), p.customers(), p.calibrationEnd());
  }

  private static void check(List<EngagementEvent> events, List<Customer> customers, Instant asOf) {
    List<ScoringStrategy<?>> all = ScoringStrategies.all();
    EngagementEngine live = EngagementEngine.of(all);
    EngagementEngine batch = EngagementEngine.forBatch(all);
    for (Customer c : customers) {
      live.register(c);
      batch.register(c);
    }
    for (EngagementEvent e : events) {
      if (!e.at().isAfter(asOf)) {
        live.record(e);
        batch.record(e);
      }
    }
    assertEquals(live.customers(), batch.customers());
    int compared = 0;
    for (ScoringStrategy<?> s : all) {
      List<EngagementEngine.Ranked> ranked = live.top(live.customers(), s.name(), asOf);
      for (EngagementEngine.Ranked r : ranked) {
        Optional<Score> got = batch.score(r.customer(), s.name(), asOf);
        assertTrue(got.isPresent(), s.name() + " " + r.customer());
        assertEquals(r.score().value(), got.get().value(), 1e-9 * Math.max(1, Math.abs(r.score().value())),
            s.name() + " " + r.customer());
        compared++;
      }
      assertEquals(ranked.stream().map(EngagementEngine.Ranked::customer).toList().subList(0, Math.min(10, ranked.size())),
          batch.top(10, s.name(), asOf).stream().map(EngagementEngine.Ranked::customer).toList(), s.name() + " top 10");
    }
    assertTrue(compared > 0);
  }
}

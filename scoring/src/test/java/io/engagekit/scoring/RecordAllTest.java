package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.simulation.Population;
import io.engagekit.scoring.simulation.SimulationSettings;
import io.engagekit.scoring.simulation.Simulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link EngagementEngine#recordAll} against {@link EngagementEngine#record} of each event: for
 * seeded simulated populations (every built-in strategy, surveys, journeys), in time order, in
 * customer order (long runs of one customer) and shuffled, cut into random batches, with and without
 * a view open meanwhile, the two engines write byte-identical snapshots and count the same events.
 */
final class RecordAllTest {
  @Test
  void equalsRecordingOneByOne_overSeededPopulationsOrdersAndSplits() throws IOException {
    List<ScoringStrategy<?>> all = ScoringStrategies.all().stream().filter(RecordAllTest::snapshots).toList();
    for (long seed = 1; seed <= 12; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      Population p = Simulator.simulate(SimulationSettings.of(50 + r.nextInt(400), seed));
      List<EngagementEvent> events = new ArrayList<>(p.events());
      switch ((int) (seed % 3)) {
        case 0 -> events.sort((a, b) -> a.customer().compareTo(b.customer()));
        case 1 -> shuffle(events, r);
        default -> { } // time order
      }
      boolean batch = seed % 2 == 0;
      EngagementEngine one = batch ? EngagementEngine.forBatch(all) : EngagementEngine.of(all);
      EngagementEngine many = batch ? EngagementEngine.forBatch(all) : EngagementEngine.of(all);
      events.forEach(one::record);
      EngineView open = seed % 4 == 1 ? many.view(p.calibrationEnd()) : null;
      for (int from = 0; from < events.size(); ) {
        int to = Math.min(events.size(), from + 1 + r.nextInt(seed % 5 == 0 ? 3 : 700));
        many.recordAll(events.subList(from, to));
        from = to;
      }
      if (open != null) {
        open.close();
      }
      assertEquals(one.events(), many.events(), "seed " + seed);
      assertEquals(one.customers(), many.customers(), "seed " + seed);
      assertArrayEquals(snapshot(one), snapshot(many), "seed " + seed);
    }
  }

  @Test
  void refusesANullEvent_beforeRecordingAny() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.satisfactionNps()));
    Population p = Simulator.simulate(SimulationSettings.of(5, 3));
    List<EngagementEvent> events = new ArrayList<>(p.events().subList(0, 3));
    events.add(null);
    NullPointerException thrown = assertThrows(NullPointerException.class, () -> e.recordAll(events));
    assertEquals("events[3]", thrown.getMessage());
    assertEquals(0, e.events());
    assertEquals(0, e.customers());
  }

  @Test
  void anEmptyListRecordsNothing() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.satisfactionNps()));
    e.recordAll(List.of());
    assertEquals(0, e.events());
    assertEquals(Arrays.asList(), e.customerIds());
  }

  /** Whether a strategy's states can be written (a test may register one that cannot). */
  private static boolean snapshots(ScoringStrategy<?> s) {
    try {
      s.newState().writeTo(new java.io.DataOutputStream(java.io.OutputStream.nullOutputStream()));
      return true;
    } catch (UnsupportedOperationException | IOException e) {
      return false;
    }
  }

  private static void shuffle(List<EngagementEvent> events, SplittableRandom r) {
    for (int i = events.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      EngagementEvent t = events.get(i);
      events.set(i, events.get(j));
      events.set(j, t);
    }
  }

  private static byte[] snapshot(EngagementEngine e) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    e.snapshot(out);
    return out.toByteArray();
  }
}

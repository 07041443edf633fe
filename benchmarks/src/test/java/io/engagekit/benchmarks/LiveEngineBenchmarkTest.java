package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagekit.scoring.EngagementEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live and the pass variants of {@link LiveEngineBenchmark} measure the same scores. */
final class LiveEngineBenchmarkTest {
  @Test
  void liveAndPass_giveTheSameScoresAndRankings() {
    for (String strategy : List.of("loyalty.rfm", "loyalty.decayed")) {
      LiveEngineBenchmark live = setup(strategy, LiveEngineBenchmark.Summary.LIVE);
      LiveEngineBenchmark pass = setup(strategy, LiveEngineBenchmark.Summary.PASS);
      for (int i = 0; i < 200; i++) {
        assertEquals(pass.recordThenScore().orElseThrow().value(), live.recordThenScore().orElseThrow().value(), 1e-9,
            strategy + " read " + i);
      }
      live.record();
      pass.record();
      assertEquals(pass.recordThenView(), live.recordThenView(), strategy + " read from a view");
      List<EngagementEngine.Ranked> expected = pass.top100();
      List<EngagementEngine.Ranked> actual = live.top100();
      assertEquals(100, actual.size());
      for (int i = 0; i < 100; i++) {
        assertEquals(expected.get(i).customer(), actual.get(i).customer(), strategy + " rank " + i);
      }
      assertEquals(pass.engine.events(), live.engine.events());
    }
  }

  private static LiveEngineBenchmark setup(String strategy, LiveEngineBenchmark.Summary summary) {
    LiveEngineBenchmark b = new LiveEngineBenchmark();
    b.customers = 2_000;
    b.strategy = strategy;
    b.summary = summary;
    b.setup();
    return b;
  }
}

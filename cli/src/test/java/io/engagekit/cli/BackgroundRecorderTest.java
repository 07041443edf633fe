package io.engagekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class BackgroundRecorderTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static List<EngagementEvent> events(int n) {
    SplittableRandom r = new SplittableRandom(8);
    List<EngagementEvent> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      events.add(Touchpoint.builder("c" + r.nextInt(500), T.plusSeconds(r.nextInt(10_000_000)), Channel.WEB,
          TouchpointKind.PURCHASE).value(r.nextDouble() * 100).build());
    }
    return events;
  }

  private static byte[] snapshot(EngagementEngine engine) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    engine.snapshot(out);
    return out.toByteArray();
  }

  @Test
  void recordsInTheOrderRead_soTheEngineIsTheOneASingleThreadBuilds() throws IOException {
    // Decayed sums are sums of doubles: any reordering would show in the last bits of the snapshot.
    List<ScoringStrategy<?>> strategies = List.of(ScoringStrategies.loyaltyDecayed(), ScoringStrategies.loyaltyRfm());
    for (int n : new int[] {0, 1, 4095, 4096, 4097, 30_001}) {
      List<EngagementEvent> events = events(n);
      EngagementEngine direct = EngagementEngine.forBatch(strategies);
      events.forEach(direct::record);
      EngagementEngine background = EngagementEngine.forBatch(strategies);
      BackgroundRecorder recorder = new BackgroundRecorder(background);
      events.forEach(recorder);
      recorder.finish();
      recorder.finish(); // again: nothing
      assertEquals(n, background.events());
      assertArrayEquals(snapshot(direct), snapshot(background), n + " events");
    }
  }

  /** Refuses the event of customer "bad". */
  private static final class Refusing implements ScoringStrategy<Refusing.Nothing> {
    static final IllegalArgumentException REFUSED = new IllegalArgumentException("refused");

    @Override
    public String name() {
      return "test.refusing";
    }

    @Override
    public String family() {
      return "custom";
    }

    @Override
    public String description() {
      return "Refuses customer bad.";
    }

    @Override
    public Nothing newState() {
      return new Nothing();
    }

    @Override
    public Score score(Nothing state, Instant asOf) {
      return new Score(0, List.of());
    }

    static final class Nothing implements ScoreState<Nothing> {
      @Override
      public void accept(EngagementEvent event) {
        if (event.customer().equals("bad")) {
          throw REFUSED;
        }
      }

      @Override
      public void combine(Nothing other) {}
    }
  }

  @Test
  void anErrorInTheWorker_isThrownToTheReader_whichNeverBlocks() {
    EngagementEngine engine = EngagementEngine.forBatch(List.of(new Refusing()));
    BackgroundRecorder recorder = new BackgroundRecorder(engine);
    recorder.accept(Touchpoint.of("bad", T, Channel.WEB, TouchpointKind.VISIT));
    // Far more than the queue holds: the worker drains after the failure, and a hand-over throws.
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
      for (EngagementEvent e : events(200_000)) {
        recorder.accept(e);
      }
      recorder.finish();
    });
    assertSame(Refusing.REFUSED, thrown);
    assertSame(Refusing.REFUSED, assertThrows(RuntimeException.class, recorder::finish));
  }
}

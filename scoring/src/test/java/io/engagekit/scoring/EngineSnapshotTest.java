package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Customer;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Snapshot, restore, continue: nothing lost, nothing counted twice; damaged snapshots refused. */
final class EngineSnapshotTest {
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
  private static final List<String> NAMES = List.of("satisfaction.csat", "satisfaction.nps", "satisfaction.ces",
      "loyalty.decayed", "loyalty.rfm", "loyalty.advocacy", "composite.blocks");

  private static EngagementEngine engine() {
    return EngagementEngine.of(List.of(ScoringStrategies.satisfactionCsat(), ScoringStrategies.satisfactionNps(),
        ScoringStrategies.satisfactionCes(), ScoringStrategies.loyaltyDecayed(), ScoringStrategies.loyaltyRfm(),
        ScoringStrategies.loyaltyAdvocacy(), ScoringStrategies.compositeBlocks()));
  }

  /** Registers every fifth of customers c0..c199 with a relationship type, a segment and an attribute. */
  private static void register(EngagementEngine e) {
    for (int i = 0; i < 200; i += 5) {
      e.register(new Customer("c" + i, Optional.of(RelationshipType.values()[i % 6]), Optional.of("s" + i % 3),
          Map.of("region", i % 2 == 0 ? "north" : "", "tier", "t" + i % 4)));
    }
  }

  private static List<EngagementEvent> events(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    TouchpointKind[] kinds = {TouchpointKind.REFERRAL, TouchpointKind.REVIEW, TouchpointKind.COMPLAINT,
        TouchpointKind.COMMUNITY_POST, TouchpointKind.VISIT, TouchpointKind.PURCHASE};
    List<EngagementEvent> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String c = "c" + r.nextInt(200);
      Instant at = T.plusSeconds(r.nextInt(300 * 86_400));
      if (r.nextBoolean()) {
        SurveyMetric m = SurveyMetric.values()[r.nextInt(3)];
        events.add(SurveyResponse.of(c, at, m, r.nextInt(m.min(), m.max() + 1)));
      } else {
        events.add(Touchpoint.builder(c, at, r.nextBoolean() ? Channel.SOCIAL : Channel.WEB, kinds[r.nextInt(kinds.length)])
            .reach(r.nextInt(10_000)).value(r.nextInt(10_000) / 100.0).responseSeconds(r.nextInt(600)).build());
      }
    }
    return events;
  }

  private static byte[] snapshot(EngagementEngine e) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    e.snapshot(out);
    return out.toByteArray();
  }

  private static void assertSameScores(EngagementEngine expected, EngagementEngine actual) {
    assertEquals(expected.customers(), actual.customers());
    assertEquals(expected.events(), actual.events());
    Instant asOf = T.plus(Duration.ofDays(400));
    for (String name : NAMES) {
      assertEquals(expected.top(1000, name, asOf), actual.top(1000, name, asOf), name);
    }
    for (int i = 0; i < 200; i++) {
      assertEquals(expected.customer("c" + i), actual.customer("c" + i), "c" + i);
    }
  }

  @Test
  void snapshotRestoreContinue_equalsNeverStopping() throws IOException {
    List<EngagementEvent> first = events(1, 3000);
    List<EngagementEvent> second = events(2, 3000);
    EngagementEngine uninterrupted = engine();
    register(uninterrupted);
    first.forEach(uninterrupted::record);
    second.forEach(uninterrupted::record);

    EngagementEngine before = engine();
    register(before);
    first.forEach(before::record);
    byte[] bytes = snapshot(before);
    EngagementEngine after = engine();
    after.restore(new ByteArrayInputStream(bytes));
    assertSameScores(before, after);
    second.forEach(after::record);
    assertSameScores(uninterrupted, after);
    assertArrayEquals(bytes, snapshot(restored(bytes)), "a restored engine snapshots to the same bytes");
  }

  private static EngagementEngine restored(byte[] bytes) throws IOException {
    EngagementEngine e = engine();
    e.restore(new ByteArrayInputStream(bytes));
    return e;
  }

  /** Every truncation and every single-byte corruption is refused, and the engine keeps what it had. */
  @Test
  void damagedSnapshots_areRefused_andTheEngineIsLeftAsItWas() throws IOException {
    EngagementEngine source = engine();
    source.register(Customer.of("c5").withRelationship(RelationshipType.SELF_SERVICE).withSegment("gold"));
    events(3, 40).forEach(source::record);
    byte[] bytes = snapshot(source);

    EngagementEngine target = engine();
    events(4, 500).forEach(target::record);
    EngagementEngine reference = engine();
    events(4, 500).forEach(reference::record);

    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      IOException e = assertThrows(IOException.class, () -> target.restore(new ByteArrayInputStream(cut)), "length " + length);
      assertTrue(e.getMessage().startsWith("snapshot refused: "), e.getMessage());
    }
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < bytes.length; i++) {
      byte[] flipped = bytes.clone();
      flipped[i] ^= (byte) (1 + r.nextInt(255));
      assertThrows(IOException.class, () -> target.restore(new ByteArrayInputStream(flipped)), "byte " + i);
    }
    assertSameScores(reference, target);
    IOException truncated = assertThrows(IOException.class,
        () -> target.restore(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 3))));
    assertEquals("snapshot refused: it is truncated", truncated.getMessage());
  }

  @Test
  void foreignSnapshots_areRefusedWithTheReason() throws IOException {
    EngagementEngine npsOnly = EngagementEngine.of(List.of(ScoringStrategies.satisfactionNps()));
    npsOnly.record(SurveyResponse.of("c", T, SurveyMetric.NPS, 9));
    IOException e = assertThrows(IOException.class, () -> engine().restore(new ByteArrayInputStream(snapshot(npsOnly))));
    assertEquals("snapshot refused: the snapshot keeps [satisfaction.nps] but this engine keeps " + NAMES, e.getMessage());
    IOException junk = assertThrows(IOException.class, () -> engine().restore(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5})));
    assertEquals("snapshot refused: not an EngageKit engine snapshot", junk.getMessage());
  }

  @Test
  void strategiesWithoutSnapshotSupport_areNamedBeforeAnythingIsWritten() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.satisfactionNps(), new VisitCounter()));
    e.record(Touchpoint.of("c", T, Channel.WEB, TouchpointKind.VISIT));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    UnsupportedOperationException x = assertThrows(UnsupportedOperationException.class, () -> e.snapshot(out));
    assertEquals("cannot snapshot: strategy test.visits does not support snapshots", x.getMessage());
    assertEquals(0, out.size());
  }

  @Test
  void aSnapshotWrittenWithAnEarlierStateVersion_isReadByAStrategyThatStillReadsIt() throws IOException {
    EngagementEngine before = EngagementEngine.of(List.of(ScoringStrategies.satisfactionNps(), new VersionedCounter(1)));
    for (EngagementEvent e : events(3, 400)) {
      before.record(e);
    }
    byte[] bytes = snapshot(before);
    EngagementEngine after = EngagementEngine.of(List.of(ScoringStrategies.satisfactionNps(), new VersionedCounter(2)));
    after.restore(new ByteArrayInputStream(bytes));
    assertEquals(before.customers(), after.customers());
    for (int i = 0; i < 200; i++) {
      for (String s : List.of("satisfaction.nps", "test.counter")) {
        assertEquals(before.score("c" + i, s, T), after.score("c" + i, s, T), "c" + i + " " + s);
      }
    }
    // The other way round is refused, naming the strategy and both versions.
    byte[] newer = snapshot(after);
    IOException e = assertThrows(IOException.class, () -> before.restore(new ByteArrayInputStream(newer)));
    assertEquals("snapshot refused: strategy test.counter state version 2 is not supported; this strategy reads 1 to 1",
        e.getMessage());
  }
}

package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.internal.EngineSnapshots;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** {@link StateRecord}, the per-customer record of engine snapshots and the Flink operator. */
final class StateRecordTest {
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

  private static List<ScoringStrategy<?>> strategies() {
    return List.of(ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyDecayed(), ScoringStrategies.satisfactionNps(),
        ScoringStrategies.loyaltyAdvocacy(), new VersionedCounter(2));
  }

  private static EngagementEngine engine() {
    EngagementEngine e = EngagementEngine.of(strategies());
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 600; i++) {
      String c = "c" + r.nextInt(60);
      Instant at = T.plusSeconds(r.nextInt(200) * 86_400L);
      EngagementEvent event = r.nextInt(3) == 0 ? SurveyResponse.of(c, at, SurveyMetric.NPS, r.nextInt(11))
          : Touchpoint.builder(c, at, Channel.WEB, r.nextBoolean() ? TouchpointKind.PURCHASE : TouchpointKind.REVIEW)
              .value(r.nextInt(90)).build();
      e.record(event);
    }
    return e;
  }

  @Test
  void record_roundTrips_andReadsBackStatesThatScoreTheSame() throws IOException {
    EngagementEngine e = engine();
    Instant asOf = T.plusSeconds(300 * 86_400L);
    for (int c = 0; c < 60; c++) {
      StateRecord record = e.stateRecord("c" + c).orElseThrow();
      assertEquals(5, record.size());
      assertEquals(2, record.version(4), "each state carries its own version");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      record.write(new DataOutputStream(bytes));
      StateRecord read = StateRecord.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      assertEquals(record, read);
      ScoreState<?>[] states = read.states(strategies());
      assertEquals(record, StateRecord.of(strategies(), states));
      // The streaming writer writes the same bytes.
      ByteArrayOutputStream streamed = new ByteArrayOutputStream();
      StateRecord.write(new DataOutputStream(streamed), strategies(), states);
      assertTrue(Arrays.equals(bytes.toByteArray(), streamed.toByteArray()));
      assertEquals(e.score("c" + c, "satisfaction.nps", asOf).orElseThrow(),
          ScoringStrategies.satisfactionNps().score(cast(states[2]), asOf));
    }
    assertTrue(e.stateRecord("nobody").isEmpty());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <S extends ScoreState<S>> S cast(ScoreState state) {
    return (S) state;
  }

  @Test
  void damagedRecords_areRefused() throws IOException {
    StateRecord record = engine().stateRecord("c1").orElseThrow();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    record.write(new DataOutputStream(bytes));
    byte[] whole = bytes.toByteArray();
    for (int cut = 0; cut < whole.length; cut++) {
      byte[] truncated = Arrays.copyOf(whole, cut);
      assertThrows(IOException.class,
          () -> StateRecord.read(new DataInputStream(new ByteArrayInputStream(truncated))).states(strategies()),
          "truncated at " + cut);
    }
    IOException fewer = assertThrows(IOException.class, () -> record.states(strategies().subList(0, 4)));
    assertEquals("the record holds 5 strategies' states but 4 strategies read it", fewer.getMessage());
    // A version the strategy does not read.
    List<ScoringStrategy<?>> older = List.of(ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyDecayed(),
        ScoringStrategies.satisfactionNps(), ScoringStrategies.loyaltyAdvocacy(), new VersionedCounter(1));
    assertThrows(IOException.class, () -> record.states(older));
    // A count beyond what a record may hold.
    byte[] huge = {(byte) 0xFF, (byte) 0xFF, 0x7F};
    IOException tooMany = assertThrows(IOException.class,
        () -> StateRecord.read(new DataInputStream(new ByteArrayInputStream(huge))));
    assertEquals("a record of 2097151 states is more than the 65536 a record may hold", tooMany.getMessage());
  }

  /** Snapshots written before StateRecord (format 2: versions once in the header, states unframed) still restore. */
  @Test
  void aFormat2Snapshot_stillRestores() throws IOException {
    EngagementEngine e = engine();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    CRC32 crc = new CRC32();
    DataOutputStream data = new DataOutputStream(body);
    data.writeInt(EngineSnapshots.MAGIC);
    data.writeShort(EngineSnapshots.FORMAT_VERSION_2);
    data.writeShort(strategies().size());
    for (ScoringStrategy<?> s : strategies()) {
      data.writeUTF(s.name());
      data.writeInt(s.stateVersion());
    }
    data.writeLong(e.events());
    List<String> ids = new java.util.ArrayList<>();
    for (int c = 0; c < 60; c++) {
      ids.add("c" + c);
    }
    ids.sort(null);
    for (String id : ids) {
      StateRecord record = e.stateRecord(id).orElseThrow();
      data.writeBoolean(true);
      data.writeUTF(id);
      data.writeBoolean(false); // not registered
      for (int i = 0; i < record.size(); i++) {
        data.write(record.bytes(i));
      }
    }
    data.writeBoolean(false);
    data.flush();
    crc.update(body.toByteArray());
    data.writeLong(crc.getValue());
    EngagementEngine restored = EngagementEngine.of(strategies());
    restored.restore(new ByteArrayInputStream(body.toByteArray()));
    Instant asOf = T.plusSeconds(300 * 86_400L);
    for (String name : List.of("loyalty.rfm", "loyalty.decayed", "satisfaction.nps", "loyalty.advocacy")) {
      assertEquals(e.top(60, name, asOf), restored.top(60, name, asOf), name);
    }
    assertEquals(e.events(), restored.events());
  }
}

package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Jazzer targets for the state a host keeps (issue 22): every built-in strategy's {@code readState}
 * at every version it reads, and {@link EngagementEngine#restore} behind its checksum (the target
 * appends the CRC-32 the bytes need, so the fuzzer reaches the parser rather than the checksum).
 * Either the bytes are refused with an {@link IOException} and the engine is left as it was, or they
 * read as states that score in [0, 100], write back and read again to the same bytes. Without
 * {@code JAZZER_FUZZ=1} the corpus in {@code src/test/resources/io/engagekit/scoring/StateFuzzTestInputs/}
 * replays as tests; fuzz with {@code JAZZER_FUZZ=1 ./mvnw -pl scoring test -Dtest=StateFuzzTest}.
 */
final class StateFuzzTest {
  private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

  private static List<ScoringStrategy<?>> strategies() {
    return ScoringStrategies.all().stream().filter(s -> !s.name().startsWith("test.")).toList();
  }

  @FuzzTest(maxDuration = "60s")
  void readState(byte[] input) throws IOException {
    for (ScoringStrategy<?> strategy : strategies()) {
      for (int version = 1; version <= strategy.stateVersion(); version++) {
        check(strategy, input, version);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void check(ScoringStrategy strategy, byte[] input, int version) throws IOException {
    ScoreState<?> state;
    try {
      state = strategy.readState(new DataInputStream(new ByteArrayInputStream(input)), version);
    } catch (IOException refused) {
      assertTrue(refused.getMessage() == null || !refused.getMessage().isBlank(), strategy.name());
      return;
    }
    if (!(strategy instanceof PopulationStrategy)) {
      double v = strategy.score(state, AS_OF).value();
      assertTrue(v >= 0 && v <= 100, strategy.name() + " scored " + v);
    }
    byte[] once = bytes(state);
    assertArrayEquals(once, bytes(strategy.readState(new DataInputStream(new ByteArrayInputStream(once)))),
        strategy.name() + ": a state read back must write the same bytes");
    ((ScoreState) state).combine(strategy.newState());
  }

  private static byte[] bytes(ScoreState<?> state) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    state.writeTo(new DataOutputStream(out));
    return out.toByteArray();
  }

  @FuzzTest(maxDuration = "60s")
  void restore(byte[] input) throws IOException {
    EngagementEngine engine = EngagementEngine.forBatch(strategies());
    engine.record(io.engagekit.core.Touchpoint.of("kept", AS_OF, io.engagekit.core.Channel.WEB,
        io.engagekit.core.TouchpointKind.PURCHASE));
    byte[] before = snapshot(engine);
    CRC32 crc = new CRC32();
    crc.update(input);
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    signed.writeBytes(input);
    new DataOutputStream(signed).writeLong(crc.getValue());
    try {
      engine.restore(new ByteArrayInputStream(signed.toByteArray()));
    } catch (IOException refused) {
      assertArrayEquals(before, snapshot(engine), "a refused snapshot must leave the engine as it was");
      return;
    }
    byte[] after = snapshot(engine);
    EngagementEngine again = EngagementEngine.forBatch(strategies());
    again.restore(new ByteArrayInputStream(after));
    assertArrayEquals(after, snapshot(again), "a restored engine must snapshot to bytes that restore alike");
    assertEquals(engine.customers(), again.customers());
  }

  private static byte[] snapshot(EngagementEngine e) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    e.snapshot(out);
    return out.toByteArray();
  }
}

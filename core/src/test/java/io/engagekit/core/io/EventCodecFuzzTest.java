package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.engagekit.core.EngagementEvent;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Jazzer target for {@link EventCodec#read}: any bytes either decode to an event that encodes back to
 * the same bytes, or are refused with an {@link IOException}; nothing else may be thrown. Without
 * {@code JAZZER_FUZZ=1} it replays the corpus in {@code
 * src/test/resources/io/engagekit/core/io/EventCodecFuzzTestInputs/} as an ordinary test. Fuzz with
 * {@code JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest=EventCodecFuzzTest}.
 */
final class EventCodecFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void read(byte[] input) throws IOException {
    EngagementEvent event;
    try {
      event = EventCodec.read(new DataInputStream(new ByteArrayInputStream(input)));
    } catch (IOException refused) {
      return;
    }
    byte[] again = EventCodecTest.encode(List.of(event));
    assertEquals(event, EventCodec.read(new DataInputStream(new ByteArrayInputStream(again))));
  }
}

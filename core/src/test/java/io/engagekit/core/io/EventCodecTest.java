package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.testkit.Generators;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code read(write(e))} equals {@code e} for 500 seeded batches of touchpoints and survey answers
 * (a failing seed is printed; keep it as a named example), every truncation is refused, and invalid
 * bytes are refused with the field named.
 */
final class EventCodecTest {
  private static final int SEEDS = 500;

  @Test
  void roundTrip_isExact() throws IOException {
    for (long seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<EngagementEvent> events = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        events.add(r.nextBoolean() ? Generators.touchpoint(r) : Generators.survey(r));
      }
      byte[] bytes = encode(events);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      for (EngagementEvent e : events) {
        assertEquals(e, EventCodec.read(in), "seed " + seed);
      }
      assertEquals(-1, in.read(), "seed " + seed + ": bytes left over");
      assertArrayEquals(bytes, encode(events), "seed " + seed + ": not deterministic");
    }
  }

  @Test
  void everyTruncation_isRefused() throws IOException {
    SplittableRandom r = new SplittableRandom(7);
    for (int n = 0; n < 50; n++) {
      EngagementEvent e = n % 2 == 0 ? Generators.touchpoint(r) : Generators.survey(r);
      byte[] bytes = encode(List.of(e));
      for (int cut = 0; cut < bytes.length; cut++) {
        byte[] prefix = Arrays.copyOf(bytes, cut);
        assertThrows(IOException.class, () -> EventCodec.read(new DataInputStream(new ByteArrayInputStream(prefix))),
            "event " + n + " cut at " + cut);
      }
    }
  }

  @Test
  void invalidBytes_areRefused_namingTheField() throws IOException {
    SurveyResponse nps = SurveyResponse.of("c-1", Instant.parse("2026-03-01T00:00:00Z"), SurveyMetric.NPS, 9);
    byte[] bytes = encode(List.of(nps));
    // The answer is the int before the channel flag: 11 is off the NPS scale.
    bytes[bytes.length - 2] = 11;
    IOException e = assertThrows(IOException.class, () -> decode(bytes));
    assertTrue(e.getMessage().contains("score"), e.getMessage());

    byte[] tag = encode(List.of(nps));
    tag[0] = 9;
    assertTrue(assertThrows(IOException.class, () -> decode(tag)).getMessage().contains("unknown event tag 9"));

    Touchpoint t = Touchpoint.of("c-1", Instant.parse("2026-03-01T00:00:00Z"), Channel.WEB, TouchpointKind.VISIT);
    byte[] flags = encode(List.of(t));
    flags[flags.length - 2] = (byte) 0x80; // an optional-field flag no layout defines
    assertTrue(assertThrows(IOException.class, () -> decode(flags)).getMessage().contains("flags"));

    assertTrue(assertThrows(IOException.class, () -> EventCodec.read(
        new DataInputStream(new ByteArrayInputStream(encode(List.of(t)))), 2)).getMessage().contains("layout 2"));
  }

  static byte[] encode(List<EngagementEvent> events) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    for (EngagementEvent e : events) {
      EventCodec.write(e, out);
    }
    return bytes.toByteArray();
  }

  private static EngagementEvent decode(byte[] bytes) throws IOException {
    return EventCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)));
  }
}

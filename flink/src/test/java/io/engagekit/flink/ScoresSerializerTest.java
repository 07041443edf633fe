package io.engagekit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Scores travel through Flink with their evidence: a no-evidence score stays one (issue 23). */
final class ScoresSerializerTest {
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void noEvidence_labelAndPlainScores_roundTrip() throws IOException {
    Map<String, Score> scores = new LinkedHashMap<>();
    scores.put("satisfaction.nps", Score.noEvidence("no NPS answer"));
    scores.put("loyalty.rfm", new Score(40, List.of(new Contribution("recency", 40))).withLabel("311 at risk"));
    scores.put("loyalty.decayed", Score.ZERO);
    CustomerScores record = new CustomerScores("c1", T, CustomerScores.Cause.REQUEST, 3, scores);
    DataOutputSerializer out = new DataOutputSerializer(64);
    Serializers.Scores.INSTANCE.serialize(record, out);
    CustomerScores back = Serializers.Scores.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    assertEquals(record, back);
    assertEquals(false, back.score("satisfaction.nps").hasEvidence());
  }

  /** Bytes written before issue 23 (a boolean label flag) read as before; an unknown flag is refused. */
  @Test
  void scoresWrittenBeforeNoEvidence_readAlike_andUnknownFlagsAreRefused() throws IOException {
    DataOutputSerializer old = new DataOutputSerializer(64);
    old.writeDouble(0.0);
    Codecs.writeVarLong(old, 0);
    old.writeBoolean(false);
    Codecs.writeVarLong(old, 0);
    assertEquals(Score.ZERO, Codecs.readScore(new DataInputDeserializer(old.getCopyOfBuffer())));

    byte[] bytes = old.getCopyOfBuffer();
    bytes[9] = 3; // the flag byte after the value (8 bytes) and the contribution count (1 byte)
    IOException e = assertThrows(IOException.class, () -> Codecs.readScore(new DataInputDeserializer(bytes)));
    assertEquals("invalid score: label flag 3", e.getMessage());
  }
}

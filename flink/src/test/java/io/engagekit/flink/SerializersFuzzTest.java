package io.engagekit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Jazzer target for the Flink serializers (issue 22): the bytes a savepoint or a network buffer
 * hands each of the job's serializers (customer state, purchase histories, events, score requests,
 * scores, alerts, repeat patterns) are either refused with an {@link IOException} or read as a value
 * that writes and reads back equal. Without {@code JAZZER_FUZZ=1} the corpus in {@code
 * src/test/resources/io/engagekit/flink/SerializersFuzzTestInputs/} replays as tests; fuzz with
 * {@code JAZZER_FUZZ=1 ./mvnw -pl flink test -Dtest=SerializersFuzzTest}.
 */
final class SerializersFuzzTest {
  private static List<ScoringStrategy<?>> strategies() {
    return List.of(ScoringStrategies.satisfactionNps(), ScoringStrategies.loyaltyAdvocacy(),
        ScoringStrategies.loyaltyRfm(), ScoringStrategies.compositeBlocks());
  }

  private static final List<TypeSerializer<?>> SERIALIZERS = List.of(
      CustomerStateSerializer.of(SerializersFuzzTest::strategies, strategies()),
      PurchaseHistorySerializer.INSTANCE, Serializers.Events.INSTANCE, Serializers.Requests.INSTANCE,
      Serializers.Scores.INSTANCE, Serializers.Alerts.INSTANCE, Serializers.Patterns.INSTANCE);

  @FuzzTest(maxDuration = "60s")
  void deserialize(byte[] input) throws IOException {
    for (TypeSerializer<?> serializer : SERIALIZERS) {
      check(serializer, input);
    }
  }

  private static <T> void check(TypeSerializer<T> serializer, byte[] input) throws IOException {
    T value;
    try {
      value = serializer.deserialize(new DataInputDeserializer(input));
    } catch (IOException refused) {
      return;
    }
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(value, out);
    byte[] once = out.getCopyOfBuffer();
    T again = serializer.deserialize(new DataInputDeserializer(once));
    DataOutputSerializer out2 = new DataOutputSerializer(64);
    serializer.serialize(again, out2);
    assertEquals(java.util.Arrays.toString(once), java.util.Arrays.toString(out2.getCopyOfBuffer()),
        serializer.getClass().getSimpleName() + ": a value read must write and read back alike");
  }
}

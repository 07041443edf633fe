package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.engagekit.core.io.Format;
import io.engagekit.core.io.ReadOptions;
import io.engagekit.core.io.RowReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer targets for the models' inputs: the BG/BB pattern file ({@link DiscretePattern#SCHEMA})
 * and fitted-model JSON ({@link ModelJson}). Without {@code JAZZER_FUZZ=1} they replay the corpus in
 * {@code src/test/resources/io/engagekit/scoring/models/ModelInputsFuzzTestInputs/}. The pattern
 * reader may only accept rows, reject them (each once, lines increasing) or refuse a bad header; the
 * JSON reader may only return a model whose write reads back equal, or refuse with {@link
 * IllegalArgumentException}. Fuzz with {@code JAZZER_FUZZ=1 ./mvnw -pl scoring test
 * -Dtest=ModelInputsFuzzTest}.
 */
final class ModelInputsFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void bgbbPatternsCsv(byte[] input) throws IOException {
    String text = new String(input, StandardCharsets.UTF_8);
    long[] rejects = {0, 0};
    try (RowReader<DiscretePattern> r = DiscretePattern.SCHEMA.reader(new StringReader(text), Format.CSV,
        ReadOptions.lenient().withMaxLineLength(4096), reject -> {
          assertTrue(reject.line() > rejects[1], "reject lines must increase: " + reject);
          rejects[1] = reject.line();
          rejects[0]++;
        })) {
      long accepted = 0;
      while (r.hasNext()) {
        assertNotNull(r.next());
        accepted++;
      }
      assertEquals(accepted, r.stats().accepted());
      assertEquals(rejects[0], r.stats().rejected());
    } catch (IllegalArgumentException badHeader) {
      assertTrue(badHeader.getMessage().startsWith("line ") || badHeader.getMessage().startsWith("input"),
          badHeader.getMessage());
    }
  }

  @FuzzTest(maxDuration = "30s")
  void fittedModelJson(byte[] input) throws IOException {
    FittedModel model;
    try {
      model = ModelJson.read(new StringReader(new String(input, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException refused) {
      assertNotNull(refused.getMessage());
      return;
    }
    StringWriter again = new StringWriter();
    ModelJson.write(model, again);
    assertEquals(model, ModelJson.read(new StringReader(again.toString())));
  }
}

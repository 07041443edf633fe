package io.engagekit.core.io;

import static io.engagekit.core.io.CsvReaderTest.lines;
import static io.engagekit.core.io.CsvReaderTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Touchpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class JsonLinesReaderTest {
  private static final String OK = "{\"customer\":\"c1\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"channel\":\"web\",\"kind\":\"visit\"";

  @Test
  void read_validRows_withNumbersAndNullOptionals() throws IOException {
    List<Reject> rejects = new ArrayList<>();
    List<Touchpoint> out = read(Schema.TOUCHPOINTS, Format.JSON_LINES,
        OK + ",\"value\":12.5,\"reach\":3,\"step\":null,\"sentiment\":-1}\n" + OK + ",\"value\":1e2}\n", rejects);
    assertEquals(List.of(), rejects);
    assertEquals(12.5, out.get(0).value().getAsDouble());
    assertEquals(3, out.get(0).reach().getAsLong());
    assertEquals(100.0, out.get(1).value().getAsDouble());
  }

  @Test
  void read_strictJackson_rejectsEachProblemOnItsLine() throws IOException {
    String jsonl = String.join("\n",
        OK + "}",                                                   // 1 ok
        OK + ",\"customer\":\"c2\"}",                                // 2 duplicate key
        OK + "} {}",                                                // 3 trailing tokens
        OK + ",\"value\":NaN}",                                     // 4 non-finite
        OK + ",\"value\":\"3\"}",                                   // 5 number as string
        OK.replace("\"c1\"", "null") + "}",                         // 6 null required
        "{\"timestamp\":\"2026-03-01\",\"channel\":\"web\",\"kind\":\"visit\"}", // 7 missing required
        OK + ",\"vlaue\":3}",                                       // 8 unknown field
        OK + ",\"value\":{\"a\":1}}",                               // 9 nested
        OK + ",\"reach\":1.5}",                                     // 10 integer field as float
        OK + ",\"reach\":99999999999999999999999}",                 // 11 out of long range
        "[1,2]",                                                    // 12 not an object
        OK,                                                         // 13 truncated
        OK + ",\"value\":-0.5}",                                    // 14 negative
        OK + ",\"value\":1e400}",                                   // 15 overflow to infinity
        OK + ",\"value\":01}",                                      // 16 leading zero
        "// comment",                                               // 17 comment
        OK + ",\"value\":true}") + "\n";                            // 18 boolean
    List<Reject> rejects = new ArrayList<>();
    assertEquals(1, read(Schema.TOUCHPOINTS, Format.JSON_LINES, jsonl, rejects).size());
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L), lines(rejects));
    assertTrue(rejects.get(0).reason().contains("Duplicate field 'customer'"), rejects.get(0).reason());
    assertEquals("row has content after the JSON object", rejects.get(1).reason());
    assertEquals(Optional.of("value"), rejects.get(3).field());
    assertEquals("must be a JSON number but was a string", rejects.get(3).reason());
    assertEquals("line 6: customer is required but was null", rejects.get(4).toString());
    assertEquals("line 7: customer is required but was absent", rejects.get(5).toString());
    assertTrue(rejects.get(6).reason().startsWith("row has unknown field 'vlaue'"), rejects.get(6).reason());
    assertEquals("must be a JSON integer but was a number", rejects.get(8).reason());
    assertEquals(Optional.of("reach"), rejects.get(9).field());
    assertEquals("must be a finite number but was '1e400'", rejects.get(13).reason());
  }

  @Test
  void read_deepNestingAndHugeNumbers_areBoundedByConstraints() throws IOException {
    List<Reject> rejects = new ArrayList<>();
    read(Schema.TOUCHPOINTS, Format.JSON_LINES,
        OK + ",\"value\":" + "[".repeat(10_000) + "}\n" + OK + ",\"value\":1" + "0".repeat(1000) + "}\n", rejects);
    assertEquals(List.of(1L, 2L), lines(rejects));
  }
}

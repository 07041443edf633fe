package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagekit.core.io.Format;
import io.engagekit.core.io.ReadOptions;
import io.engagekit.core.io.Reject;
import io.engagekit.core.io.RowReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The BG/BB pattern file, read by the library's validated readers with rejects by line and field. */
final class DiscretePatternSchemaTest {
  @Test
  void rows_andRejects() throws IOException {
    // Issue 22: periods of 3,000,000,000 made fit bgbb run out of memory; they are a reject now.
    String csv = "weights,frequency,recency,periods\n10,0,0,6\n7,3,2,6\nx,1,1,6\n5,1,1,6\n1,0,0,3000000000\n";
    List<Reject> rejects = new ArrayList<>();
    List<DiscretePattern> rows = new ArrayList<>();
    try (RowReader<DiscretePattern> r = DiscretePattern.SCHEMA.reader(new StringReader(csv), Format.CSV,
        ReadOptions.lenient(), rejects::add)) {
      r.forEachRemaining(rows::add);
    }
    assertEquals(List.of(new DiscretePattern(0, 0, 6, 10), new DiscretePattern(1, 1, 6, 5)), rows);
    assertEquals(List.of(
        new Reject(3, Optional.of("recency"), "must be in [frequency = 3, periods = 6] but was 2"),
        new Reject(4, Optional.of("weights"), "must be an integer but was 'x'"),
        new Reject(6, Optional.of("periods"), "must be in [0, 100000] but was 3000000000")), rejects);
  }
}

package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagekit.core.Touchpoint;
import io.engagekit.core.io.RowReader;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every benchmark variant reads what it claims: all rows accepted, so it measures the real path. */
final class ReaderBenchmarkTest {
  @ParameterizedTest
  @EnumSource(ReaderBenchmark.Input.class)
  void read_everyVariant_acceptsEveryRow(ReaderBenchmark.Input input) throws IOException {
    String text = ReaderBenchmark.text(input, new SplittableRandom(42), 2_000);
    long n = 0;
    try (RowReader<Touchpoint> rows = ReaderBenchmark.reader(input, text)) {
      while (rows.hasNext()) {
        rows.next();
        n++;
      }
      assertEquals(2_000, rows.stats().accepted());
      assertEquals(0, rows.stats().rejected());
    }
    assertEquals(2_000, n);
  }
}

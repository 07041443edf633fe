package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagekit.testkit.Generators;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code read(write(x))} equals {@code x} for every valid value, in both canonical formats: 500
 * seeded batches of 20 values for each schema. A failing seed is printed; keep it as a named
 * example below.
 */
final class RoundTripPropertyTest {
  private static final int SEEDS = 500;
  private static final int BATCH = 20;

  @Test
  void touchpoints_roundTrip() throws IOException {
    check(Schema.TOUCHPOINTS, Generators::touchpoint);
  }

  @Test
  void surveys_roundTrip() throws IOException {
    check(Schema.SURVEYS, Generators::survey);
  }

  @Test
  void journeys_roundTrip() throws IOException {
    check(Schema.JOURNEYS, Generators::journey);
  }

  @Test
  void customers_roundTrip() throws IOException {
    check(Schema.CUSTOMERS, Generators::customer);
  }

  private static <T> void check(Schema<T> schema, Function<SplittableRandom, T> generator) throws IOException {
    for (long seed = 0; seed < SEEDS; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      List<T> values = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        values.add(generator.apply(random));
      }
      for (Format format : Format.values()) {
        assertEquals(values, roundTrip(schema, format, values),
            "round trip failed: schema " + schema + ", format " + format + ", seed " + seed);
      }
    }
  }

  static <T> List<T> roundTrip(Schema<T> schema, Format format, List<T> values) throws IOException {
    StringWriter text = new StringWriter();
    try (RowWriter<T> w = schema.writer(text, format)) {
      for (T v : values) {
        w.write(v);
      }
    }
    List<T> back = new ArrayList<>();
    try (RowReader<T> r = schema.reader(
        new StringReader(text.toString()), format, ReadOptions.lenient().withStrict(true), x -> {})) {
      r.forEachRemaining(back::add);
    }
    return back;
  }
}

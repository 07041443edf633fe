package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagekit.core.ConversionPath;
import io.engagekit.testkit.Generators;
import java.io.IOException;
import java.io.StringWriter;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The built-in schemas write CSV rows in place ({@link CsvText}); a schema of the caller's own goes
 * through FastCSV. Over seeded values of every built-in schema, with awkward text (quotes, commas,
 * line breaks, a leading {@code #}, non-ASCII) and edge instants and numbers, the in-place writer
 * gives exactly FastCSV's bytes. A failing seed is printed.
 */
final class CsvTextPropertyTest {
  private static final String[] AWKWARD = {"#hash", "a,b", "say \"hi\"", "line\nbreak", "cr\rhere", "  ", "日本", "x"};

  @Test
  void touchpoints() throws IOException {
    check(Schema.TOUCHPOINTS, Generators::touchpoint, 1);
  }

  @Test
  void surveys() throws IOException {
    check(Schema.SURVEYS, Generators::survey, 2);
  }

  @Test
  void journeys() throws IOException {
    check(Schema.JOURNEYS, Generators::journey, 3);
  }

  @Test
  void customers() throws IOException {
    check(Schema.CUSTOMERS, Generators::customer, 4);
  }

  @Test
  void paths() throws IOException {
    check(Schema.PATHS, r -> {
      double conversions = r.nextInt(4) == 0 ? 0 : r.nextDouble() * 100;
      return ConversionPath.parse(
          AWKWARD[r.nextInt(AWKWARD.length)].replace("\n", "").replace("\r", "").strip() + "x > web",
          conversions, conversions == 0 || r.nextBoolean() ? 0 : r.nextDouble(), r.nextInt(1000));
    }, 5);
  }

  @Test
  void awkwardCustomerIds() throws IOException {
    check(Schema.CUSTOMERS, r -> io.engagekit.core.Customer.of(AWKWARD[r.nextInt(AWKWARD.length)]
        .replace("\n", "n").replace("\r", "r").replace("  ", "_")), 6);
  }

  private static <T> void check(Schema<T> schema, Function<SplittableRandom, T> maker, long seed0)
      throws IOException {
    SplittableRandom seeds = new SplittableRandom(seed0);
    for (int batch = 0; batch < 200; batch++) {
      long seed = seeds.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      StringWriter inPlace = new StringWriter();
      StringWriter fastCsv = new StringWriter();
      try (CsvRowWriter<T> a = new CsvRowWriter<>(schema, inPlace, true);
          CsvRowWriter<T> b = new CsvRowWriter<>(schema, fastCsv, false)) {
        for (int i = 0; i < 100; i++) {
          T value = maker.apply(r);
          a.write(value);
          b.write(value);
        }
      }
      assertEquals(fastCsv.toString(), inPlace.toString(), schema.name() + ", seed " + seed);
    }
  }
}

package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.testkit.Generators;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The JSON Lines reader reads plain flat objects in place and leaves every other line to Jackson.
 * Over seeded rows of every schema, written by the library's writer and then often damaged (a
 * character replaced, a key repeated, an escape, a null, a nested value, a trailing token), the
 * reader gives exactly what Jackson alone gives: the same values, the same rejects with the same
 * field and reason. A failing seed is printed.
 */
final class FlatJsonLinePropertyTest {
  private static final String[] DAMAGE = {
    "\\", "\"", "null", "true", "{", "}", "[1]", ",", ":", " ", "\t", "-", "0", "01", "1.", ".5", "1e", "1E+2",
    "\\u0041", "\uD800", "é", "\"customer\":\"x\",", "\"nope\":1,", "\"value\":\"3\",", "\"reach\":1.5,",
  };

  @Test
  void touchpoints_inPlaceAgreesWithJackson() throws IOException {
    check(Schema.TOUCHPOINTS, r -> Generators.touchpoint(r), 20261205L);
  }

  @Test
  void surveys_inPlaceAgreesWithJackson() throws IOException {
    check(Schema.SURVEYS, r -> Generators.survey(r), 17L);
  }

  @Test
  void aKeyRepeatedAfterANull_isLeftToJackson_whichRefusesIt() throws IOException {
    String line = "{\"customer\":\"c\",\"timestamp\":\"2026-03-01\",\"channel\":\"web\",\"kind\":\"visit\","
        + "\"value\":null,\"value\":3}";
    char[] chars = line.toCharArray();
    assertTrue(!new FlatJsonLine(Schema.TOUCHPOINTS).read(chars, 0, chars.length, new Cells(14)));
    List<Object> read = read(Schema.TOUCHPOINTS, line, true);
    assertEquals(read(Schema.TOUCHPOINTS, line, false), read);
    assertTrue(read.get(0) instanceof Reject, read.toString());
  }

  private interface Maker<T> {
    T make(SplittableRandom r);
  }

  private static <T> void check(Schema<T> schema, Maker<T> maker, long seed0) throws IOException {
    SplittableRandom seeds = new SplittableRandom(seed0);
    int inPlace = 0;
    FlatJsonLine flat = new FlatJsonLine(schema);
    for (int i = 0; i < 20_000; i++) {
      long seed = seeds.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      StringWriter out = new StringWriter();
      try (RowWriter<T> w = schema.writer(out, Format.JSON_LINES)) {
        w.write(maker.make(r));
      }
      StringBuilder line = new StringBuilder(out.toString().strip());
      int damages = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(2);
      for (int d = 0; d < damages; d++) {
        int at = r.nextInt(line.length() + 1);
        String bit = DAMAGE[r.nextInt(DAMAGE.length)];
        if (r.nextBoolean() && at < line.length()) {
          line.replace(at, at + 1, bit);
        } else {
          line.insert(at, bit);
        }
      }
      String text = line.toString();
      List<Object> fast = read(schema, text, true);
      List<Object> jackson = read(schema, text, false);
      assertEquals(jackson, fast, "seed " + seed + ": " + text);
      char[] chars = text.toCharArray();
      if (damages == 0 && flat.read(chars, 0, chars.length, new Cells(schema.fields().length))) {
        inPlace++;
      }
    }
    // A third of the rows are undamaged; all but those with escaped text are read in place.
    assertTrue(inPlace > 5_000, "too few rows read in place: " + inPlace);
  }

  private static <T> List<Object> read(Schema<T> schema, String text, boolean inPlace) throws IOException {
    List<Object> seen = new ArrayList<>();
    ReadOptions options = ReadOptions.lenient();
    JsonLinesSource<T> source = new JsonLinesSource<>(
        schema, new LineReader(new StringReader(text), options.maxLineLength()), options, inPlace);
    try (RowReader<T> rows = new RowReader<>(source, options, seen::add)) {
      rows.forEachRemaining(seen::add);
    }
    return seen;
  }
}

package io.engagekit.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.io.Column;
import io.engagekit.core.io.Delimiter;
import io.engagekit.core.io.Format;
import io.engagekit.core.io.ReadOptions;
import io.engagekit.core.io.RowReader;
import io.engagekit.core.io.RowWriter;
import io.engagekit.core.io.Schema;
import io.engagekit.core.io.TransactionLogFormat;
import io.engagekit.testkit.Generators;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rows per second through each reader: canonical touchpoint CSV, touchpoint JSON Lines, and a
 * CDNOW-shaped whitespace transaction log with {@code yyyyMMdd} dates. Each invocation reads
 * {@value #ROWS} rows from memory, so the score is rows/s and I/O is not measured.
 *
 * <p>Two baselines, measured in the same run: {@code raw} is a pass of the parser a user would
 * otherwise call, with no validation and no value built: FastCSV's records for the CSV, Jackson's
 * streaming parser over each line for JSON Lines (every token read, a parser per line as the
 * reader needs for per-line errors), and lines split at runs of whitespace into strings for the
 * transaction log. {@code lines} is the floor: splitting the same text into lines with {@link
 * BufferedReader}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
@OperationsPerInvocation(ReaderBenchmark.ROWS)
public class ReaderBenchmark {
  static final int ROWS = 10_000;

  /** The inputs measured. */
  public enum Input {
    TOUCHPOINT_CSV,
    TOUCHPOINT_JSONL,
    TRANSACTIONS
  }

  /** CDNOW_master.txt's layout. */
  static final TransactionLogFormat CDNOW =
      TransactionLogFormat.of(Delimiter.WHITESPACE, true, Column.number(1), Column.number(2), Column.number(4))
          .withQuantity(Column.number(3))
          .withDatePattern("yyyyMMdd");

  @Param({"TOUCHPOINT_CSV", "TOUCHPOINT_JSONL", "TRANSACTIONS"})
  Input input;

  String text;

  @Setup
  public void setup() {
    text = text(input, new SplittableRandom(42), ROWS);
  }

  /** Returns {@code rows} seeded rows of the given input as text. */
  static String text(Input input, SplittableRandom random, int rows) {
    StringWriter out = new StringWriter();
    try {
      if (input == Input.TRANSACTIONS) {
        out.write(" customer_id  date number_of_cds  dollar_value\r\n");
        for (int i = 0; i < rows; i++) {
          out.write(String.format(Locale.ROOT, "%05d 1997%02d%02d %2d %8.2f\r\n",
              1 + random.nextInt(23_570), 1 + random.nextInt(12), 1 + random.nextInt(28),
              1 + random.nextInt(10), random.nextDouble() * 300));
        }
        return out.toString();
      }
      Format format = input == Input.TOUCHPOINT_CSV ? Format.CSV : Format.JSON_LINES;
      try (RowWriter<Touchpoint> w = Schema.TOUCHPOINTS.writer(out, format)) {
        for (int i = 0; i < rows; i++) {
          w.write(Generators.touchpoint(random));
        }
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the reader for an input over some text. */
  static RowReader<Touchpoint> reader(Input input, String text) {
    ReadOptions strict = ReadOptions.lenient().withStrict(true);
    switch (input) {
      case TOUCHPOINT_CSV:
        return Schema.TOUCHPOINTS.reader(new StringReader(text), Format.CSV, strict, r -> {});
      case TOUCHPOINT_JSONL:
        return Schema.TOUCHPOINTS.reader(new StringReader(text), Format.JSON_LINES, strict, r -> {});
      case TRANSACTIONS:
        return CDNOW.reader(new StringReader(text), strict, r -> {});
      default:
        throw new AssertionError(input);
    }
  }

  @Benchmark
  public long read(Blackhole bh) throws IOException {
    try (RowReader<Touchpoint> rows = reader(input, text)) {
      while (rows.hasNext()) {
        bh.consume(rows.next());
      }
      return rows.stats().accepted();
    }
  }

  private static final JsonFactory JSON = new JsonFactory();

  @Benchmark
  public long raw(Blackhole bh) throws IOException {
    long n = 0;
    switch (input) {
      case TOUCHPOINT_CSV:
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(new StringReader(text))) {
          for (CsvRecord record : csv) {
            bh.consume(record);
            n++;
          }
        }
        return n;
      case TOUCHPOINT_JSONL:
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
          String line;
          while ((line = r.readLine()) != null) {
            try (JsonParser p = JSON.createParser(line)) {
              JsonToken t;
              while ((t = p.nextToken()) != null) {
                if (t.isScalarValue() || t == JsonToken.FIELD_NAME) {
                  bh.consume(p.getText());
                }
              }
            }
            n++;
          }
        }
        return n;
      case TRANSACTIONS:
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
          String line;
          List<String> fields = new ArrayList<>();
          while ((line = r.readLine()) != null) {
            fields.clear();
            int i = 0;
            int length = line.length();
            while (i < length) {
              while (i < length && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
              }
              int start = i;
              while (i < length && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
              }
              if (i > start) {
                fields.add(line.substring(start, i));
              }
            }
            bh.consume(fields);
            n++;
          }
        }
        return n;
      default:
        throw new AssertionError(input);
    }
  }

  @Benchmark
  public long lines() throws IOException {
    long n = 0;
    try (BufferedReader r = new BufferedReader(new StringReader(text))) {
      String line;
      while ((line = r.readLine()) != null) {
        n += line.length();
      }
    }
    return n;
  }
}

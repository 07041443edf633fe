package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.engagekit.core.Touchpoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer targets for every reader, schema by format, fed the raw bytes a user would give the
 * command line and decoded as it decodes them ({@link DecodingReader}, UTF-8 and windows-1252). Without {@code JAZZER_FUZZ=1} they replay the corpus in {@code
 * src/test/resources/io/engagekit/core/io/ReaderFuzzTestInputs/} as ordinary tests. A reader may
 * only accept rows, reject rows (counted, each reported once), or throw {@link
 * IllegalArgumentException} for a missing or unreadable header; lines are capped at 4 KiB so that no input
 * can exhaust memory. Fuzz with {@code JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest=ReaderFuzzTest}.
 */
final class ReaderFuzzTest {
  private static final ReadOptions OPTIONS = ReadOptions.lenient().withMaxLineLength(4096);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @FuzzTest(maxDuration = "60s")
  void touchpointsCsv(byte[] input) throws IOException {
    readAll(Schema.TOUCHPOINTS, Format.CSV, input);
  }

  @FuzzTest(maxDuration = "60s")
  void touchpointsJsonLines(byte[] input) throws IOException {
    readAll(Schema.TOUCHPOINTS, Format.JSON_LINES, input);
  }

  @FuzzTest(maxDuration = "30s")
  void surveysCsv(byte[] input) throws IOException {
    readAll(Schema.SURVEYS, Format.CSV, input);
  }

  @FuzzTest(maxDuration = "30s")
  void surveysJsonLines(byte[] input) throws IOException {
    readAll(Schema.SURVEYS, Format.JSON_LINES, input);
  }

  @FuzzTest(maxDuration = "30s")
  void journeysJsonLines(byte[] input) throws IOException {
    readAll(Schema.JOURNEYS, Format.JSON_LINES, input);
  }

  @FuzzTest(maxDuration = "30s")
  void journeysCsv(byte[] input) throws IOException {
    readAll(Schema.JOURNEYS, Format.CSV, input);
  }

  @FuzzTest(maxDuration = "30s")
  void customersJsonLines(byte[] input) throws IOException {
    readAll(Schema.CUSTOMERS, Format.JSON_LINES, input);
  }

  @FuzzTest(maxDuration = "30s")
  void pathsCsv(byte[] input) throws IOException {
    readAll(Schema.PATHS, Format.CSV, input);
  }

  @FuzzTest(maxDuration = "30s")
  void pathsJsonLines(byte[] input) throws IOException {
    readAll(Schema.PATHS, Format.JSON_LINES, input);
  }

  @FuzzTest(maxDuration = "30s")
  void customersCsv(byte[] input) throws IOException {
    readAll(Schema.CUSTOMERS, Format.CSV, input);
  }

  @FuzzTest(maxDuration = "60s")
  void transactions(byte[] input) throws IOException {
    TransactionLogFormat cdnow = TransactionLogFormat.of(
            Delimiter.WHITESPACE, true, Column.number(1), Column.number(2), Column.number(4))
        .withQuantity(Column.number(3))
        .withDatePattern("yyyyMMdd");
    TransactionLogFormat named = TransactionLogFormat.of(
        Delimiter.SEMICOLON, true, Column.named("id"), Column.named("date"), Column.named("amount"));
    for (TransactionLogFormat format : new TransactionLogFormat[] {cdnow, named}) {
      Counter counter = new Counter();
      try (RowReader<Touchpoint> r = format.reader(decoded(input, StandardCharsets.UTF_8), OPTIONS, counter)) {
        drain(r, counter);
      } catch (IllegalArgumentException expected) {
        // Unreadable: a bad header names its line; an input without the header it needs says so.
        String message = expected.getMessage();
        assertTrue(message.startsWith("line ") || message.startsWith("input is empty"), message);
      }
    }
  }

  /** Reads the bytes as the command line does (decoded, a line with undecodable bytes a reject), in two charsets. */
  private static <T> void readAll(Schema<T> schema, Format format, byte[] input) throws IOException {
    for (Charset charset : new Charset[] {StandardCharsets.UTF_8, WINDOWS_1252}) {
      Counter counter = new Counter();
      try (RowReader<T> r = schema.reader(decoded(input, charset), format, OPTIONS, counter)) {
        drain(r, counter);
      } catch (IllegalArgumentException expected) {
        // Only a CSV header can make a whole input unreadable.
        assertEquals(Format.CSV, format, expected.getMessage());
      }
    }
  }

  private static DecodingReader decoded(byte[] input, Charset charset) {
    return DecodingReader.of(new ByteArrayInputStream(input), charset);
  }

  private static void drain(RowReader<?> r, Counter counter) {
    long accepted = 0;
    while (r.hasNext()) {
      r.next();
      accepted++;
    }
    ReadStats stats = r.stats();
    assertEquals(accepted, stats.accepted());
    assertEquals(counter.rejects, stats.rejected());
    assertEquals(stats.rows(), stats.accepted() + stats.rejected());
  }

  private static final class Counter implements RejectSink {
    long rejects;
    long lastLine;

    @Override
    public void reject(Reject reject) {
      assertTrue(reject.line() > lastLine, "reject lines must increase: " + reject);
      lastLine = reject.line();
      rejects++;
    }
  }
}

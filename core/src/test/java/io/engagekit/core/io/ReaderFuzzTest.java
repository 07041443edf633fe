package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.engagekit.core.Touchpoint;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer targets for every reader. Without {@code JAZZER_FUZZ=1} they replay the corpus in {@code
 * src/test/resources/io/engagekit/core/io/ReaderFuzzTestInputs/} as ordinary tests. A reader may
 * only accept rows, reject rows (counted, each reported once), or throw {@link
 * IllegalArgumentException} for a missing or unreadable header; lines are capped at 4 KiB so that no input
 * can exhaust memory. Fuzz with {@code JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest=ReaderFuzzTest}.
 */
final class ReaderFuzzTest {
  private static final ReadOptions OPTIONS = ReadOptions.lenient().withMaxLineLength(4096);

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
  void journeysJsonLines(byte[] input) throws IOException {
    readAll(Schema.JOURNEYS, Format.JSON_LINES, input);
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
      String text = new String(input, StandardCharsets.UTF_8);
      Counter counter = new Counter();
      try (RowReader<Touchpoint> r = format.reader(new StringReader(text), OPTIONS, counter)) {
        drain(r, counter);
      } catch (IllegalArgumentException expected) {
        // Unreadable: a bad header names its line; an input without the header it needs says so.
        String message = expected.getMessage();
        assertTrue(message.startsWith("line ") || message.startsWith("input is empty"), message);
      }
    }
  }

  private static <T> void readAll(Schema<T> schema, Format format, byte[] input) throws IOException {
    String text = new String(input, StandardCharsets.UTF_8);
    Counter counter = new Counter();
    try (RowReader<T> r = schema.reader(new StringReader(text), format, OPTIONS, counter)) {
      drain(r, counter);
    } catch (IllegalArgumentException expected) {
      // Only a CSV header can make a whole input unreadable.
      assertEquals(Format.CSV, format, expected.getMessage());
    }
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

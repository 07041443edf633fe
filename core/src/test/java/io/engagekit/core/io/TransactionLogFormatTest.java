package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

final class TransactionLogFormatTest {
  static final TransactionLogFormat CDNOW_MASTER =
      TransactionLogFormat.of(Delimiter.WHITESPACE, true, Column.number(1), Column.number(2), Column.number(4))
          .withQuantity(Column.number(3))
          .withDatePattern("yyyyMMdd");

  private static List<Touchpoint> read(TransactionLogFormat format, Reader in, List<Reject> rejects) throws IOException {
    List<Touchpoint> out = new ArrayList<>();
    try (RowReader<Touchpoint> r = format.reader(in, ReadOptions.lenient(), rejects::add)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void read_cdnowMasterHead_asPublished() throws IOException {
    List<Reject> rejects = new ArrayList<>();
    List<Touchpoint> out;
    try (Reader in = new InputStreamReader(
        Objects.requireNonNull(getClass().getResourceAsStream("cdnow_master_head.txt")), StandardCharsets.US_ASCII)) {
      out = read(CDNOW_MASTER, in, rejects);
    }
    assertEquals(List.of(), rejects);
    assertEquals(20, out.size());
    // CDNOW_master.txt line 2: "00001 19970101 1 11.77"
    Touchpoint first = out.get(0);
    assertEquals("00001", first.customer());
    assertEquals(Instant.parse("1997-01-01T00:00:00Z"), first.at());
    assertEquals(11.77, first.value().getAsDouble());
    assertEquals(1, first.quantity().getAsLong());
    assertEquals(TouchpointKind.PURCHASE, first.kind());
    assertEquals(TransactionLogFormat.UNKNOWN_CHANNEL, first.channel());
  }

  @Test
  void read_namedColumnsWithCommas_andSameDayPurchasesStaySeparate() throws IOException {
    TransactionLogFormat f = TransactionLogFormat.of(
            Delimiter.COMMA, true, Column.named("id"), Column.named("date"), Column.named("amount"))
        .withChannel(Channel.RETAIL);
    String log = "date,amount,id,ignored\n2014-01-01,5,7,x\n2014-01-01,6,7,y\n";
    List<Touchpoint> out = read(f, new StringReader(log), new ArrayList<>());
    assertEquals(2, out.size());
    assertEquals(Channel.RETAIL, out.get(1).channel());
    assertEquals(6.0, out.get(1).value().getAsDouble());
  }

  @Test
  void read_badRows_areRejectedWithTransactionFieldNames() throws IOException {
    String log = "1\t19970231\t1\t2.00\n"      // impossible date: strict, not the 28th
        + "2\t19970101\t1\t-2.00\n"          // negative amount
        + "3\t19970101\tx\t2.00\n"           // quantity not an integer
        + "4\t19970101\n"                    // too few fields
        + "5\t19970101\t1\t2.00\n";
    TransactionLogFormat f = TransactionLogFormat.of(
            Delimiter.TAB, false, Column.number(1), Column.number(2), Column.number(4))
        .withQuantity(Column.number(3))
        .withDatePattern("yyyyMMdd");
    List<Reject> rejects = new ArrayList<>();
    assertEquals(1, read(f, new StringReader(log), rejects).size());
    assertEquals("line 1: date must be a date matching 'yyyyMMdd' but was '19970231'", rejects.get(0).toString());
    assertEquals("line 2: amount must be finite and >= 0 but was -2.0", rejects.get(1).toString());
    assertEquals("line 3: quantity must be an integer but was 'x'", rejects.get(2).toString());
    assertEquals("line 4: row has 2 fields but the columns need at least 4", rejects.get(3).toString());
  }

  @Test
  void read_datePatternWithTimeAndZone() throws IOException {
    TransactionLogFormat f = TransactionLogFormat.of(Delimiter.SEMICOLON, false, Column.number(1), Column.number(2), Column.number(3))
        .withDatePattern("dd.MM.yyyy HH:mm");
    List<Touchpoint> out = new ArrayList<>();
    try (RowReader<Touchpoint> r = f.reader(new StringReader("a;01.03.2026 10:15;9.5\n"),
        ReadOptions.lenient().withZone(java.time.ZoneId.of("+02:00")), x -> {})) {
      r.forEachRemaining(out::add);
    }
    assertEquals(Instant.parse("2026-03-01T08:15:00Z"), out.get(0).at());
  }

  @Test
  void read_datePatternWithOffsetInTheText_overridesTheZone() throws IOException {
    TransactionLogFormat f = TransactionLogFormat.of(Delimiter.COMMA, false, Column.number(1), Column.number(2), Column.number(3))
        .withDatePattern("yyyy-MM-dd HH:mmXXX");
    List<Touchpoint> out = new ArrayList<>();
    try (RowReader<Touchpoint> r = f.reader(new StringReader("a,2026-03-01 10:15+05:00,1\n"),
        ReadOptions.lenient().withZone(java.time.ZoneId.of("America/New_York")), x -> {})) {
      r.forEachRemaining(out::add);
    }
    assertEquals(Instant.parse("2026-03-01T05:15:00Z"), out.get(0).at());
  }

  @Test
  void read_patternWithoutAFullDate_isRejectedPerRow() throws IOException {
    TransactionLogFormat f = TransactionLogFormat.of(Delimiter.COMMA, false, Column.number(1), Column.number(2), Column.number(3))
        .withDatePattern("yyyy-MM");
    List<Reject> rejects = new ArrayList<>();
    assertEquals(0, read(f, new StringReader("a,2026-03,1\n"), rejects).size());
    assertEquals("line 1: date pattern 'yyyy-MM' gives no full date (year, month, day) in '2026-03'",
        rejects.get(0).toString());
  }

  @Test
  void options_conflicts_areRejectedWhenSet() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TransactionLogFormat.of(Delimiter.COMMA, false, Column.named("id"), Column.number(2), Column.number(3)));
    assertEquals("customer column 'id' is named, which needs header = true, but header is false", e.getMessage());
    TransactionLogFormat named = TransactionLogFormat.of(
        Delimiter.COMMA, true, Column.named("id"), Column.number(2), Column.number(3));
    assertThrows(IllegalArgumentException.class, () -> named.withHeader(false));
    assertThrows(IllegalArgumentException.class,
        () -> TransactionLogFormat.of(Delimiter.COMMA, false, Column.number(1), Column.number(1), Column.number(3)));
    IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class,
        () -> named.withDatePattern("yyyy-MM-dd{"));
    assertTrue(pattern.getMessage().startsWith("datePattern is not a valid date pattern"), pattern.getMessage());
  }

  /**
   * Issue 22: a headerless log read as if it had a header lost its first purchase with no word
   * (6,918 of CDNOW's 6,919 rows). With columns by number the header is not checked against names,
   * so a first row that reads as a purchase is refused instead, naming the line.
   */
  @Test
  void headerlessLog_readWithAHeader_isRefused_notShortenedByARow() throws IOException {
    String headerless = " 00001 19970101  1   11.77\n 00002 19970112  1   12.00\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read(CDNOW_MASTER, new StringReader(headerless), new ArrayList<>()));
    assertTrue(e.getMessage().startsWith("line 1: the header row reads as a purchase (a date 1997-01-01T00:00:00Z"
        + " and an amount 11.77 where the columns say)"), e.getMessage());
    assertEquals(2, read(CDNOW_MASTER.withHeader(false), new StringReader(headerless), new ArrayList<>()).size());
    // A header whose cells are not a purchase is a header, as before (also when it has too few fields).
    assertEquals(2, read(CDNOW_MASTER, new StringReader(" id date n amount\n" + headerless), new ArrayList<>()).size());
    assertEquals(2, read(CDNOW_MASTER, new StringReader("purchases\n" + headerless), new ArrayList<>()).size());
  }

  @Test
  void header_missingNamedColumn_isUnreadable() throws IOException {
    TransactionLogFormat f = TransactionLogFormat.of(
        Delimiter.COMMA, true, Column.named("id"), Column.named("date"), Column.named("amount"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read(f, new StringReader("id,day,amount\n1,2014-01-01,3\n"), new ArrayList<>()));
    assertEquals("line 1: the header has no column 'date'; it has [id, day, amount]", e.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> read(f, new StringReader("\n\n"), new ArrayList<>()));
    assertTrue(empty.getMessage().startsWith("input is empty: a header row was expected"), empty.getMessage());
    // Without a header, an empty log is simply a log of no purchases.
    TransactionLogFormat headerless =
        TransactionLogFormat.of(Delimiter.COMMA, false, Column.number(1), Column.number(2), Column.number(3));
    assertEquals(0, read(headerless, new StringReader(""), new ArrayList<>()).size());
  }

  @Test
  void columns_parse() {
    assertEquals(Column.number(3), Column.parse("3"));
    assertEquals(Column.named("date"), Column.parse("date"));
    assertThrows(IllegalArgumentException.class, () -> Column.parse("0"));
    assertThrows(IllegalArgumentException.class, () -> Column.parse(""));
    assertEquals(Delimiter.WHITESPACE, Delimiter.fromCode("whitespace"));
    assertThrows(IllegalArgumentException.class, () -> Delimiter.fromCode("pipe"));
  }
}

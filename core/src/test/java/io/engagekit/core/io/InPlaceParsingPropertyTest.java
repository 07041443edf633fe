package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.engagekit.core.InvalidFieldException;
import io.engagekit.core.Touchpoint;
import java.io.IOException;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The readers parse numbers, timestamps and patterned dates straight from their buffers. These
 * properties hold them to the {@code java.time} and {@code java.lang} parsers they replace: over
 * seeded random texts, valid and not, the in-place parser gives the same value or refuses the same
 * texts. A failing seed is printed in the assertion message.
 */
final class InPlaceParsingPropertyTest {
  private static final int CASES = 200_000;
  private static final ZoneId[] ZONES = {ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30), ZoneId.of("America/New_York")};

  /** What the timestamp parser accepted before it read in place: java.time's own parsers. */
  private static Object referenceTimestamp(String text, ZoneId zone) {
    try {
      if (text.length() == 10) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
          return "refused";
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
          if (text.charAt(i) < '0' || text.charAt(i) > '9') {
            return "refused";
          }
        }
        return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)),
            Integer.parseInt(text.substring(8, 10))).atStartOfDay(zone).toInstant();
      }
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return "refused";
    }
  }

  private static Object timestamp(String text, ZoneId zone) {
    try {
      char[] padded = ("##" + text + "##").toCharArray();
      return Values.timestamp("t", padded, 2, 2 + text.length(), zone);
    } catch (InvalidFieldException e) {
      return "refused";
    }
  }

  /** A text near the ISO shapes: mostly valid, with one character or part often wrong. */
  private static String isoLike(SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%04d-%02d-%02d", r.nextInt(10_000), r.nextInt(14), r.nextInt(33)));
    if (r.nextInt(4) != 0) {
      b.append(r.nextInt(10) == 0 ? 't' : 'T');
      b.append(String.format("%02d:%02d", r.nextInt(26), r.nextInt(62)));
      if (r.nextInt(5) != 0) {
        b.append(String.format(":%02d", r.nextInt(62)));
      }
      if (r.nextBoolean()) {
        b.append('.');
        int digits = r.nextInt(11);
        for (int i = 0; i < digits; i++) {
          b.append((char) ('0' + r.nextInt(10)));
        }
      }
      switch (r.nextInt(5)) {
        case 0:
          b.append('Z');
          break;
        case 1:
          b.append(r.nextBoolean() ? '+' : '-').append(String.format("%02d:%02d", r.nextInt(20), r.nextInt(61)));
          break;
        case 2:
          b.append(r.nextBoolean() ? '+' : '-').append(String.format("%02d:%02d:%02d", r.nextInt(19), r.nextInt(60), r.nextInt(60)));
          break;
        case 3:
          b.append('z');
          break;
        default:
          break;
      }
    }
    if (r.nextInt(6) == 0) {
      b.setCharAt(r.nextInt(b.length()), "0:-T.Zx+ 9".charAt(r.nextInt(10)));
    }
    return b.toString();
  }

  @Test
  void timestamps_agreeWithJavaTime() {
    SplittableRandom seeds = new SplittableRandom(20261205);
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      String text = isoLike(r);
      ZoneId zone = ZONES[r.nextInt(ZONES.length)];
      assertEquals(referenceTimestamp(text, zone), timestamp(text, zone), "seed " + seed + ": " + text + " in " + zone);
    }
  }

  @Test
  void decimals_agreeWithDoubleParseDouble() {
    SplittableRandom seeds = new SplittableRandom(7);
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      String text;
      switch (r.nextInt(4)) {
        case 0:
          text = Double.toString(Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL));
          break;
        case 1:
          text = Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(-20, 20)));
          break;
        case 2:
          text = (r.nextBoolean() ? "-" : "") + r.nextLong(1_000_000_000_000L) + "." + r.nextInt(1_000_000);
          break;
        default:
          text = r.nextInt(1000) + "e" + r.nextInt(-330, 330);
          break;
      }
      if (!Values.isDecimal(text)) {
        continue; // Double.toString writes E notation as 1.0E10, which is a decimal; NaN never occurs here
      }
      double expected = Double.parseDouble(text);
      Object actual;
      try {
        actual = Values.decimal("v", text);
      } catch (InvalidFieldException e) {
        actual = "refused";
      }
      assertEquals(Double.isInfinite(expected) ? "refused" : (Object) expected, actual, "seed " + seed + ": " + text);
    }
  }

  @Test
  void integers_agreeWithLongParseLong() {
    SplittableRandom seeds = new SplittableRandom(11);
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      String text = switch (r.nextInt(4)) {
        case 0 -> Long.toString(r.nextLong());
        case 1 -> Long.toString(r.nextLong()) + r.nextInt(10);
        case 2 -> (r.nextBoolean() ? "9223372036854775" : "-9223372036854775") + r.nextInt(800, 812);
        default -> (r.nextBoolean() ? "-" : "") + r.nextInt(100) + (r.nextBoolean() ? "x" : "");
      };
      Object expected;
      try {
        expected = text.matches("-?[0-9]+") ? Long.parseLong(text) : "refused";
      } catch (NumberFormatException e) {
        expected = "refused";
      }
      Object actual;
      try {
        actual = Values.integer("v", text);
      } catch (InvalidFieldException e) {
        actual = "refused";
      }
      assertEquals(expected, actual, "seed " + seed + ": " + text);
    }
  }

  private static final String[] PATTERNS = {
    "yyyyMMdd", "yyyy-MM-dd", "dd/MM/yyyy", "uuuu.MM.dd HH:mm", "yyyyMMddHHmmss", "MM/dd/yyyy HH", "yyyy-MM-dd HH:mm:ss"
  };

  @Test
  void fixedDatePatterns_agreeWithTheirStrictFormatter() {
    SplittableRandom seeds = new SplittableRandom(3);
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      String pattern = PATTERNS[r.nextInt(PATTERNS.length)];
      FixedDatePattern fast = FixedDatePattern.of(pattern);
      assertNotNull(fast, pattern);
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < pattern.length(); k++) {
        char p = pattern.charAt(k);
        text.append(Character.isLetter(p) ? (char) ('0' + r.nextInt(10)) : p);
      }
      if (r.nextInt(8) == 0) {
        text.setCharAt(r.nextInt(text.length()), "x/ 9-".charAt(r.nextInt(5)));
      }
      ZoneId zone = ZONES[r.nextInt(ZONES.length)];
      char[] chars = text.toString().toCharArray();
      Instant answer = fast.parse(chars, 0, chars.length, zone);
      if (answer != null) {
        assertEquals(formatter(text.toString(), pattern, zone), answer, "seed " + seed + ": " + text + " as " + pattern);
      }
    }
  }

  @Test
  void fixedDatePatterns_onlyForFixedWidths() {
    for (String p : new String[] {"d/M/yyyy", "yyyy-MM-dd'T'HH", "yyyyMMdd HH:ss", "yyyy-MM", "yy-MM-dd", "yyyy-MM-dd mm", "yyyy-MMM-dd"}) {
      assertNull(FixedDatePattern.of(p), p);
    }
  }

  /** The patterned date as the transaction reader's strict formatter reads it, or null if refused. */
  private static Instant formatter(String text, String pattern, ZoneId zone) {
    DateTimeFormatter f = TransactionLogFormat.formatter(pattern);
    try {
      TemporalAccessor parsed = f.parse(text);
      LocalDate day = parsed.query(TemporalQueries.localDate());
      LocalTime time = parsed.query(TemporalQueries.localTime());
      return (time == null ? day.atStartOfDay(zone) : day.atTime(time).atZone(zone)).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  @Test
  void customerIdsAndUserDefinedCodes_areSharedWithinAReader() throws IOException {
    String csv = "customer,timestamp,channel,kind,content_type,journey\n"
        + "c1,2026-03-01,podcast_app,content_view,podcast,j-7\n"
        + "c1,2026-03-02,podcast_app,content_view,podcast,j-7\n"
        + "\"c1\",2026-03-03,web,purchase,,\n";
    List<Touchpoint> read = new ArrayList<>();
    try (RowReader<Touchpoint> rows =
        Schema.TOUCHPOINTS.reader(new StringReader(csv), Format.CSV, ReadOptions.lenient().withStrict(true), x -> {})) {
      rows.forEachRemaining(read::add);
    }
    assertEquals(3, read.size());
    assertSame(read.get(0).customer(), read.get(1).customer());
    assertSame(read.get(0).customer(), read.get(2).customer());
    assertSame(read.get(0).channel(), read.get(1).channel());
    assertSame(read.get(0).contentType().orElseThrow(), read.get(1).contentType().orElseThrow());
    assertEquals("podcast_app", read.get(0).channel().code());
    assertSame(read.get(0).journey().orElseThrow(), read.get(1).journey().orElseThrow());
  }

  @Test
  void instantFormatting_agreesWithInstantToString() {
    SplittableRandom seeds = new SplittableRandom(13);
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      long second = r.nextInt(4) == 0 ? r.nextLong(-10L * 86_400, 10L * 86_400) : r.nextLong(min - 86_400, max + 86_400);
      int nanos = switch (r.nextInt(4)) {
        case 0 -> 0;
        case 1 -> r.nextInt(1000) * 1_000_000;
        case 2 -> r.nextInt(1_000_000) * 1000;
        default -> r.nextInt(1_000_000_000);
      };
      Instant t = Instant.ofEpochSecond(second, nanos);
      assertEquals(t.toString(), Values.instant(t), "seed " + seed);
    }
    assertEquals("0000-01-01T00:00:00Z", Values.instant(Instant.parse("0000-01-01T00:00:00Z")));
    assertEquals("9999-12-31T23:59:59.999999999Z", Values.instant(Instant.parse("9999-12-31T23:59:59.999999999Z")));
  }
}

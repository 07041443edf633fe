package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Cadence;
import io.engagekit.core.Channel;
import io.engagekit.core.ConversionPath;
import io.engagekit.core.Customer;
import io.engagekit.core.Journey;
import io.engagekit.core.JourneyOutcome;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class CsvReaderTest {
  static final String HEADER = "customer,timestamp,channel,kind,value";

  /** Reads everything leniently; returns the accepted values and fills {@code rejects}. */
  static <T> List<T> read(Schema<T> schema, Format format, String text, List<Reject> rejects) throws IOException {
    List<T> out = new ArrayList<>();
    try (RowReader<T> r = schema.reader(new StringReader(text), format, ReadOptions.lenient(), rejects::add)) {
      r.forEachRemaining(out::add);
      assertEquals(r.stats().rows(), r.stats().accepted() + r.stats().rejected());
      assertEquals(out.size(), r.stats().accepted());
      assertEquals(rejects.size(), r.stats().rejected());
    }
    return out;
  }

  static List<Long> lines(List<Reject> rejects) {
    return rejects.stream().map(Reject::line).toList();
  }

  @Test
  void read_fullRow_allFieldsInAnyColumnOrder() throws IOException {
    String csv =
        "step,journey,value,kind,channel,timestamp,customer,content_type,cadence,initiator,reach,sentiment,response_seconds,quantity\n"
            + "2,j9,19.99,purchase,whatsapp,2026-03-01T11:15:30+01:00,c1,news,scheduled,company,150,-0.5,42.5,3\n";
    List<Reject> rejects = new ArrayList<>();
    Touchpoint t = read(Schema.TOUCHPOINTS, Format.CSV, csv, rejects).get(0);
    assertEquals(List.of(), rejects);
    assertEquals("c1", t.customer());
    assertEquals(Instant.parse("2026-03-01T10:15:30Z"), t.at());
    assertEquals(Channel.of("whatsapp"), t.channel());
    assertEquals(TouchpointKind.PURCHASE, t.kind());
    assertEquals(Cadence.SCHEDULED, t.cadence().orElseThrow());
    assertEquals(19.99, t.value().getAsDouble());
    assertEquals(150, t.reach().getAsLong());
    assertEquals(-0.5, t.sentiment().getAsDouble());
    assertEquals(42.5, t.responseSeconds().getAsDouble());
    assertEquals("j9", t.journey().orElseThrow());
    assertEquals(2, t.step().getAsInt());
    assertEquals(3, t.quantity().getAsLong());
  }

  @Test
  void read_issueExample_rejectsLines7_12_20AndKeepsTheRest() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int line = 2; line <= 25; line++) {
      String ts = line == 12 ? "2026-03-01 10:00" : "2026-03-01T10:00:00Z";
      String value = line == 7 ? "-3" : line == 20 ? "NaN" : "10.5";
      csv.append("c").append(line).append(',').append(ts).append(",web,purchase,").append(value).append('\n');
    }
    List<Reject> rejects = new ArrayList<>();
    assertEquals(21, read(Schema.TOUCHPOINTS, Format.CSV, csv.toString(), rejects).size());
    assertEquals(List.of(7L, 12L, 20L), lines(rejects));
    assertEquals(Optional.of("value"), rejects.get(0).field());
    assertEquals("line 7: value must be finite and >= 0 but was -3.0", rejects.get(0).toString());
    assertEquals(Optional.of("timestamp"), rejects.get(1).field());
    assertEquals(Optional.of("value"), rejects.get(2).field());
    assertEquals("must be a decimal number but was 'NaN'", rejects.get(2).reason());
  }

  @Test
  void read_strict_stopsAtTheFirstRejectAndReadsNothingAfter() throws IOException {
    String csv = HEADER + "\nc1,2026-03-01,web,visit,\nc2,2026-03-01,web,visit,-1\nc3,bad,web,visit,\n";
    List<Reject> rejects = new ArrayList<>();
    try (RowReader<Touchpoint> r = Schema.TOUCHPOINTS.reader(
        new StringReader(csv), Format.CSV, ReadOptions.lenient().withStrict(true), rejects::add)) {
      assertEquals("c1", r.next().customer());
      RejectedRowException e = assertThrows(RejectedRowException.class, r::hasNext);
      assertEquals(3, e.reject().line());
      assertEquals("line 3: value must be finite and >= 0 but was -1.0", e.getMessage());
      assertFalse(r.hasNext());
      assertEquals(new ReadStats(2, 1, 1), r.stats());
    }
    assertEquals(1, rejects.size());
  }

  @Test
  void read_blankLinesAndCrlfAndBom_areNotRowsButLineNumbersCount() throws IOException {
    String csv = "\uFEFF" + HEADER + "\r\n\r\nc1,2026-03-01,web,visit,\r\n   \r\nc2,2026-03-01,web,visit,x\r\n";
    List<Reject> rejects = new ArrayList<>();
    assertEquals(1, read(Schema.TOUCHPOINTS, Format.CSV, csv, rejects).size());
    assertEquals(List.of(5L), lines(rejects));
  }

  @Test
  void read_quotedFields_followRfc4180() throws IOException {
    String csv = HEADER + "\n\"a,\"\"b\"\"\",2026-03-01,web,visit,\"1.5\"\n";
    Touchpoint t = read(Schema.TOUCHPOINTS, Format.CSV, csv, new ArrayList<>()).get(0);
    assertEquals("a,\"b\"", t.customer());
    assertEquals(1.5, t.value().getAsDouble());
  }

  @Test
  void read_malformedQuotesAndFieldCounts_areRejectedAndReadingGoesOn() throws IOException {
    String csv = HEADER + "\n"
        + "\"c1\"x,2026-03-01,web,visit,\n"    // 2: text after closing quote
        + "c\"1,2026-03-01,web,visit,\n"      // 3: quote in unquoted field
        + "\"c1,2026-03-01,web,visit,\n"      // 4: unclosed quote (records never span lines)
        + "c1,2026-03-01,web,visit\n"         // 5: too few fields
        + "c1,2026-03-01,web,visit,,extra\n"  // 6: too many
        + "c1,2026-03-01,web,visit,\n";       // 7: fine
    List<Reject> rejects = new ArrayList<>();
    assertEquals(1, read(Schema.TOUCHPOINTS, Format.CSV, csv, rejects).size());
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L), lines(rejects));
    assertEquals("row is not valid CSV: text after the closing quote of field 1", rejects.get(0).reason());
    assertEquals("row is not valid CSV: unclosed quote in field 1", rejects.get(2).reason());
    assertEquals("row has 4 fields but the header has 5", rejects.get(3).reason());
    assertTrue(rejects.get(3).field().isEmpty());
  }

  @Test
  void read_requiredFieldEmpty_isRejectedNamingIt() throws IOException {
    List<Reject> rejects = new ArrayList<>();
    read(Schema.TOUCHPOINTS, Format.CSV, HEADER + "\nc1,2026-03-01,,visit,\n", rejects);
    assertEquals("line 2: channel is required but was absent", rejects.get(0).toString());
  }

  @Test
  void read_noCoercion_ofSpacesCaseOrLocaleNumbers() throws IOException {
    String csv = HEADER + "\n"
        + "c1,2026-03-01,web,visit, 1\n"
        + "c1,2026-03-01,Web,visit,\n"
        + "c1,2026-03-01,web,Visit,\n"
        + "c1,2026-03-01,web,visit,\"1,5\"\n"
        + "c1,2026-03-01,web,visit,1e999\n"
        + "c1,2026-03-01,web,visit,0x10\n"
        + "c1,2026-03-01,web,visit,Infinity\n"
        + "c1,2026-03-01 ,web,visit,\n"
        + "c1,2026-02-30,web,visit,\n";
    List<Reject> rejects = new ArrayList<>();
    assertEquals(0, read(Schema.TOUCHPOINTS, Format.CSV, csv, rejects).size());
    assertEquals(9, rejects.size());
    assertEquals("must be a finite number but was '1e999'", rejects.get(4).reason());
  }

  @Test
  void read_overLongLine_isRejectedWithoutBeingHeld() throws IOException {
    String csv = HEADER + "\nc1,2026-03-01,web,visit,\n" + "x".repeat(5000) + "\nc2,2026-03-01,web,visit,\n";
    List<Reject> rejects = new ArrayList<>();
    List<Touchpoint> out = new ArrayList<>();
    try (RowReader<Touchpoint> r = Schema.TOUCHPOINTS.reader(
        new StringReader(csv), Format.CSV, ReadOptions.lenient().withMaxLineLength(100), rejects::add)) {
      r.forEachRemaining(out::add);
    }
    assertEquals(2, out.size());
    assertEquals("line 3: line is longer than 100 characters", rejects.get(0).toString());
  }

  @Test
  void read_badHeader_makesTheInputUnreadable() {
    assertHeaderError("customer,timestamp,channel\n", "line 1: the CSV header lacks required column(s) [kind]");
    assertHeaderError("customer,timestamp,channel,kind,vlaue\n", "line 1: the CSV header has unknown column 'vlaue'");
    assertHeaderError("customer,customer,timestamp,channel,kind\n", "line 1: the CSV header names column 'customer' twice");
    assertHeaderError("\n\n", "input is empty");
    assertHeaderError("", "input is empty");
  }

  private static void assertHeaderError(String csv, String expectedStart) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read(Schema.TOUCHPOINTS, Format.CSV, csv, new ArrayList<>()));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    assertFalse(e instanceof RejectedRowException);
  }

  @Test
  void read_datesUseTheZone() throws IOException {
    List<Touchpoint> out = new ArrayList<>();
    try (RowReader<Touchpoint> r = Schema.TOUCHPOINTS.reader(new StringReader(HEADER + "\nc1,2026-03-01,web,visit,\n"),
        Format.CSV, ReadOptions.lenient().withZone(ZoneId.of("Europe/Berlin")), x -> {})) {
      r.forEachRemaining(out::add);
    }
    assertEquals(Instant.parse("2026-02-28T23:00:00Z"), out.get(0).at());
  }

  @Test
  void read_surveysAndJourneys() throws IOException {
    List<Reject> rejects = new ArrayList<>();
    List<SurveyResponse> surveys = read(Schema.SURVEYS, Format.CSV,
        "metric,score,customer,timestamp,channel\nnps,9,c1,2026-03-01,email\ncsat,6,c1,2026-03-01,\nces,7,c2,2026-03-01,\n",
        rejects);
    assertEquals(SurveyResponse.of("c2", Instant.parse("2026-03-01T00:00:00Z"), SurveyMetric.CES, 7), surveys.get(1));
    assertEquals(Channel.EMAIL, surveys.get(0).channel().orElseThrow());
    assertEquals("line 3: score must be in [1, 5] for csat but was 6", rejects.get(0).toString());

    rejects.clear();
    List<Journey> journeys = read(Schema.JOURNEYS, Format.CSV,
        "journey,customer,type,start,end,outcome\n"
            + "j1,c1,open account,2026-03-01T10:00:00Z,2026-03-01T10:30:00Z,completed\n"
            + "j2,c1,return shoes,2026-03-02T10:00:00Z,,in_progress\n"
            + "j3,c1,return shoes,2026-03-02T10:00:00Z,,abandoned\n"
            + "j4,c1,return shoes,2026-03-02T10:00:00Z,2026-03-01T10:00:00Z,failed\n",
        rejects);
    assertEquals(2, journeys.size());
    assertEquals(JourneyOutcome.IN_PROGRESS, journeys.get(1).outcome());
    assertEquals(List.of(4L, 5L), lines(rejects));
    assertEquals(Optional.of("end"), rejects.get(1).field());
  }

  @Test
  void read_customers() throws IOException {
    List<Reject> rejects = new ArrayList<>();
    List<Customer> customers = read(Schema.CUSTOMERS, Format.CSV,
        "segment,customer,relationship\n"
            + "gold,c1,dedicated_personal_assistance\n"
            + ",c2,\n"
            + "silver,c3,walk_in\n"
            + "silver,,self_service\n",
        rejects);
    assertEquals(List.of(
        Customer.of("c1").withRelationship(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE).withSegment("gold"),
        Customer.of("c2")), customers);
    assertEquals(List.of(4L, 5L), lines(rejects));
    assertEquals(Optional.of("relationship"), rejects.get(0).field());
    assertEquals(Optional.of("customer"), rejects.get(1).field());
  }

  /**
   * Aggregated paths in the attribution tools' format: the issue-5 worked example, an empty value
   * (0), fractional counts, spaces around a separator ignored, and rejects naming their field: an
   * empty channel, a negative count, a missing count, a value without conversions.
   */
  @Test
  void read_paths() throws IOException {
    List<Reject> rejects = new ArrayList<>();
    List<ConversionPath> paths = read(Schema.PATHS, Format.CSV,
        "path,total_conversions,total_conversion_value,total_null\n"
            + "Google Ads,2,20,1\n"
            + "Mailing,1,,0\n"
            + "Google Ads > Mailing,0.5,7.25,1.5\n"
            + "Google Ads >  > Mailing,1,1,1\n"
            + "Google Ads >  Mailing,1,1,1\n"
            + "Mailing,-1,1,1\n"
            + "Mailing,1,1,\n"
            + "Mailing,0,5,2\n",
        rejects);
    assertEquals(List.of(
        new ConversionPath(List.of("Google Ads"), 2, 20, 1),
        new ConversionPath(List.of("Mailing"), 1, 0, 0),
        new ConversionPath(List.of("Google Ads", "Mailing"), 0.5, 7.25, 1.5),
        new ConversionPath(List.of("Google Ads", "Mailing"), 1, 1, 1)), paths); // spaces around '>' are ignored
    assertEquals("Google Ads > Mailing", paths.get(2).text());
    assertEquals(List.of(5L, 7L, 8L, 9L), lines(rejects));
    assertEquals(List.of("path", "total_conversions", "total_null", "total_conversion_value"),
        rejects.stream().map(r -> r.field().orElseThrow()).toList());
    assertTrue(rejects.get(0).reason().contains("channel 2 of"), rejects.get(0).reason());
    assertEquals(Schema.PATHS, Schema.named("paths"));
  }

  @Test
  void line_namesTheRowLastReturned() throws IOException {
    String text = "customer,relationship,segment\n\nc1,,\nc2,walk_in,\n\nc3,self_service,\n";
    try (RowReader<Customer> r = Schema.CUSTOMERS.reader(new StringReader(text), Format.CSV, ReadOptions.lenient(), x -> {})) {
      assertEquals(0, r.line());
      assertEquals("c1", r.next().id());
      assertEquals(3, r.line());
      assertTrue(r.hasNext()); // reads ahead past the rejected line 4 and blank line 5
      assertEquals(3, r.line());
      assertEquals("c3", r.next().id());
      assertEquals(6, r.line());
    }
  }
}

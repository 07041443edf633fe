package io.engagekit.cli;

import static io.engagekit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ValidateCommandTest {
  @TempDir Path dir;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(ValidateCommandTest.class.getResource(name)).toURI());
  }

  /** The example: a negative value on line 7, a bad timestamp on line 12, NaN on line 20. */
  private Path badTouchpoints() throws IOException {
    StringBuilder csv = new StringBuilder("customer,timestamp,channel,kind,value\n");
    for (int line = 2; line <= 25; line++) {
      String ts = line == 12 ? "2026-03-01 10:00" : "2026-03-01T10:00:00Z";
      String value = line == 7 ? "-3" : line == 20 ? "NaN" : "10.5";
      csv.append("c").append(line % 5).append(',').append(ts).append(",web,purchase,").append(value).append('\n');
    }
    Path file = dir.resolve("touchpoints.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void validate_cdnowMaster_matchesThePublishedCohort() throws Exception {
    // 69,659 records of 23,570 customers, 1997-01-01 to 1998-06-30 (Fader & Hardie 2001; ../shared/data/README.md).
    CliTestSupport.Result r = run("validate", "--input", resource("CDNOW_master.txt").toString(),
        "--format", "transactions", "--delimiter", "whitespace", "--header",
        "--columns", "customer=1,date=2,quantity=3,amount=4", "--date-format", "yyyyMMdd", "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals(
        "{\"rows\":69659,\"accepted\":69659,\"rejected\":0,\"customers\":23570,"
            + "\"first\":\"1997-01-01T00:00:00Z\",\"last\":\"1998-06-30T00:00:00Z\",\"rejectedLines\":[]}\n",
        r.out());
  }

  /**
   * Issue 22: a headerless log read as if it had a header lost its first row with exit 0 (6,918 of
   * 6,919 rows). Its first row reads as a purchase, so the input is refused, naming the way out.
   */
  @Test
  void validate_headerlessLog_withoutNoHeader_isRefused() throws IOException {
    Path log = dir.resolve("headerless.txt");
    Files.writeString(log, "00001 19970101 1 11.77\n00002 19970112 1 12.00\n");
    String[] options = {"--format", "transactions", "--delimiter", "whitespace",
        "--columns", "customer=1,date=2,quantity=3,amount=4", "--date-format", "yyyyMMdd", "--json"};
    CliTestSupport.Result r = run(concat(new String[] {"validate", "--input", log.toString()}, options));
    assertEquals(2, r.status(), r.out());
    assertTrue(r.err().contains("line 1: the header row reads as a purchase"), r.err());
    assertTrue(r.err().contains("--no-header"), r.err());
    CliTestSupport.Result ok = run(concat(new String[] {"validate", "--input", log.toString(), "--no-header"}, options));
    assertEquals(0, ok.status(), ok.err());
    assertTrue(ok.out().startsWith("{\"rows\":2,\"accepted\":2,"), ok.out());
  }

  /**
   * Issue 22: one Latin-1 byte in a UTF-8 read made the file unreadable ("reading failed after 0
   * rows"). Now it is a rejected row with its line and byte; --encoding reads the file as what it is.
   */
  @Test
  void validate_aByteOfAnotherEncoding_isARejectedRow_andEncodingReadsIt() throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, ("customer,timestamp,channel,kind\nc1,2026-01-01T00:00:00Z,web,visit\n"
        + "caf\u00e9,2026-01-02T00:00:00Z,web,visit\nc2,2026-01-03T00:00:00Z,web,visit\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    CliTestSupport.Result r = run("validate", "--input", file.toString(), "--json");
    assertEquals(1, r.status(), r.err());
    assertTrue(r.out().startsWith("{\"rows\":3,\"accepted\":2,\"rejected\":1,"), r.out());
    assertTrue(r.err().contains("rejected line 3: line is not valid UTF-8: byte 0xE9 at offset 69"), r.err());
    CliTestSupport.Result latin1 = run("validate", "--input", file.toString(), "--encoding", "ISO-8859-1", "--json");
    assertEquals(0, latin1.status(), latin1.err());
    assertTrue(latin1.out().startsWith("{\"rows\":3,\"accepted\":3,"), latin1.out());
    CliTestSupport.Result unknown = run("validate", "--input", file.toString(), "--encoding", "klingon");
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("--encoding must be a character encoding this Java knows"), unknown.err());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void validate_lenient_reportsEveryRejectAndExitsOne() throws IOException {
    CliTestSupport.Result r = run("validate", "--input", badTouchpoints().toString(), "--json");
    assertEquals(1, r.status());
    assertTrue(r.out().startsWith("{\"rows\":24,\"accepted\":21,\"rejected\":3,\"customers\":5,"), r.out());
    assertTrue(r.out().endsWith("\"rejectedLines\":[7,12,20]}\n"), r.out());
    assertTrue(r.err().contains("rejected line 7: value must be finite and >= 0 but was -3.0"), r.err());
    assertEquals(1, r.out().lines().count());
  }

  @Test
  void validate_strict_stopsAtLine7AndNamesOnlyIt() throws IOException {
    CliTestSupport.Result r = run("validate", "--input", badTouchpoints().toString(), "--strict", "--json");
    assertEquals(1, r.status());
    assertTrue(r.out().contains("\"rejected\":1,") && r.out().contains("\"rejectedLines\":[7]"), r.out());
    assertTrue(r.err().contains("line 7"), r.err());
    assertFalse(r.err().contains("line 12") || r.err().contains("line 20"), r.err());
  }

  @Test
  void validate_rejectsFile_keepsEveryReject() throws IOException {
    Path rejects = dir.resolve("rejects.csv");
    CliTestSupport.Result r = run("validate", "--input", badTouchpoints().toString(), "--rejects", rejects.toString());
    assertEquals(1, r.status());
    List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
    assertEquals("line,field,reason", lines.get(0));
    assertEquals("7,value,must be finite and >= 0 but was -3.0", lines.get(1));
    assertEquals(4, lines.size());
    assertTrue(r.out().contains("rejected   3"), r.out());
  }

  @Test
  void validate_clean_exitsZeroWithAHumanSummary() throws IOException {
    Path file = dir.resolve("surveys.csv");
    Files.writeString(file, "customer,timestamp,metric,score\nc1,2026-03-01,nps,9\nc2,2026-03-02,csat,4\n");
    CliTestSupport.Result r = run("validate", "--input", file.toString(), "--kind", "surveys");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("customers  2"), r.out());
    assertTrue(r.out().contains("last       2026-03-02T00:00:00Z"), r.out());
  }

  @Test
  void validate_jsonlByExtension_andJourneys() throws IOException {
    Path file = dir.resolve("journeys.jsonl");
    Files.writeString(file,
        "{\"journey\":\"j1\",\"customer\":\"c1\",\"type\":\"open account\",\"start\":\"2026-03-01T10:00:00Z\","
            + "\"end\":\"2026-03-05T10:00:00Z\",\"outcome\":\"completed\"}\n");
    CliTestSupport.Result r = run("validate", "--input", file.toString(), "--kind", "journeys", "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("\"first\":\"2026-03-01T10:00:00Z\",\"last\":\"2026-03-05T10:00:00Z\""), r.out());
  }

  @Test
  void validate_customers() throws IOException {
    Path file = dir.resolve("customers.csv");
    Files.writeString(file, "customer,relationship,segment\nc1,self_service,gold\nc2,,\nc3,walk_in,\n");
    CliTestSupport.Result r = run("validate", "--input", file.toString(), "--kind", "customers", "--json");
    assertEquals(1, r.status(), r.err());
    assertTrue(r.out().contains("\"rows\":3,\"accepted\":2,\"rejected\":1,\"customers\":2,\"first\":null,\"last\":null,"
        + "\"rejectedLines\":[4]"), r.out());
  }

  @Test
  void validate_usageErrorsAndUnreadableInput_exitTwo() throws IOException {
    Path good = badTouchpoints();
    assertEquals(2, run("validate").status());
    assertEquals(2, run("validate", "--input", good.toString(), "--format", "xml").status());
    assertEquals(2, run("validate", "--input", good.toString(), "--delimiter", "tab").status());
    assertEquals(2, run("validate", "--input", good.toString(), "--format", "transactions").status());
    assertEquals(2, run("validate", "--input", good.toString(), "--columns", "customer=1,date=2").status());
    assertEquals(2, run("validate", "--input", good.toString(), "--zone", "Mars/Olympus").status());
    CliTestSupport.Result missing = run("validate", "--input", dir.resolve("nope.csv").toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("no such file"), missing.err());
    Path badHeader = dir.resolve("bad-header.csv");
    Files.writeString(badHeader, "customer,when\nc1,2026-03-01\n");
    CliTestSupport.Result header = run("validate", "--input", badHeader.toString(), "--json");
    assertEquals(2, header.status());
    assertEquals("", header.out());
    assertTrue(header.err().contains("line 1: the CSV header has unknown column 'when'"), header.err());
    assertFalse(header.err().contains("\tat "), "no stack trace without --verbose");
    Path notUtf8 = dir.resolve("latin1.csv");
    Files.write(notUtf8, "customer,timestamp,channel,kind\nJos\u00e9,2026-03-01,web,visit\n".getBytes(StandardCharsets.ISO_8859_1));
    // Not UTF-8: the line is a rejected row now (exit 1), not the whole file unreadable.
    assertEquals(1, run("validate", "--input", notUtf8.toString()).status());
  }

  @Test
  void helpAndVersion_exitZero() {
    CliTestSupport.Result help = run("--help");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("validate") && help.out().contains("demo"), help.out());
    assertEquals(0, run("validate", "--help").status());
    assertEquals(0, run("demo", "--help").status());
    CliTestSupport.Result version = run("--version");
    assertEquals(0, version.status());
    assertTrue(version.out().startsWith("engagekit "), version.out());
  }

  /**
   * Issue 25, item 4: exports as CRMs write them. Codes in any case read with --fold-case, and a
   * semicolon-separated transaction log with decimal commas with --decimal-separator ,.
   */
  @Test
  void exportConventions_foldCase_andDecimalComma() throws IOException {
    Path crm = dir.resolve("crm.csv");
    Files.writeString(crm, "customer,timestamp,channel,kind\nc1,2026-03-01,Web,Purchase\nc2,2026-03-02,EMAIL,Visit\n");
    CliTestSupport.Result asWritten = run("validate", "--input", crm.toString(), "--json");
    assertEquals(1, asWritten.status());
    CliTestSupport.Result folded = run("validate", "--input", crm.toString(), "--fold-case", "--json");
    assertEquals(0, folded.status(), folded.err());
    assertTrue(folded.out().contains("\"accepted\":2"), folded.out());

    Path log = dir.resolve("orders.csv");
    Files.writeString(log, "Kunde;Datum;Betrag\nk1;2026-03-01;59,90\nk2;2026-03-02;1.234,50\n");
    CliTestSupport.Result comma = run("validate", "--input", log.toString(), "--format", "transactions",
        "--delimiter", "semicolon", "--columns", "customer=Kunde,date=Datum,amount=Betrag", "--decimal-separator", ",",
        "--json");
    assertEquals(1, comma.status(), comma.err());
    assertTrue(comma.out().contains("\"accepted\":1") && comma.out().contains("\"rejected\":1"), comma.out());
    assertTrue(comma.err().contains("',' as the decimal separator") && comma.err().contains("1.234,50"), comma.err());
    CliTestSupport.Result bad = run("validate", "--input", log.toString(), "--decimal-separator", ";");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("--decimal-separator must be . or , but was ';'"), bad.err());
  }
}

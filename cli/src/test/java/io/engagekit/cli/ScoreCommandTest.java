package io.engagekit.cli;

import static io.engagekit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

final class ScoreCommandTest {
  @TempDir Path dir;

  private Path cdnowSample() throws IOException {
    // The bundled CDNOW 1/10 sample (cli main resources; provenance in cdnow/README.md).
    Path file = dir.resolve("CDNOW_sample.txt");
    if (!Files.exists(file)) {
      try (var in = Objects.requireNonNull(DemoCommand.class.getResourceAsStream(DemoCommand.RESOURCE))) {
        Files.copy(in, file);
      }
    }
    return file;
  }

  @Test
  void cdnowSample_everyCustomerScored_contributionsAddUp() throws IOException {
    Path scores = dir.resolve("scores.csv");
    CliTestSupport.Result r = run("score", "--input", cdnowSample().toString(), "--format", "transactions",
        "--delimiter", "whitespace", "--no-header", "--columns", "customer=2,date=3,quantity=4,amount=5",
        "--date-format", "yyyyMMdd", "--strategy", "loyalty.decayed,loyalty.rfm,alert.fading", "--as-of", "1997-09-30",
        "--output", scores.toString(), "--explain");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith(
        "scored 2,357 customers with [loyalty.decayed, loyalty.rfm, alert.fading] as of 1997-09-30T00:00:00Z"), r.out());
    // 1,959 records fall in the 39-week holdout after 1997-09-30 (../shared/data/README.md, CDNOW_sample.txt).
    assertTrue(r.err().contains("1,959 events after --as-of 1997-09-30T00:00:00Z were left out of the scores"), r.err());
    List<String> lines = Files.readAllLines(scores, StandardCharsets.UTF_8);
    // The label (RFM code and segment) is the last column, with or without --explain (issue 25).
    assertEquals("customer,strategy,score,contributions,measures,no_evidence,label", lines.get(0));
    assertEquals(1 + 3 * 2357, lines.size());
    int explained = 0;
    int positive = 0;
    int absent = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells[2].isEmpty()) {
        // No evidence: an empty score with its reason, never a 0 (issue 23). Only alert.fading lacks history here.
        assertEquals("alert.fading", cells[1], line);
        assertTrue(cells[5].startsWith("too little history"), line);
        assertEquals("", cells[3] + cells[4], line);
        absent++;
        continue;
      }
      assertEquals("", cells[5], line);
      double score = Double.parseDouble(cells[2]);
      double sum = 0;
      for (String part : cells[3].isEmpty() ? new String[0] : cells[3].split(";")) {
        sum += Double.parseDouble(part.substring(part.indexOf('=') + 1));
        explained++;
      }
      assertEquals(score, sum, 1e-9, line);
      if (!cells[1].equals("alert.fading")) {
        assertTrue(score > 0, "every CDNOW customer bought in the calibration period: " + line);
        positive++;
      }
    }
    assertEquals(2 * 2357, positive);
    assertTrue(explained > 0, "some customers' interest faded in the sample");
    assertTrue(absent > 0, "most one-time buyers have too little history for alert.fading");
  }

  /** RFM over the CDNOW sample: every customer is a purchaser, each in exactly one segment. */
  @Test
  void cdnowSample_rfmJson_hasSegmentsAndLabels() throws IOException {
    CliTestSupport.Result r = run("score", "--input", cdnowSample().toString(), "--format", "transactions",
        "--delimiter", "whitespace", "--no-header", "--columns", "customer=2,date=3,quantity=4,amount=5",
        "--date-format", "yyyyMMdd", "--strategy", "loyalty.rfm,loyalty.decayed", "--as-of", "1997-09-30", "--json");
    assertEquals(0, r.status(), r.err());
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    com.fasterxml.jackson.databind.JsonNode rfm = json.get("strategies").get(0);
    assertEquals("loyalty.rfm", rfm.get("name").asText());
    com.fasterxml.jackson.databind.JsonNode population = rfm.get("population");
    assertEquals(2357, population.get("purchasers").asInt());
    int segments = 0;
    for (String s : List.of("champions", "loyal", "potential_loyalists", "at_risk", "hibernating", "lost")) {
      segments += population.get(s).asInt();
    }
    assertEquals(2357, segments);
    for (com.fasterxml.jackson.databind.JsonNode score : rfm.get("scores")) {
      assertTrue(score.get("label").asText().matches("[1-5]{3} [a-z_]+"), score.toString());
    }
    com.fasterxml.jackson.databind.JsonNode decayed = json.get("strategies").get(1).get("population");
    // 8 of the sample's customers spent $0.00 in all their calibration-period records (awk over CDNOW_sample.txt).
    assertEquals(2357 - 8, decayed.get("spenders").asInt());
    assertTrue(decayed.get("medianSpend").asDouble() > 0);
  }

  @Test
  void surveys_populationFigures_matchTheIssuesWorkedExamples() throws IOException {
    StringBuilder csv = new StringBuilder("customer,timestamp,metric,score\n");
    int id = 0;
    int[][] nps = {{10, 30}, {8, 50}, {3, 20}};         // 30% promoters, 20% detractors
    int[][] csat = {{5, 42}, {4, 32}, {3, 10}, {2, 9}, {1, 14}};
    for (int[] group : nps) {
      for (int i = 0; i < group[1]; i++) {
        csv.append("n").append(id++).append(",2026-03-01,nps,").append(group[0]).append('\n');
      }
    }
    for (int[] group : csat) {
      for (int i = 0; i < group[1]; i++) {
        csv.append("s").append(id++).append(",2026-03-01,csat,").append(group[0]).append('\n');
      }
    }
    Path file = dir.resolve("surveys.csv");
    Files.writeString(file, csv);
    CliTestSupport.Result r = run("score", "--input", file.toString(), "--kind", "surveys",
        "--strategy", "satisfaction.nps,satisfaction.csat", "--json");
    assertEquals(0, r.status(), r.err());
    // Issue 3 acceptance: NPS 10.0; CSAT 69.16 (74 of 107 top-2-box).
    assertTrue(r.out().contains("\"population\":{\"responses\":100,\"nps\":10.0,\"promoters\":30.0,\"passives\":50.0,"
        + "\"detractors\":20.0,"), r.out());
    assertTrue(r.out().contains("\"csat\":" + (100.0 * 74 / 107) + ","), r.out());
    assertTrue(r.out().startsWith("{\"asOf\":\"2026-03-01T00:00:00Z\",\"customers\":207,\"strategies\":[{\"name\":\"satisfaction.nps\""),
        r.out());
    assertTrue(r.out().contains("{\"customer\":\"n0\",\"score\":100.0,\"contributions\":{\"latest_nps\":100.0}}"), r.out());
  }

  @Test
  void thirdPartyStrategy_isUsedThroughTheCli() throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "customer,timestamp,channel,kind\na,2026-03-01,web,visit\na,2026-03-02,web,visit\nb,2026-03-02,web,visit\n");
    CliTestSupport.Result r = run("score", "--input", file.toString(), "--strategy", "acme.events");
    assertEquals(0, r.status(), r.err());
    assertEquals("# as of 2026-03-02T00:00:00Z, 2 customers\ncustomer strategy score label\na acme.events 20.00\n"
        + "b acme.events 10.00\n", cells(r.out()));
  }

  @Test
  void rejectedRows_areReported_andTheRestScored() throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "customer,timestamp,channel,kind\na,2026-03-01,web,visit\nb,yesterday,web,visit\n");
    Path rejects = dir.resolve("rejects.csv");
    CliTestSupport.Result r = run("score", "--input", file.toString(), "--strategy", "acme.events", "--rejects", rejects.toString());
    assertEquals(1, r.status());
    assertTrue(cells(r.out()).contains("a acme.events 10.00"), r.out());
    assertTrue(r.err().contains("rejected t.csv line 3: timestamp"), r.err());
    assertEquals("file,line,field,reason", Files.readAllLines(rejects).get(0));
  }

  @Test
  void usageErrors_exitTwo() throws IOException, URISyntaxException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "customer,timestamp,channel,kind\na,2026-03-01,web,visit\n");
    CliTestSupport.Result unknown = run("score", "--input", file.toString(), "--strategy", "loyalty.nope");
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("no strategy is named 'loyalty.nope'; known: [satisfaction.csat"), unknown.err());
    assertEquals(2, run("score", "--input", file.toString()).status());
    assertEquals(2, run("score", "--input", file.toString(), "--strategy", "acme.events", "--as-of", "soon").status());
    assertEquals(2, run("score", "--input", file.toString(), "--strategy", "acme.events", "--kind", "journeys").status());
    assertEquals(2, run("score", "--input", file.toString(), "--strategy", "acme.events,acme.events").status());
    assertEquals(2, run("score", "--input", dir.resolve("missing.csv").toString(), "--strategy", "acme.events").status());
    // Rows rejected in the input, then an unreadable surveys file: unreadable input wins (2, not 1).
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "customer,timestamp,channel,kind\na,yesterday,web,visit\n");
    assertEquals(2, run("score", "--input", bad.toString(), "--surveys", dir.resolve("none.csv").toString(),
        "--strategy", "acme.events").status());
    // --strict stops at the first rejected row: 1.
    assertEquals(1, run("score", "--input", bad.toString(), "--strict", "--strategy", "acme.events").status());
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
  }

  /** The score of one customer in the first strategy of a score --json output. */
  private List<String> cdnowArgs(String... more) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("--input", cdnowSample().toString(), "--format",
        "transactions", "--delimiter", "whitespace", "--no-header", "--columns", "customer=2,date=3,quantity=4,amount=5",
        "--date-format", "yyyyMMdd"));
    args.addAll(List.of(more));
    return args;
  }

  /**
   * Issue 4: the model-based strategies in engagekit score. Fitted in place on the CDNOW sample as
   * of the calibration end they reproduce Fader, Hardie &amp; Lee's (2005) BG/NBD log-likelihood
   * −9582.43 and customer 0001's E[Y(39 weeks)] = 1.2260 (as engagekit fit --predictions gives);
   * given the model fitted beforehand by engagekit fit --json, they score the same.
   */
  @Test
  void modelStrategies_fitInPlace_orTakeAModelFromFit() throws IOException {
    List<String> score = new java.util.ArrayList<>(List.of("score"));
    score.addAll(cdnowArgs("--strategy", "loyalty.bgnbd,loyalty.clv", "--as-of", "1997-09-30", "--horizon", "39w",
        "--json"));
    CliTestSupport.Result r = run(score.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    com.fasterxml.jackson.databind.JsonNode population = json.get("strategies").get(0).get("population");
    assertEquals(-9582.43, population.get("logLikelihood").asDouble(), 0.01);
    assertEquals(2357, population.get("purchasers").asInt());
    com.fasterxml.jackson.databind.JsonNode first = scoreOf(json, "0001");
    assertEquals(1.2260, first.get("measures").get("expected_transactions").asDouble(), 5e-5);
    // Issue 23: the score is 100 · P(a purchase within the horizon), not 100 · P(alive).
    assertEquals(100 * first.get("measures").get("p_purchase").asDouble(), first.get("score").asDouble(), 1e-9);
    com.fasterxml.jackson.databind.JsonNode clv = json.get("strategies").get(1);
    assertEquals("loyalty.clv", clv.get("name").asText());
    // Fader, Hardie & Lee (2005, JMR): Gamma-Gamma p = 6.25 on the 946 repeat buyers.
    assertEquals(6.25, clv.get("population").get("p").asDouble(), 6.25 * 0.002);
    assertTrue(clv.get("scores").get(0).get("measures").get("clv").asDouble() > 0);

    Path model = dir.resolve("bgnbd.json");
    List<String> fit = new java.util.ArrayList<>(List.of("fit", "bgnbd"));
    fit.addAll(cdnowArgs("--calibration-end", "1997-09-30", "--json"));
    CliTestSupport.Result fitted = run(fit.toArray(String[]::new));
    assertEquals(0, fitted.status(), fitted.err());
    Files.writeString(model, fitted.out());
    List<String> given = new java.util.ArrayList<>(List.of("score"));
    given.addAll(cdnowArgs("--strategy", "loyalty.bgnbd", "--as-of", "1997-09-30", "--horizon", "39w", "--json",
        "--model", model.toString()));
    CliTestSupport.Result withModel = run(given.toArray(String[]::new));
    assertEquals(0, withModel.status(), withModel.err());
    com.fasterxml.jackson.databind.JsonNode again = new com.fasterxml.jackson.databind.ObjectMapper().readTree(withModel.out());
    assertTrue(again.get("strategies").get(0).get("population").get("logLikelihood") == null,
        "a model given is not fitted again");
    assertEquals(first.get("score").asDouble(), scoreOf(again, "0001").get("score").asDouble(), 1e-6);
    assertEquals(1.2260, scoreOf(again, "0001").get("measures").get("expected_transactions").asDouble(), 5e-5);

    // The text table shows the measures with --explain.
    List<String> text = new java.util.ArrayList<>(List.of("score"));
    text.addAll(cdnowArgs("--strategy", "loyalty.bgnbd", "--as-of", "1997-09-30", "--explain", "--model", model.toString()));
    CliTestSupport.Result table = run(text.toArray(String[]::new));
    assertEquals(0, table.status(), table.err());
    assertTrue(cells(table.out()).lines().anyMatch(l -> l.startsWith("0001 loyalty.bgnbd ")
        && l.contains(" p_purchase=") && l.contains(";p_alive=")), table.out());
  }

  /**
   * loyalty.bgbb (issue 23) on the donations data of Fader, Hardie &amp; Shang (2010) as yearly gifts:
   * fitted in place it reproduces their estimates (section 4); with the model from {@code fit bgbb
   * --json} it scores the same; the options are checked.
   */
  @Test
  void bgbb_scoresYearlyOpportunities_fittedInPlaceOrFromFit() throws IOException {
    Path donations = dir.resolve("donations.csv");
    Files.copy(java.util.Objects.requireNonNull(ScoreCommandTest.class.getResourceAsStream("donations.csv")), donations);
    StringBuilder csv = new StringBuilder("customer,timestamp,channel,kind,value\n");
    int id = 0;
    for (String line : Files.readAllLines(donations).subList(1, Files.readAllLines(donations).size())) {
      String[] f = line.split(",");
      int x = Integer.parseInt(f[0]);
      int tx = Integer.parseInt(f[1]);
      for (int c = Integer.parseInt(f[3]); c > 0; c--) {
        String customer = "d" + ++id;
        List<Integer> years = new java.util.ArrayList<>(List.of(1995));
        for (int k = 1; k < x; k++) {
          years.add(1995 + k);
        }
        if (x > 0) {
          years.add(1995 + tx);
        }
        for (int year : years) {
          csv.append(customer).append(',').append(year).append("-06-15T00:00:00Z,web,purchase,25\n");
        }
      }
    }
    Path gifts = dir.resolve("gifts.csv");
    Files.writeString(gifts, csv);
    CliTestSupport.Result r = run("score", "--input", gifts.toString(), "--strategy", "loyalty.bgbb", "--as-of",
        "2001-12-31", "--json");
    assertEquals(0, r.status(), r.err());
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    com.fasterxml.jackson.databind.JsonNode population = json.get("strategies").get(0).get("population");
    // Fader, Hardie & Shang (2010), section 4: alpha, beta, gamma, delta = 1.204, 0.750, 0.657, 2.783.
    assertEquals(11_104, population.get("purchasers").asInt());
    assertEquals(1.204, population.get("alpha").asDouble(), 0.002 * 1.204);
    assertEquals(2.783, population.get("delta").asDouble(), 0.002 * 2.783);
    assertEquals(-33_225.6, population.get("logLikelihood").asDouble(), 0.1);
    com.fasterxml.jackson.databind.JsonNode once = scoreOf(json, "d1"); // never gave again: x = 0, n = 6
    assertEquals(6.0, once.get("measures").get("n").asDouble());
    assertEquals(100 * once.get("measures").get("p_purchase").asDouble(), once.get("score").asDouble(), 1e-9);

    Path model = dir.resolve("donations-bgbb.json");
    CliTestSupport.Result fitted = run("fit", "bgbb", "--input", donations.toString(), "--json");
    assertEquals(0, fitted.status(), fitted.err());
    Files.writeString(model, fitted.out());
    CliTestSupport.Result given = run("score", "--input", gifts.toString(), "--strategy", "loyalty.bgbb", "--as-of",
        "2001-12-31", "--json", "--model", model.toString(), "--opportunities", "2");
    assertEquals(0, given.status(), given.err());
    com.fasterxml.jackson.databind.JsonNode again = new com.fasterxml.jackson.databind.ObjectMapper().readTree(given.out());
    assertTrue(again.get("strategies").get(0).get("population").get("logLikelihood") == null);
    assertEquals(2.0, again.get("strategies").get(0).get("population").get("horizon").asDouble());
    assertTrue(scoreOf(again, "d1").get("score").asDouble() > once.get("score").asDouble(),
        "two years ahead is likelier to hold a gift than one");

    CliTestSupport.Result badPeriod = run("score", "--input", gifts.toString(), "--strategy", "loyalty.bgbb",
        "--opportunity", "fortnight");
    assertEquals(2, badPeriod.status());
    assertTrue(badPeriod.err().contains("--opportunity must be day, week, month, quarter or year but was 'fortnight'"),
        badPeriod.err());
    CliTestSupport.Result badCount = run("score", "--input", gifts.toString(), "--strategy", "loyalty.bgbb",
        "--opportunities", "0");
    assertEquals(2, badCount.status());
    assertTrue(badCount.err().contains("--opportunities: horizon must be in [1, 100000] opportunities but was 0"),
        badCount.err());
  }

  @Test
  void modelStrategies_thatCannotBeFitted_exitThree_andBadModelFilesAreUsageErrors() throws IOException {
    Path one = dir.resolve("one.csv");
    Files.writeString(one, "customer,timestamp,channel,kind,value\nc1,2026-01-01T10:00:00Z,web,purchase,5\n");
    CliTestSupport.Result r = run("score", "--input", one.toString(), "--strategy", "loyalty.bgnbd");
    assertEquals(3, r.status(), r.err());
    assertTrue(r.err().contains("engagekit: loyalty.bgnbd cannot fit BG/NBD on the 1 customers with purchases as of"
        + " 2026-01-01T10:00:00Z: BG/NBD cannot be fitted: no customer made a repeat purchase"), r.err());
    // Said once (issue 23), and the score written as no evidence rather than the command failing midway.
    assertEquals(1, r.err().lines().filter(l -> l.contains("cannot fit")).count(), r.err());
    assertTrue(cells(r.out()).contains("c1 loyalty.bgnbd - no evidence: loyalty.bgnbd cannot fit BG/NBD"), r.out());

    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"model\":\"bgnbd\",\"params\":{\"r\":1,\"alpha\":1,\"a\":1},\"timeUnit\":\"weeks\"}");
    CliTestSupport.Result missing = run("score", "--input", one.toString(), "--strategy", "loyalty.bgnbd",
        "--model", bad.toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains(bad + ": params.b is missing or not a number"), missing.err());

    Path bgbb = dir.resolve("bgbb.json");
    Files.writeString(bgbb, "{\"model\":\"bgbb\",\"params\":{\"alpha\":1.2,\"beta\":0.75,\"gamma\":0.66,"
        + "\"delta\":2.8}}");
    CliTestSupport.Result discrete = run("score", "--input", one.toString(), "--strategy", "loyalty.bgnbd",
        "--model", bgbb.toString());
    // Since issue 23 a bgbb model scores loyalty.bgbb: given to another strategy, it is said to be unused.
    assertEquals(3, discrete.status());
    assertTrue(discrete.err().contains("--model " + bgbb + " (bgbb) is used by none of the strategies"), discrete.err());

    Path days = dir.resolve("days.json");
    Files.writeString(days, "{\"model\":\"paretonbd\",\"params\":{\"r\":0.5,\"alpha\":70,\"s\":0.6,"
        + "\"beta\":80},\"timeUnit\":\"days\"}");
    CliTestSupport.Result unit = run("score", "--input", one.toString(), "--strategy", "loyalty.paretonbd",
        "--model", days.toString(), "--time-unit", "weeks");
    assertEquals(2, unit.status());
    assertTrue(unit.err().contains("--time-unit weeks differs from the unit of " + days + " (days)"), unit.err());

    CliTestSupport.Result unused = run("score", "--input", one.toString(), "--strategy", "loyalty.paretonbd",
        "--model", days.toString(), "--as-of", "2026-02-01", "--json");
    assertEquals(0, unused.status(), unused.err());
    com.fasterxml.jackson.databind.JsonNode c1 = scoreOf(new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(unused.out()), "c1");
    List<String> names = new java.util.ArrayList<>();
    c1.get("measures").fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("p_purchase", "expected_transactions", "p_alive", "x", "t_x", "T"), names);
    assertEquals(31.0 - 0, c1.get("measures").get("T").asDouble(), 1e-12);
  }

  private static com.fasterxml.jackson.databind.JsonNode scoreOf(com.fasterxml.jackson.databind.JsonNode json, String customer) {
    for (com.fasterxml.jackson.databind.JsonNode s : json.get("strategies").get(0).get("scores")) {
      if (s.get("customer").asText().equals(customer)) {
        return s;
      }
    }
    throw new AssertionError("no score for " + customer + " in " + json);
  }

  /**
   * The same purchases (without a value) judged against two relationship types (Expectations'
   * defaults): 60 days after the last purchase, a self-service customer (expected every 90 days) is fully recent, R = 1, while
   * a dedicated-assistance customer (every 30 days) has R = 2^(-(60-30)/30) = 0.5. With no spend,
   * recency weighs 40/75 of the score. A customer listed only in --customers is listed too, with no
   * evidence.
   */
  @Test
  void customersFile_relationshipTypesChangeLoyaltyDecayed() throws IOException {
    Path events = write("touchpoints.csv", "customer,timestamp,channel,kind\n"
        + "self,2026-01-01T00:00:00Z,web,purchase\n"
        + "dedicated,2026-01-01T00:00:00Z,web,purchase\n");
    Path customers = write("customers.csv", "customer,relationship,segment\n"
        + "self,self_service,retail\n"
        + "dedicated,dedicated_personal_assistance,key_accounts\n"
        + "quiet,personal_assistance,\n");
    CliTestSupport.Result r = run("score", "--input", events.toString(), "--customers", customers.toString(),
        "--strategy", "loyalty.decayed", "--as-of", "2026-03-02", "--json");
    assertEquals(0, r.status(), r.err());
    com.fasterxml.jackson.databind.JsonNode out = json(r.out());
    assertEquals(3, out.get("customers").asInt());
    assertEquals(100.0 * 40 / 75, scoreOf(out, "self").get("contributions").get("recency").asDouble(), 1e-9);
    assertEquals(100.0 * 40 / 75 * 0.5, scoreOf(out, "dedicated").get("contributions").get("recency").asDouble(), 1e-9);
    assertTrue(scoreOf(out, "self").get("score").asDouble() > scoreOf(out, "dedicated").get("score").asDouble());
    assertTrue(scoreOf(out, "quiet").get("score").isNull(), "no activity: no evidence, not 0");

    CliTestSupport.Result without = run("score", "--input", events.toString(),
        "--strategy", "loyalty.decayed", "--as-of", "2026-03-02", "--json");
    com.fasterxml.jackson.databind.JsonNode plain = json(without.out());
    assertEquals(2, plain.get("customers").asInt());
    assertEquals(scoreOf(plain, "self").get("score").asDouble(), scoreOf(plain, "dedicated").get("score").asDouble());
  }

  @Test
  void customersFile_listedTwice_isRejectedNamingBothLines() throws IOException {
    Path events = write("touchpoints.csv", "customer,timestamp,channel,kind\nc1,2026-01-01T00:00:00Z,web,visit\n");
    Path customers = write("customers.csv", "customer,relationship,segment\n"
        + "c1,self_service,\n"
        + "c2,walk_in,\n"
        + "c1,communities,\n");
    Path rejects = dir.resolve("rejects.csv");
    CliTestSupport.Result r = run("score", "--input", events.toString(), "--customers", customers.toString(),
        "--strategy", "loyalty.decayed", "--as-of", "2026-03-02", "--rejects", rejects.toString());
    assertEquals(Main.REJECTED, r.status(), r.err());
    List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(1).contains(",3,relationship,") && lines.get(1).contains("walk_in"), lines.get(1));
    assertTrue(lines.get(2).endsWith(",4,customer,customer c1 is listed twice (first on line 2)"), lines.get(2));

    CliTestSupport.Result strict = run("score", "--input", events.toString(), "--customers", customers.toString(),
        "--strategy", "loyalty.decayed", "--as-of", "2026-03-02", "--strict");
    assertEquals(Main.REJECTED, strict.status(), strict.err());
    assertTrue(strict.err().contains("stopped at the first rejected row of " + customers), strict.err());
  }

  /**
   * NPS answers 10 on 2026-01-01 and 0 on 2026-04-01, scored as of 2026-04-11. Latest answer: 0.
   * Within 120 days: the mean 5, so 50. Within 30 days only the 0 counts, for the customer and for
   * the population: one detractor, NPS -100.
   */
  @Test
  void surveyWindow_scoresTheMeanInTheWindow_andPopulationCountsOnlyIt() throws IOException {
    Path events = write("touchpoints.csv", "customer,timestamp,channel,kind\nc1,2026-01-01T00:00:00Z,web,visit\n");
    Path surveys = write("surveys.csv", "customer,timestamp,metric,score\n"
        + "c1,2026-01-01T00:00:00Z,nps,10\n"
        + "c1,2026-04-01T00:00:00Z,nps,0\n");
    String[] base = {"score", "--input", events.toString(), "--surveys", surveys.toString(),
        "--strategy", "satisfaction.nps", "--as-of", "2026-04-11", "--json"};
    com.fasterxml.jackson.databind.JsonNode latest = json(run(base).out());
    assertEquals(0.0, scoreOf(latest, "c1").get("score").asDouble());
    assertEquals(0.0, latest.get("strategies").get(0).get("population").get("nps").asDouble()); // 1 promoter, 1 detractor

    com.fasterxml.jackson.databind.JsonNode wide = json(run(concat(base, "--survey-window", "120d")).out());
    assertEquals(50.0, scoreOf(wide, "c1").get("score").asDouble(), 1e-9);

    com.fasterxml.jackson.databind.JsonNode narrow = json(run(concat(base, "--survey-window", "P30D")).out());
    assertEquals(0.0, scoreOf(narrow, "c1").get("score").asDouble(), 1e-9);
    com.fasterxml.jackson.databind.JsonNode population = narrow.get("strategies").get(0).get("population");
    assertEquals(-100.0, population.get("nps").asDouble());
    assertEquals(100.0, population.get("detractors").asDouble()); // percent of the answers in the window
  }

  @Test
  void surveyWindow_usageErrors() throws IOException {
    Path events = write("touchpoints.csv", "customer,timestamp,channel,kind\nc1,2026-01-01T00:00:00Z,web,visit\n");
    CliTestSupport.Result noAsOf = run("score", "--input", events.toString(), "--strategy", "satisfaction.nps",
        "--survey-window", "30d");
    assertEquals(Main.UNUSABLE, noAsOf.status());
    assertTrue(noAsOf.err().contains("--survey-window needs --as-of"), noAsOf.err());
    CliTestSupport.Result bad = run("score", "--input", events.toString(), "--strategy", "satisfaction.nps",
        "--survey-window", "a month", "--as-of", "2026-04-11");
    assertEquals(Main.UNUSABLE, bad.status());
    assertTrue(bad.err().contains("--survey-window must be a duration such as 90d, 2w, 12h, 30m or P90D but was 'a month'"),
        bad.err());
    CliTestSupport.Result zero = run("score", "--input", events.toString(), "--strategy", "satisfaction.nps",
        "--survey-window", "0d", "--as-of", "2026-04-11");
    assertEquals(Main.UNUSABLE, zero.status());
    assertTrue(zero.err().contains("--survey-window must be positive but was '0d'"), zero.err());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** A customer without a survey answer has no NPS: null in JSON, an empty cell in the terminal table. */
  @Test
  void noSurveyAnswer_isAbsent_notZero() throws IOException {
    Path events = dir.resolve("events.csv");
    Files.writeString(events, "customer,timestamp,channel,kind,value\n"
        + "a,2026-03-01T10:00:00Z,web,purchase,20\n"
        + "b,2026-03-02T10:00:00Z,web,purchase,30\n");
    Path surveys = dir.resolve("surveys.csv");
    Files.writeString(surveys, "customer,timestamp,metric,score\na,2026-03-03T10:00:00Z,nps,0\n");
    CliTestSupport.Result r = run("score", "--input", events.toString(), "--surveys", surveys.toString(),
        "--strategy", "satisfaction.nps", "--as-of", "2026-03-10", "--json");
    assertEquals(0, r.status(), r.err());
    com.fasterxml.jackson.databind.JsonNode nps = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out())
        .get("strategies").get(0);
    assertEquals(1, nps.get("evidence").asInt());
    assertEquals(0.0, nps.get("scores").get(0).get("score").asDouble(), "a answered 0: a real 0");
    assertTrue(nps.get("scores").get(1).get("score").isNull(), nps.toString());
    assertEquals("no NPS answer", nps.get("scores").get(1).get("noEvidence").asText());

    CliTestSupport.Result text = run("score", "--input", events.toString(), "--surveys", surveys.toString(),
        "--strategy", "satisfaction.nps", "--as-of", "2026-03-10");
    assertEquals(0, text.status(), text.err());
    assertTrue(cells(text.out()).contains("a satisfaction.nps 0.00\n"), text.out());
    assertTrue(cells(text.out()).contains("b satisfaction.nps - no evidence: no NPS answer\n"), text.out());
  }

  /**
   * Issue 23, item 6: one event dated 2999 in the CDNOW sample (6,919 rows of 1997-98) moved the
   * default as-of instant of every score to 2999. The default is refused with the rule's reason; with
   * --as-of the file scores; without the bad row the default is the latest event, said on stderr.
   */
  @Test
  void aDefaultAsOf_beyondTheBulkOfTheData_isRefused() throws IOException {
    Path bad = dir.resolve("with-2999.txt");
    Files.writeString(bad, Files.readString(cdnowSample()) + " 99999 0001 29990101  1   10.00\r\n");
    List<String> args = new java.util.ArrayList<>(List.of("score", "--input", bad.toString(), "--format",
        "transactions", "--delimiter", "whitespace", "--no-header", "--columns", "customer=2,date=3,quantity=4,amount=5",
        "--date-format", "yyyyMMdd", "--strategy", "loyalty.rfm", "--json"));
    CliTestSupport.Result refused = run(args.toArray(String[]::new));
    assertEquals(Main.UNUSABLE, refused.status(), refused.err());
    assertTrue(refused.err().contains("engagekit: the latest event (2999-01-01T00:00:00Z) lies "), refused.err());
    assertTrue(refused.err().contains("99% of the 6,920 events fall on or before (1998-0"), refused.err());
    assertTrue(refused.err().contains("1 of them more than "), refused.err());
    assertTrue(refused.err().contains("Give --as-of"), refused.err());
    assertEquals("", refused.out());

    args.addAll(List.of("--as-of", "1998-06-30"));
    CliTestSupport.Result given = run(args.toArray(String[]::new));
    assertEquals(0, given.status(), given.err());
    assertTrue(given.err().contains("1 events after --as-of 1998-06-30T00:00:00Z were left out"), given.err());

    List<String> plain = new java.util.ArrayList<>(List.of("score"));
    plain.addAll(cdnowArgs("--strategy", "loyalty.rfm", "--json"));
    CliTestSupport.Result latest = run(plain.toArray(String[]::new));
    assertEquals(0, latest.status(), latest.err());
    // CDNOW_sample.txt's last purchase is on 1998-06-30 (../shared/data/README.md: the 78 weeks end there).
    assertTrue(latest.err().contains("engagekit: as of 1998-06-30T00:00:00Z, the latest event read"), latest.err());
  }

  /** Issue 23, item 8: the issue's plan, as written, through --strategy plan:FILE; and a broken plan's error. */
  @Test
  void aScoringPlan_fromAFile_ranksAsDeclared() throws IOException {
    Path plan = write("plan.json", "{\"name\": \"plan.example\", \"rules\": [{\"kind\": \"purchase\", "
        + "\"points\": 10}, {\"kind\": \"complaint\", \"points\": -5}]}");
    Path events = write("events.csv", "customer,timestamp,channel,kind\n"
        + "buyer,2026-03-01T10:00:00Z,web,purchase\n"
        + "buyer,2026-03-02T10:00:00Z,web,purchase\n"
        + "unhappy,2026-03-01T10:00:00Z,web,purchase\n"
        + "unhappy,2026-03-02T10:00:00Z,phone,complaint\n");
    CliTestSupport.Result r = run("score", "--input", events.toString(), "--strategy", "plan:" + plan,
        "--as-of", "2026-03-10", "--explain");
    assertEquals(0, r.status(), r.err());
    assertTrue(cells(r.out()).contains("buyer plan.example 20.00 purchase=20 points=20;points.purchase=20"), r.out());
    assertTrue(cells(r.out()).contains("unhappy plan.example 5.00 purchase=10;complaint=-5"), r.out());

    Path broken = write("broken.json", "{\"name\": \"plan.example\",\n \"rules\": [{\"kind\": \"purchace\", "
        + "\"points\": 10}]}");
    CliTestSupport.Result bad = run("score", "--input", events.toString(), "--strategy", "plan:" + broken);
    assertEquals(2, bad.status(), bad.err());
    assertTrue(bad.err().contains(broken + ": line 2, column "), bad.err());
    assertTrue(bad.err().contains("field rules[0].kind"), bad.err());
  }

  /**
   * Issue 25, item 2: the CSV carries the label (the RFM segment) without --explain, and the
   * terminal shows an aligned table with a header row and scores to two decimals.
   */
  @Test
  void output_carriesTheLabel_andTheTableIsAligned() throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "customer,timestamp,channel,kind,value\na,2026-03-01,web,purchase,10\n"
        + "a,2026-03-05,web,purchase,30\nlong-customer-id,2026-03-02,web,purchase,5\n");
    Path scores = dir.resolve("scores.csv");
    CliTestSupport.Result r = run("score", "--input", file.toString(), "--strategy", "loyalty.rfm", "--output",
        scores.toString());
    assertEquals(0, r.status(), r.err());
    List<String> lines = Files.readAllLines(scores, StandardCharsets.UTF_8);
    assertEquals("customer,strategy,score,label", lines.get(0));
    assertTrue(lines.get(1).startsWith("a,loyalty.rfm,") && lines.get(1).matches(".*,\\d{3} [a-z_]+$"), lines.get(1));
    CliTestSupport.Result table = run("score", "--input", file.toString(), "--strategy", "loyalty.rfm");
    List<String> rows = table.out().lines().toList();
    assertEquals("customer          strategy       score  label", rows.get(1));
    int label = rows.get(1).indexOf("label");
    int score = rows.get(1).indexOf("score") + "score".length();
    for (String row : rows.subList(2, rows.size())) {
      assertTrue(row.substring(label).matches("\\d{3} [a-z_]+") && row.charAt(label - 1) == ' ', row);
      assertTrue(row.substring(0, score).matches(".* \\d+\\.\\d{2}"), "scores end under the header: " + row);
    }
  }

  /** The terminal table with its alignment collapsed: one space between cells. */
  private static String cells(String table) {
    return table.replaceAll("[ \t]+", " ");
  }
}

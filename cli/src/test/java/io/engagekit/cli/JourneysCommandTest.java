package io.engagekit.cli;

import static io.engagekit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JourneysCommandTest {
  @TempDir Path dir;

  private Path touchpoints() throws IOException {
    Path file = dir.resolve("touchpoints.csv");
    Files.writeString(file, "customer,timestamp,channel,kind,value,response_seconds,journey\n"
        + "c1,2026-01-01T00:00:00Z,email,campaign_response,,,\n"
        + "c1,2026-01-02T00:00:00Z,web,purchase,30,,\n"
        + "c2,2026-01-01T00:00:00Z,phone,support_contact,,60,r1\n"
        + "c2,2026-01-01T01:00:00Z,chat,support_contact,,1200,r1\n"
        + "c3,2026-01-20T00:00:00Z,web,visit,,,\n");
    return file;
  }

  /**
   * Three journeys: c1's session (email, purchase: completed, score 100 as no factor costs
   * anything: one switch in one step costs channel_switches, so 100 · (1 − 0.10/0.70) = 85.71),
   * c2's journey r1, known from the journeys file as a failed "return", and c3's visit, in
   * progress at the as-of instant (the default, its own).
   */
  @Test
  void json_byTypeAndOutcome() throws IOException {
    Path known = dir.resolve("journeys.csv");
    Files.writeString(known, "journey,customer,type,start,end,outcome\n"
        + "r1,c2,return,2026-01-01T00:00:00Z,2026-01-03T00:00:00Z,failed\n");
    Path out = dir.resolve("journeys-out.csv");
    CliTestSupport.Result r = run("journeys", "--input", touchpoints().toString(), "--journeys", known.toString(),
        "--expected", "return=1d", "--output", out.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("2026-01-20T00:00:00Z", j.get("asOf").asText());
    assertEquals(3, j.get("journeys").asInt());
    assertEquals(3, j.get("customers").asInt());
    assertEquals(5, j.get("touchpoints").asInt());
    JsonNode groups = j.get("groups");
    assertEquals(3, groups.size());
    assertEquals("return", groups.get(0).get("type").asText());
    assertEquals("failed", groups.get(0).get("outcome").asText());
    assertEquals("session", groups.get(1).get("type").asText());
    assertEquals("completed", groups.get(1).get("outcome").asText());
    assertEquals(100 * (1 - 0.10 / 0.70), groups.get(1).get("journeyScore").asDouble(), 1e-9);
    assertEquals("in_progress", groups.get(2).get("outcome").asText());
    List<String> lines = Files.readAllLines(out);
    assertEquals(JourneysCommand.OUTPUT_HEADER, lines.get(0));
    assertEquals(4, lines.size());
    assertTrue(lines.get(1).startsWith("session-1,c1,session,completed,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,2,"),
        lines.get(1));
  }

  /**
   * A gap of 1 hour cuts c1's email from the purchase a day later (the email alone is abandoned) and
   * makes c3's visit, 1 hour before --as-of, abandoned; c2's journey r1 is not cut (it has an id)
   * and, ended more than an hour ago without a purchase, is abandoned too.
   */
  @Test
  void text_gapAndAsOf() throws IOException {
    CliTestSupport.Result r = run("journeys", "--input", touchpoints().toString(), "--gap", "1h", "--as-of",
        "2026-01-20T01:00:00Z");
    assertEquals(0, r.status(), r.err());
    String table = CliTestSupport.cells(r.out());
    assertTrue(table.startsWith("# 4 journeys of 3 customers as of 2026-01-20T01:00:00Z\n"
        + "type outcome journeys touchpoints journey_score touchpoint_score\n"), r.out());
    assertTrue(table.contains("session abandoned 2 2 "), r.out());
    assertTrue(table.contains("session completed 1 1 "), r.out());
    assertTrue(table.contains("untyped abandoned 1 2 "), r.out());
    assertTrue(table.contains("\nall all 4 5 "), r.out());
  }

  @Test
  void errors() throws IOException {
    String file = touchpoints().toString();
    assertEquals(2, run("journeys", "--input", file, "--gap", "0d").status());
    assertEquals(2, run("journeys", "--input", file, "--kind", "surveys").status());
    assertEquals(2, run("journeys", "--input", file, "--expected", "return=soon").status());
    Path known = dir.resolve("bad-journeys.csv");
    Files.writeString(known, "journey,customer,type,start,end,outcome\n"
        + "r1,c9,return,2026-01-01T00:00:00Z,2026-01-03T00:00:00Z,failed\n");
    CliTestSupport.Result r = run("journeys", "--input", file, "--journeys", known.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("cannot assemble journeys") && r.err().contains("c9"), r.err());
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "customer,timestamp,channel,kind\nc1,2026-01-01T00:00:00Z,web,visit\nc1,nope,web,visit\n");
    Path rejects = dir.resolve("rejects.csv");
    r = run("journeys", "--input", bad.toString(), "--rejects", rejects.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("line 3"), r.err());
    List<String> rejected = Files.readAllLines(rejects);
    assertEquals("file,line,field,reason", rejected.get(0));
    assertTrue(rejected.get(1).contains(",3,timestamp,"), rejected.get(1));
  }
}

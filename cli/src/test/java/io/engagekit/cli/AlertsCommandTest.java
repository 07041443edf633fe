package io.engagekit.cli;

import static io.engagekit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AlertsCommandTest {
  @TempDir Path dir;

  /** Daily visits for 90 days, ending 28, 21 and 14 days before 2026-04-28 (as in FadingInterestTest). */
  private Path visits() throws IOException {
    StringBuilder csv = new StringBuilder("customer,timestamp,channel,kind\n");
    String[] ids = {"quiet28", "quiet21", "quiet14"};
    int[] offsets = {0, 7, 14};
    LocalDate start = LocalDate.of(2026, 1, 1);
    for (int c = 0; c < ids.length; c++) {
      for (int day = 0; day < 90; day++) {
        csv.append(ids[c]).append(',').append(start.plusDays(day + offsets[c])).append(",web,visit\n");
      }
    }
    Path file = dir.resolve("visits.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void alerts_mostUrgentFirst_withLevelsAndWhatFell() throws IOException {
    // 2026-01-01 + 89 + 28 days = 2026-04-28: the last visits were 28, 21 and 14 days before.
    CliTestSupport.Result r = run("alerts", "--input", visits().toString(), "--as-of", "2026-04-28", "--threshold", "0.4");
    assertEquals(0, r.status(), r.err());
    String[] lines = CliTestSupport.cells(r.out()).split("\n");
    assertEquals("# as of 2026-04-28T00:00:00Z: 3 of 3 customers fell by 40% or more", lines[0]);
    // An aligned table with a header row (issue 25).
    assertEquals("customer status level drop at stake quiet fell", lines[1]);
    // Drops 83.8%, 69.3%, 41.7% (FadingInterest javadoc, closed form of the decayed counts).
    // Then status, level, drop, stake (events a month no longer made) and quiet days (issue 23); all three fading.
    assertTrue(lines[2].startsWith("quiet28 fading critical 83.8% 14.67/month 28 days quiet visit"), lines[2]);
    assertTrue(lines[3].startsWith("quiet21 fading warning 69.3% "), lines[3]);
    assertTrue(lines[4].startsWith("quiet14 fading watch 41.7% "), lines[4]);
  }

  @Test
  void json_andTheDefaultThreshold() throws IOException {
    CliTestSupport.Result r = run("alerts", "--input", visits().toString(), "--as-of", "2026-04-28", "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("{\"asOf\":\"2026-04-28T00:00:00Z\",\"threshold\":0.5,\"customers\":3,\"alerts\":["
        + "{\"customer\":\"quiet28\",\"strategy\":\"alert.fading\",\"level\":\"critical\",\"drop\":0.83"), r.out());
    assertTrue(r.out().contains("\"status\":\"fading\",\"stake\":14.6"), r.out());
    assertTrue(r.out().contains("{\"customer\":\"quiet21\",\"strategy\":\"alert.fading\",\"level\":\"warning\""), r.out());
    assertTrue(!r.out().contains("quiet14"), "41.7% is below the default threshold of 50%");
  }

  @Test
  void usageErrors_exitTwo() throws IOException {
    Path file = visits();
    assertEquals(2, run("alerts", "--input", file.toString()).status());
    assertEquals(2, run("alerts", "--input", file.toString(), "--as-of", "2026-04-28", "--threshold", "0").status());
    assertEquals(2, run("alerts", "--input", file.toString(), "--as-of", "2026-04-28", "--threshold", "1.5").status());
    assertEquals(2, run("alerts", "--input", file.toString(), "--as-of", "someday").status());
  }
}

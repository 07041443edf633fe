package io.engagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demo_summarisesCdnow_backtestsBothPopulations_andWritesTheReport() throws IOException {
    Path report = dir.resolve("engagekit-report.html");
    CliTestSupport.Result r = CliTestSupport.run("demo", "--report", report.toString());
    assertEquals(0, r.status(), r.err());
    // 2,357 customers and 6,919 records: ../shared/data/README.md (CDNOW_sample.txt).
    assertTrue(r.out().contains("customers            2,357"), r.out());
    assertTrue(r.out().contains("6,919 records, 6,696 customer-days"), r.out());
    assertTrue(r.out().contains("period               1997-01-01 to 1998-06-30"), r.out());
    // 2,457 = sum of x in Hardie's calibration summary of this sample (cdnow_customers_summary.csv);
    // 1,882 holdout repeat transactions by the same per-customer-day rule (../shared/data/README.md).
    assertTrue(r.out().contains("2,457 in weeks 1-39 (to 1997-09-30), 1,882 in weeks 40-78"), r.out());
    // Fader, Hardie & Lee (2005), table 1 (weeks): r 0.243, alpha 4.414, a 0.793, b 2.426.
    assertTrue(r.out().contains("BG/NBD       r 0.2426  alpha 4.4136  a 0.7929  b 2.4259"), r.out());
    assertTrue(r.out().contains("BG/NBD tracking, week 78: 4,339 repeat transactions, 4,161 expected (-4.1%)"),
        r.out());
    for (String s : new String[] {"loyalty.bgnbd", "loyalty.paretonbd", "loyalty.clv", "satisfaction.csat",
        "composite.blocks", "journey.weighted"}) {
      assertTrue(r.out().contains(s), s);
    }
    assertTrue(r.out().contains("Report: " + report.toAbsolutePath()), r.out());
    assertTrue(r.err().contains("[1/5") && r.err().contains("[5/5"), "progress on stderr: " + r.err());
    String html = Files.readString(report);
    assertTrue(html.contains("Cumulative gains: CDNOW") && html.contains("Reliability: simulated")
        && html.contains("Conditional expectations: CDNOW"), "charts");
  }
}

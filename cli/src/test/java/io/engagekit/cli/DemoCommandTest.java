package io.engagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class DemoCommandTest {
  @Test
  void demo_summarisesTheBundledCdnowSample() {
    CliTestSupport.Result r = CliTestSupport.run("demo");
    assertEquals(0, r.status(), r.err());
    // 2,357 customers and 6,919 records: ../shared/data/README.md (CDNOW_sample.txt).
    assertTrue(r.out().contains("customers            2,357"), r.out());
    assertTrue(r.out().contains("6,919 records, 6,696 customer-days"), r.out());
    assertTrue(r.out().contains("period               1997-01-01 to 1998-06-30"), r.out());
    // 2,457 = sum of x in Hardie's calibration summary of this sample (cdnow_customers_summary.csv);
    // 1,882 holdout repeat transactions by the same per-customer-day rule (../shared/data/README.md).
    assertTrue(r.out().contains("2,457 in weeks 1-39 (to 1997-09-30), 1,882 in weeks 40-78"), r.out());
  }
}

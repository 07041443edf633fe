package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The CDNOW 1/10 sample (test resources; provenance in README.md beside it), summarised per
 * customer-day with the split of Fader, Hardie &amp; Lee (2005): calibration to 1997-09-30,
 * holdout to 1998-06-30, in weeks.
 */
final class Cdnow {
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
  /** The holdout length in weeks: 1997-10-01 to 1998-06-30 is 273 days. */
  static final double HOLDOUT_WEEKS = 273 / 7.0;

  private static Map<String, PurchaseHistory> histories;

  private Cdnow() {}

  /** Each sample customer's purchase history, keyed by sample id, in id order. */
  static synchronized Map<String, PurchaseHistory> histories() {
    if (histories == null) {
      Purchases purchases = new Purchases(java.time.ZoneOffset.UTC);
      DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          Objects.requireNonNull(Cdnow.class.getResourceAsStream("CDNOW_sample.txt")), StandardCharsets.US_ASCII))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String[] c = line.trim().split("\\s+");
          purchases.add(c[1], LocalDate.parse(c[2], f), Double.parseDouble(c[4]));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertEquals(2357, purchases.histories().size());
      histories = purchases.histories();
    }
    return histories;
  }

  /** Each customer's calibration summary, in id order. */
  static List<PurchaseHistory.Calibration> calibration() {
    List<PurchaseHistory.Calibration> out = new ArrayList<>();
    for (PurchaseHistory h : histories().values()) {
      out.add(h.summarize(CALIBRATION_END, HOLDOUT_END, PeriodUnit.WEEKS).orElseThrow());
    }
    return out;
  }

  /** Each customer's exact (x, t_x, T) in weeks, in id order. */
  static List<RepeatPattern> patterns() {
    List<RepeatPattern> out = new ArrayList<>();
    for (PurchaseHistory.Calibration c : calibration()) {
      out.add(c.pattern());
    }
    return out;
  }
}

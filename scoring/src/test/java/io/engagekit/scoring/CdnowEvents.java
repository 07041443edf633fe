package io.engagekit.scoring;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CDNOW 1/10 sample (test resources of the models package; provenance in its README.md) as
 * purchase touchpoints, for the tests of every package that need it.
 */
public final class CdnowEvents {
  private CdnowEvents() {}

  /**
   * Returns the sample's purchases, each at the start of its day in UTC, in file order.
   *
   * @return 6,919 purchases of 2,357 customers
   */
  public static List<EngagementEvent> purchases() {
    List<EngagementEvent> events = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        CdnowEvents.class.getResourceAsStream("/io/engagekit/scoring/models/CDNOW_sample.txt")),
        StandardCharsets.US_ASCII))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] c = line.trim().split("\\s+");
        Instant at = LocalDate.parse(c[2], DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        events.add(Touchpoint.builder(c[1], at, Channel.WEB, TouchpointKind.PURCHASE)
            .value(Double.parseDouble(c[4])).build());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events;
  }
}

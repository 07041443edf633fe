package io.engagekit.examples;

import io.engagekit.core.Channel;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Build an engine, record what customers do, score, explain, rank, and snapshot. */
public final class EmbeddingExample {
  public static void main(String[] args) throws IOException {
    // 1. An engine with the strategies you want (by factory, or by registry name).
    EngagementEngine engine = EngagementEngine.of(List.of(
        ScoringStrategies.loyaltyRfm(), ScoringStrategies.named("satisfaction.nps")));

    // 2. Record events as they happen, from any thread.
    record(engine, "alice", "2026-05-28T09:00:00Z", TouchpointKind.PURCHASE, 120.0);
    record(engine, "alice", "2026-05-30T18:30:00Z", TouchpointKind.PURCHASE, 80.0);
    record(engine, "bob", "2026-03-02T12:00:00Z", TouchpointKind.PURCHASE, 35.0);
    record(engine, "carol", "2026-05-15T08:00:00Z", TouchpointKind.PURCHASE, 60.0);

    // 3. Score one customer and explain the score; "no answer" is no evidence, not a 0.
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    Score alice = engine.score("alice", "loyalty.rfm", now).orElseThrow();
    System.out.printf("alice %.1f %s%n", alice.value(), alice.label().orElseThrow()); // alice 100.0 555 champions
    for (Contribution c : alice.contributions()) {
      System.out.printf("  %s %.1f%n", c.name(), c.value()); // recency 33.3, frequency 33.3, monetary 33.3
    }
    Score nps = engine.score("alice", "satisfaction.nps", now).orElseThrow();
    System.out.println(nps.hasEvidence() + " " + nps.absence().orElseThrow()); // false no NPS answer

    // 4. The best customers, highest score first.
    for (EngagementEngine.Ranked r : engine.top(3, "loyalty.rfm", now)) {
      System.out.printf("%s %.1f%n", r.customer(), r.score().value()); // alice 100.0, carol 73.3, bob 46.7
    }

    // 5. Snapshot the engine's state and restore it into another engine with the same strategies.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    engine.snapshot(bytes);
    EngagementEngine copy = EngagementEngine.of(engine.strategies());
    copy.restore(new ByteArrayInputStream(bytes.toByteArray()));
    System.out.println(copy.score("bob", "loyalty.rfm", now).equals(engine.score("bob", "loyalty.rfm", now))); // true
  }

  private static void record(EngagementEngine engine, String customer, String when, TouchpointKind kind,
      double value) {
    engine.record(Touchpoint.builder(customer, Instant.parse(when), Channel.WEB, kind).value(value).build());
  }
}

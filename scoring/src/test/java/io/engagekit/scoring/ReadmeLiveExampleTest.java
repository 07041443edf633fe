package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.core.testing.ReadmeSnippets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's "Live use" example, compiled and run here; the test fails if the README's copy drifts. */
final class ReadmeLiveExampleTest {
  @Test
  void example_runs() {
    // README:begin
    EngagementEngine engine = EngagementEngine.of(List.of(ScoringStrategies.loyaltyRfm()));
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    for (int i = 1; i <= 5; i++) {
      engine.record(Touchpoint.builder("c-" + i, now.minus(Duration.ofDays(10 * i)), Channel.WEB,
          TouchpointKind.PURCHASE).value(20.0 * i).build());
    }
    // A score reflects every event recorded before the call, with no pass over the population.
    engine.record(Touchpoint.builder("guest-7", now.minus(Duration.ofDays(1)), Channel.MOBILE,
        TouchpointKind.PURCHASE).value(150.0).build());
    System.out.println(engine.score("guest-7", "loyalty.rfm", now).orElseThrow().label()); // Optional[535 champions]

    // The guest logs in as c-5: fold the guest id into the known customer.
    engine.mergeCustomer("guest-7", "c-5");

    // A consistent, immutable view for a page that shows a ranking and a score together.
    try (EngineView view = engine.view(now)) {
      List<EngagementEngine.Ranked> best = view.top(2, "loyalty.rfm");
      System.out.println(best.get(0).customer() + " " + best.get(0).score().label()); // c-5 Optional[555 champions]
      engine.record(Touchpoint.builder("c-1", now, Channel.WEB, TouchpointKind.PURCHASE).value(900.0).build());
      System.out.println(view.top(2, "loyalty.rfm").equals(best)); // true: the view does not move
    }
    // README:end
    // The engine itself moved on: c-1's purchase after the view pushed c-5 down in spend.
    assertEquals(Optional.of("454 champions"), engine.score("c-5", "loyalty.rfm", now).orElseThrow().label());
    assertEquals(5, engine.customers());
  }

  @Test
  void refitExample_runs() {
    List<io.engagekit.core.EngagementEvent> purchases = CdnowEvents.purchases();
    // README:refit:begin
    // BG/NBD refitted after every 5,000 events (as of the latest purchase day), never inside a read.
    EngagementEngine models = EngagementEngine.of(List.of(ScoringStrategies.loyaltyBgNbd()),
        RefitPolicy.everyEvents(5_000));
    purchases.forEach(models::record);
    Instant end = Instant.parse("1998-07-01T00:00:00Z");
    models.refit(end); // or refit on purpose, as of an instant you choose
    Score alive = models.score("0001", "loyalty.bgnbd", end).orElseThrow();
    System.out.println(alive.measures().get("fit_customers")); // 2357.0: the fit this score used
    // README:refit:end
    assertEquals(2357.0, alive.measures().get("fit_customers"));
    assertEquals(end.getEpochSecond(), alive.measures().get("fit_as_of"));
  }

  @Test
  void readme_showsThisExampleVerbatim() throws IOException {
    String source = Files.readString(Path.of("src/test/java/io/engagekit/scoring/ReadmeLiveExampleTest.java"),
        StandardCharsets.UTF_8);
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    for (String marker : List.of("README", "README:refit")) {
      String block = ReadmeSnippets.javaBlock(source, marker);
      assertTrue(readme.contains(block),
          "README.md's live-use example differs from ReadmeLiveExampleTest; copy it over:\n" + block);
    }
  }
}

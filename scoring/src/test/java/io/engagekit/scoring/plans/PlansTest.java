package io.engagekit.scoring.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 23, item 8: scoring plans, declared in JSON, registered like any strategy. */
final class PlansTest {
  /** The plan, word for word: it must work as written. */
  static final String EXAMPLE = "{\"name\": \"plan.example\", \"rules\": [{\"kind\": \"purchase\", \"points\": 10}, "
      + "{\"kind\": \"complaint\", \"points\": -5}]}";
  static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

  @TempDir Path dir;

  private static Touchpoint event(String customer, TouchpointKind kind, long daysAgo) {
    return Touchpoint.of(customer, T.minus(Duration.ofDays(daysAgo)), Channel.WEB, kind);
  }

  @Test
  void theExamplePlan_ranksTwoPurchasesAboveAPurchaseAndAComplaint_throughPlanFile() throws IOException {
    Path file = dir.resolve("example.json");
    Files.writeString(file, EXAMPLE);
    ScoringStrategy<?> plan = ScoringStrategies.named("plan:" + file);
    assertEquals("plan.example", plan.name());
    EngagementEngine engine = EngagementEngine.of(List.of(plan));
    engine.record(event("buyer", TouchpointKind.PURCHASE, 3));
    engine.record(event("buyer", TouchpointKind.PURCHASE, 2));
    engine.record(event("unhappy", TouchpointKind.PURCHASE, 3));
    engine.record(event("unhappy", TouchpointKind.COMPLAINT, 1));
    engine.record(event("visitor", TouchpointKind.VISIT, 1));
    List<EngagementEngine.Ranked> top = engine.top(10, "plan.example", T);
    assertEquals(List.of("buyer", "unhappy"), top.stream().map(EngagementEngine.Ranked::customer).toList(),
        "the visitor fired no rule: no evidence, not ranked");
    assertEquals(new Score(20, List.of(new Contribution("purchase", 20)), Optional.empty(),
        Map.of("points", 20.0, "points.purchase", 20.0)), top.get(0).score());
    Score unhappy = top.get(1).score();
    assertEquals(List.of(new Contribution("purchase", 10), new Contribution("complaint", -5)), unhappy.contributions());
    assertEquals(5, unhappy.value());
    assertEquals(Score.noEvidence("no touchpoint matches a rule of plan.example"),
        engine.score("visitor", "plan.example", T).orElseThrow());
  }

  @Test
  void boundsCapsDecayValueAndSegments_areExplained() {
    ScoringStrategy<?> plan = Plans.parse("{\"name\": \"plan.full\", \"max\": 50, \"halfLife\": \"30d\","
        + " \"rules\": [{\"name\": \"webinar\", \"kind\": \"content_view\", \"channel\": \"video\", \"points\": 3, "
        + "\"cap\": 9}, {\"kind\": \"purchase\", \"perValue\": 0.1}, {\"kind\": \"complaint\", \"points\": -40}],"
        + " \"segments\": [{\"from\": 60, \"label\": \"hot\"}, {\"from\": 0, \"label\": \"cold\"}]}");
    EngagementEngine engine = EngagementEngine.of(List.of(plan));
    for (int i = 0; i < 5; i++) { // 5 webinars today: 15 points, capped at 9
      engine.record(Touchpoint.of("w", T, Channel.VIDEO, TouchpointKind.CONTENT_VIEW));
    }
    engine.record(Touchpoint.of("w", T, Channel.WEB, TouchpointKind.CONTENT_VIEW)); // not video: no rule
    // A purchase of 300 thirty days ago: one half-life, 0.1 · 300 / 2 = 15 points.
    engine.record(Touchpoint.builder("w", T.minus(Duration.ofDays(30)), Channel.WEB, TouchpointKind.PURCHASE)
        .value(300).build());
    Score w = engine.score("w", "plan.full", T).orElseThrow();
    assertEquals(100 * 24 / 50.0, w.value(), 1e-9);
    assertEquals(100 * 9 / 50.0, w.contribution("webinar").orElseThrow(), 1e-9);
    assertEquals(100 * 15 / 50.0, w.contribution("purchase").orElseThrow(), 1e-9);
    assertEquals(Optional.of("cold"), w.label());
    assertEquals(24.0, w.measures().get("points"), 1e-9);

    engine.record(Touchpoint.builder("big", T, Channel.WEB, TouchpointKind.PURCHASE).value(900).build());
    Score big = engine.score("big", "plan.full", T).orElseThrow();
    assertEquals(100, big.value());
    assertEquals(100, big.contribution("purchase").orElseThrow(), 1e-9, "90 points, all of the total");
    assertEquals(Optional.of("hot"), big.label());
    assertEquals(90.0, big.measures().get("points"), 1e-9, "the raw points stay visible");

    engine.record(Touchpoint.of("angry", T, Channel.WEB, TouchpointKind.COMPLAINT));
    Score angry = engine.score("angry", "plan.full", T).orElseThrow();
    assertEquals(0, angry.value());
    assertEquals(List.of(), angry.contributions(), "below zero: nothing to explain but the measures");
    assertEquals(-40.0, angry.measures().get("points"));
    assertEquals(-40.0, angry.measures().get("points.complaint"));
  }

  @Test
  void invalidPlans_areRefusedWithLineFieldAndReason() {
    assertError("{\"name\": \"plan.x\", \"rules\": [{\"kind\": \"purchase\", \"points\": 1, \"points\": 2}]}",
        "not valid JSON: Duplicate field 'points'");
    assertError("{\"name\": \"plan.x\",\n \"rules\": [{\"kind\": \"purchse\", \"points\": 1}]}",
        "the plan: line 2, column 30: field rules[0].kind: ");
    assertError("{\"name\": \"plan.x\", \"rules\": [{\"kind\": \"purchase\", \"point\": 1}]}",
        "field rules[0].point: unknown field; a rule has [cap, channel, contentType, kind, name, perValue, points]");
    assertError("{\"name\": \"plan.x\", \"rules\": [{\"channel\": \"web\"}]}",
        "field rules[0]: a rule needs points or perValue");
    assertError("{\"name\": \"plan.x\", \"rules\": [{\"points\": 1}]}",
        "field rules[0]: a rule needs at least one of kind, channel and contentType");
    assertError("{\"name\": \"Plan X\", \"rules\": []}", "field name: 'Plan X' is not a strategy name");
    assertError("{\"name\": \"plan.x\", \"rules\": []}", "field rules: a plan needs at least one rule");
    assertError("{\"rules\": [{\"kind\": \"visit\", \"points\": 1}]}", "field name: missing");
    assertError("{\"name\": \"plan.x\", \"rules\": [{\"kind\": \"visit\", \"points\": \"1\"}]}",
        "field rules[0].points: must be a number");
    assertError("{\"name\": \"plan.x\", \"halfLife\": \"soon\", \"rules\": [{\"kind\": \"visit\", \"points\": 1}]}",
        "field halfLife: 'soon' is not a duration such as 90d, 12w or P90D");
    assertError("{\"name\": \"plan.x\", \"rules\": [{\"kind\": \"visit\", \"points\": 1}, "
        + "{\"kind\": \"visit\", \"points\": 2}]}", "field rules[1].name: two rules are named 'visit'");
    assertError("{\"name\": \"plan.x\", \"rules\": [{\"kind\": \"visit\", \"points\": 1e400}]}",
        "field rules[0].points: must be a finite number");
    assertError("{\"name\": \"plan.x\", \"rules\": [{\"kind\": \"visit\", \"points\": 1}]} {}",
        "unexpected content after the plan");
    assertError("{\"name\": \"plan.x\", \"rules\": [{\"kind\": \"visit\", \"points\": 1}], "
        + "\"segments\": [{\"from\": 120, \"label\": \"x\"}]}", "field segments[0].from: must be a score in [0, 100]");
  }

  @Test
  void aMissingPlanFile_isAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScoringStrategies.named("plan:" + dir.resolve("nope.json")));
    assertTrue(e.getMessage().startsWith("cannot read the plan " + dir.resolve("nope.json")), e.getMessage());
  }

  private static void assertError(String json, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plans.parse(json));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().isBlank());
  }

}

package io.engagekit.benchmarks.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.EngineView;
import io.engagekit.scoring.ScoringStrategies;
import java.time.Instant;
import java.util.List;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * jcstress tests of the live population summaries (issue 22): {@code loyalty.rfm} scores a customer
 * against quintiles of the whole population, which the engine keeps up to date on every write. A
 * score, or a view, read while another thread adds a customer must be the score of the population
 * before the write or after it, never of a half-updated summary. The expected scores are computed
 * once, single-threaded, on engines fed the same events.
 */
public final class PopulationStress {
  static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
  static final String RFM = "loyalty.rfm";
  static final double BEFORE = rfmOfB(false);
  static final double AFTER = rfmOfB(true);

  static {
    if (BEFORE == AFTER) {
      throw new AssertionError("the new customer must move b's score for these tests to mean anything");
    }
  }

  private PopulationStress() {}

  static EngagementEvent purchase(String customer, int daysAgo, double value) {
    return Touchpoint.builder(customer, T.minusSeconds(86_400L * daysAgo), Channel.WEB, TouchpointKind.PURCHASE)
        .value(value).build();
  }

  static EngagementEngine engine() {
    EngagementEngine e = EngagementEngine.of(List.of(ScoringStrategies.named(RFM)));
    e.record(purchase("a", 40, 10));
    e.record(purchase("b", 20, 20));
    e.record(purchase("b", 10, 20));
    return e;
  }

  static EngagementEvent newcomer() {
    return purchase("c", 1, 500);
  }

  private static double rfmOfB(boolean withNewcomer) {
    EngagementEngine e = engine();
    if (withNewcomer) {
      e.record(newcomer());
    }
    return e.score("b", RFM, T).orElseThrow().value();
  }

  /** 0 for the score before the write, 1 after, 2 for any other value. */
  static int which(double score) {
    return score == BEFORE ? 0 : score == AFTER ? 1 : 2;
  }

  /** A population-relative score read while a customer is added: the population before or after. */
  @JCStressTest
  @Outcome(id = "0", expect = ACCEPTABLE, desc = "scored against the population before the write")
  @Outcome(id = "1", expect = ACCEPTABLE, desc = "scored against the population after the write")
  @Outcome(expect = FORBIDDEN, desc = "scored against a half-updated summary")
  @State
  public static class RecordScore {
    final EngagementEngine e = engine();

    @Actor
    public void a() {
      e.record(newcomer());
    }

    @Actor
    public void b(I_Result r) {
      r.r1 = which(e.score("b", RFM, T).orElseThrow().value());
    }
  }

  /** A view cut while a customer is added: b's score and c's presence agree on one population. */
  @JCStressTest
  @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "cut before the write: c absent")
  @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "cut after the write: c present")
  @Outcome(expect = FORBIDDEN, desc = "a view that mixes populations")
  @State
  public static class RecordView {
    final EngagementEngine e = engine();

    @Actor
    public void a() {
      e.record(newcomer());
    }

    @Actor
    public void b(II_Result r) {
      try (EngineView v = e.view(T)) {
        r.r1 = which(v.score("b", RFM).orElseThrow().value());
        r.r2 = v.score("c", RFM).isPresent() ? 1 : 0;
      }
    }
  }
}

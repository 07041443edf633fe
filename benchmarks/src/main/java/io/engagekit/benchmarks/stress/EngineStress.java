package io.engagekit.benchmarks.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.engagekit.core.Channel;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.EngineView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * jcstress tests of {@link EngagementEngine}'s thread-safety promise (issue 22): {@code record}
 * racing {@code record}, {@code recordAll}, {@code score}, {@code top}, a {@link EngineView},
 * {@code snapshot}, {@code merge} and {@code mergeCustomer}. Each test's state is a fresh engine of
 * one strategy that counts events exactly. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.openjdk.jcstress.Main -t io.engagekit -m quick}; {@code .ci/run} runs them in the sanity mode.
 */
public final class EngineStress {
  static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

  private EngineStress() {}

  static EngagementEvent visit(String customer) {
    return Touchpoint.of(customer, T, Channel.WEB, TouchpointKind.VISIT);
  }

  static EngagementEngine engine() {
    return EngagementEngine.of(List.of(new Counting()));
  }

  static int count(EngagementEngine e, String customer) {
    return e.score(customer, Counting.NAME, T).map(s -> (int) s.value()).orElse(0);
  }

  /** Two records of one new customer: both counted, one customer. */
  @JCStressTest
  @Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "both events in one customer")
  @Outcome(expect = FORBIDDEN, desc = "an event lost, or the customer made twice")
  @State
  public static class RecordRecord {
    final EngagementEngine e = engine();

    @Actor
    public void a() {
      e.record(visit("c"));
    }

    @Actor
    public void b() {
      e.record(visit("c"));
    }

    @Arbiter
    public void check(II_Result r) {
      r.r1 = count(e, "c");
      r.r2 = e.customers();
    }
  }

  /** A batch racing a record of one of its customers: every event counted once. */
  @JCStressTest
  @Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "every event counted once")
  @Outcome(expect = FORBIDDEN, desc = "an event lost or counted twice")
  @State
  public static class RecordAllRecord {
    final EngagementEngine e = engine();

    @Actor
    public void a() {
      e.recordAll(List.of(visit("c"), visit("d")));
    }

    @Actor
    public void b() {
      e.record(visit("c"));
    }

    @Arbiter
    public void check(II_Result r) {
      r.r1 = count(e, "c");
      r.r2 = count(e, "d");
    }
  }

  /** A score read while an event is recorded sees it or not, nothing else. */
  @JCStressTest
  @Outcome(id = "1", expect = ACCEPTABLE, desc = "read before the event")
  @Outcome(id = "2", expect = ACCEPTABLE, desc = "read after the event")
  @Outcome(expect = FORBIDDEN, desc = "anything else")
  @State
  public static class RecordScore {
    final EngagementEngine e = engine();

    public RecordScore() {
      e.record(visit("c"));
    }

    @Actor
    public void a() {
      e.record(visit("c"));
    }

    @Actor
    public void b(I_Result r) {
      r.r1 = count(e, "c");
    }
  }

  /** A view reads one cut: the same score twice, before or after the event, never one of each. */
  @JCStressTest
  @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "the view was cut before the event")
  @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "the view was cut after the event")
  @Outcome(expect = FORBIDDEN, desc = "the view moved")
  @State
  public static class RecordView {
    final EngagementEngine e = engine();

    public RecordView() {
      e.record(visit("c"));
    }

    @Actor
    public void a() {
      e.record(visit("c"));
    }

    @Actor
    public void b(II_Result r) {
      try (EngineView v = e.view(T)) {
        r.r1 = v.score("c", Counting.NAME).map(s -> (int) s.value()).orElse(0);
        r.r2 = v.score("c", Counting.NAME).map(s -> (int) s.value()).orElse(0);
      }
    }
  }

  /** A ranking taken while an event is recorded ranks one state of each customer. */
  @JCStressTest
  @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "before: c and d tie at 1, c first by id")
  @Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "after: d at 2")
  @Outcome(expect = FORBIDDEN, desc = "a ranking that mixes states")
  @State
  public static class RecordTop {
    final EngagementEngine e = engine();

    public RecordTop() {
      e.record(visit("c"));
      e.record(visit("d"));
    }

    @Actor
    public void a() {
      e.record(visit("d"));
    }

    @Actor
    public void b(II_Result r) {
      EngagementEngine.Ranked best = e.top(1, Counting.NAME, T).get(0);
      r.r1 = (int) best.score().value();
      r.r2 = best.customer().equals("d") ? 1 : 0;
    }
  }

  /** A snapshot taken while an event is recorded restores to a state with or without it. */
  @JCStressTest
  @Outcome(id = "1", expect = ACCEPTABLE, desc = "snapshot before the event")
  @Outcome(id = "2", expect = ACCEPTABLE, desc = "snapshot after the event")
  @Outcome(expect = FORBIDDEN, desc = "anything else")
  @State
  public static class RecordSnapshot {
    final EngagementEngine e = engine();

    public RecordSnapshot() {
      e.record(visit("c"));
    }

    @Actor
    public void a() {
      e.record(visit("c"));
    }

    @Actor
    public void b(I_Result r) {
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.snapshot(out);
        EngagementEngine back = engine();
        back.restore(new ByteArrayInputStream(out.toByteArray()));
        r.r1 = count(back, "c");
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
    }
  }

  /** Another shard merged in while an event is recorded here: all three events counted. */
  @JCStressTest
  @Outcome(id = "3", expect = ACCEPTABLE, desc = "every event counted once")
  @Outcome(expect = FORBIDDEN, desc = "an event lost or counted twice")
  @State
  public static class RecordMerge {
    final EngagementEngine e = engine();
    final EngagementEngine other = engine();

    public RecordMerge() {
      e.record(visit("c"));
      other.record(visit("c"));
    }

    @Actor
    public void a() {
      e.record(visit("c"));
    }

    @Actor
    public void b() {
      e.merge(other);
    }

    @Arbiter
    public void check(I_Result r) {
      r.r1 = count(e, "c");
    }
  }

  /** An identity merge racing an event of the id it folds away: no event lost, none counted twice. */
  @JCStressTest
  @Outcome(id = "3", expect = ACCEPTABLE, desc = "all three events counted, in b or in a new a")
  @Outcome(expect = FORBIDDEN, desc = "an event lost or counted twice")
  @State
  public static class RecordMergeCustomer {
    final EngagementEngine e = engine();

    public RecordMergeCustomer() {
      e.record(visit("a"));
      e.record(visit("b"));
    }

    @Actor
    public void a() {
      e.record(visit("a"));
    }

    @Actor
    public void b() {
      e.mergeCustomer("a", "b");
    }

    @Arbiter
    public void check(I_Result r) {
      r.r1 = count(e, "a") + count(e, "b");
    }
  }
}

package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.testing.Generators;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The contract every strategy, built-in or user-written, passes: scores in [0, 100] and finite;
 * contributions that add up; determinism; merge laws (shards in any split and order equal the whole;
 * commutative, associative, the empty state is the identity); order-independence where promised;
 * {@code asOf} before the first event, at the ends of time, or with no events at all; valid scores
 * for a customer of every relationship type; for strategies that support snapshots, states that
 * write and read back to the same scores; and, for {@link PopulationStrategy population
 * strategies}, baselines that do not depend on the order of the population or on how each
 * customer's events were split across shards.
 *
 * <p>Each property runs over {@value #SEEDS} seeded event sets of one customer (touchpoints and
 * survey answers from core's {@link Generators}); a failure names its seed.
 *
 * <p>Third parties run it on their own strategies from the {@code engagekit-scoring} test-jar
 * ({@code <type>test-jar</type>}, test scope), as {@code ScoringStrategiesTest.UserStrategyContract}
 * does:
 *
 * <pre>{@code
 * final class MyStrategyTest extends ScoringStrategyContract<MyState> {
 *   @Override protected ScoringStrategy<MyState> strategy() { return new MyStrategy(); }
 * }
 * }</pre>
 *
 * @param <S> the strategy's state type
 */
public abstract class ScoringStrategyContract<S extends ScoreState<S>> {
  static final int SEEDS = 300;
  static final double TOLERANCE = 1e-9;
  private static final Instant[] EXTREMES = {
    Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z")
  };

  /**
   * Returns the strategy under test.
   *
   * @return the strategy
   */
  protected abstract ScoringStrategy<S> strategy();

  static List<EngagementEvent> events(SplittableRandom r) {
    List<EngagementEvent> events = new ArrayList<>();
    for (int i = r.nextInt(40); i > 0; i--) {
      if (r.nextInt(3) == 0) {
        SurveyResponse s = Generators.survey(r);
        events.add(new SurveyResponse("c", s.at(), s.metric(), s.score(), s.channel()));
      } else {
        events.add(Generators.touchpoint(r).toBuilder().customer("c").build());
      }
    }
    if (r.nextInt(4) == 0 && !events.isEmpty()) {
      // Ties: a second answer at the same instant as another event.
      events.add(SurveyResponse.of("c", events.get(0).at(), SurveyMetric.values()[r.nextInt(3)], 5));
    }
    return events;
  }

  S stateOf(List<EngagementEvent> events) {
    S state = strategy().newState();
    for (EngagementEvent e : events) {
      state.accept(e);
    }
    return state;
  }

  static Instant asOf(SplittableRandom r, List<EngagementEvent> events) {
    int pick = r.nextInt(5);
    if (pick == 0 || events.isEmpty()) {
      return EXTREMES[r.nextInt(2)];
    }
    Instant some = events.get(r.nextInt(events.size())).at();
    return pick == 1 ? some : pick == 2 ? some.minusSeconds(86_400) : some.plusSeconds(r.nextInt(365 * 86_400));
  }

  static void assertSameScore(Score expected, Score actual, String message) {
    assertEquals(expected.value(), actual.value(), TOLERANCE, message);
    assertEquals(expected.contributions().size(), actual.contributions().size(), message);
    for (Contribution c : expected.contributions()) {
      Optional<Double> other = actual.contribution(c.name());
      assertTrue(other.isPresent(), message + ": missing contribution " + c.name());
      assertEquals(c.value(), other.get(), TOLERANCE, message + ": contribution " + c.name());
    }
  }

  @Test
  public void strategy_describesItself() {
    ScoringStrategy<S> s = strategy();
    assertTrue(s.name().matches("[a-z0-9_]+(\\.[a-z0-9_]+)+"), s.name());
    assertTrue(s.family().matches("[a-z0-9_]+"), s.family());
    assertTrue(!s.description().isBlank());
  }

  @Test
  public void score_isInRangeFiniteAndExplained() {
    for (long seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<EngagementEvent> events = events(r);
      Score score = strategy().score(stateOf(events), asOf(r, events));
      assertNotNull(score, "seed " + seed);
      assertTrue(score.value() >= 0 && score.value() <= 100, "seed " + seed + ": " + score);
      double sum = score.contributions().stream().mapToDouble(Contribution::value).sum();
      assertEquals(score.value(), sum, TOLERANCE, "seed " + seed);
    }
  }

  @Test
  public void score_isDeterministic() {
    for (long seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<EngagementEvent> events = events(r);
      Instant asOf = asOf(r, events);
      S state = stateOf(events);
      assertEquals(strategy().score(state, asOf), strategy().score(state, asOf), "seed " + seed);
      assertEquals(strategy().score(state, asOf), strategy().score(stateOf(events), asOf), "seed " + seed);
    }
  }

  @Test
  public void combine_ofShardsInAnyOrder_equalsTheWhole() {
    for (long seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<EngagementEvent> events = events(r);
      Instant asOf = asOf(r, events);
      int k = 1 + r.nextInt(5);
      List<List<EngagementEvent>> parts = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        parts.add(new ArrayList<>());
      }
      for (EngagementEvent e : events) {
        parts.get(r.nextInt(k)).add(e);
      }
      Collections.shuffle(parts, new Random(seed));
      S merged = strategy().newState();
      for (List<EngagementEvent> part : parts) {
        merged.combine(stateOf(part));
      }
      assertSameScore(strategy().score(stateOf(events), asOf), strategy().score(merged, asOf), "seed " + seed);
    }
  }

  @Test
  public void combine_isCommutativeAssociativeWithTheEmptyStateAsIdentity() {
    for (long seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<EngagementEvent> a = events(r);
      List<EngagementEvent> b = events(r);
      List<EngagementEvent> c = events(r);
      Instant asOf = asOf(r, a);
      String at = "seed " + seed;

      S ab = stateOf(a);
      ab.combine(stateOf(b));
      S ba = stateOf(b);
      ba.combine(stateOf(a));
      assertSameScore(strategy().score(ab, asOf), strategy().score(ba, asOf), at + " (commutative)");

      S abThenC = stateOf(a);
      abThenC.combine(stateOf(b));
      abThenC.combine(stateOf(c));
      S bc = stateOf(b);
      bc.combine(stateOf(c));
      S aThenBc = stateOf(a);
      aThenBc.combine(bc);
      assertSameScore(strategy().score(abThenC, asOf), strategy().score(aThenBc, asOf), at + " (associative)");

      S withEmpty = stateOf(a);
      withEmpty.combine(strategy().newState());
      S emptyWith = strategy().newState();
      emptyWith.combine(stateOf(a));
      Score alone = strategy().score(stateOf(a), asOf);
      assertSameScore(alone, strategy().score(withEmpty, asOf), at + " (right identity)");
      assertSameScore(alone, strategy().score(emptyWith, asOf), at + " (left identity)");
    }
  }

  @Test
  public void accept_isOrderIndependent_wherePromised() {
    assumeTrue(strategy().orderIndependent(), strategy().name() + " does not promise order independence");
    for (long seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<EngagementEvent> events = events(r);
      Instant asOf = asOf(r, events);
      List<EngagementEvent> shuffled = new ArrayList<>(events);
      Collections.shuffle(shuffled, new Random(seed));
      assertSameScore(strategy().score(stateOf(events), asOf), strategy().score(stateOf(shuffled), asOf),
          "seed " + seed);
    }
  }

  @Test
  public void writeThenRead_scoresAlike_andStillMerges_whereSnapshotsAreSupported() throws IOException {
    for (long seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<EngagementEvent> events = events(r);
      List<EngagementEvent> more = events(r);
      Instant asOf = asOf(r, events);
      S state = stateOf(events);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        state.writeTo(new DataOutputStream(bytes));
      } catch (UnsupportedOperationException notSupported) {
        throw new TestAbortedException(strategy().name() + " does not support snapshots", notSupported);
      }
      S back = strategy().readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      assertSameScore(strategy().score(state, asOf), strategy().score(back, asOf), "seed " + seed);
      state.combine(stateOf(more));
      back.combine(stateOf(more));
      assertSameScore(strategy().score(state, asOf), strategy().score(back, asOf), "seed " + seed + " (then merged)");
    }
  }

  /** A state that took no event knows nothing, and says so: no evidence is not a score of 0 (issue 23). */
  @Test
  public void score_ofAnEmptyState_isNoEvidence_andAsOfBeforeTheFirstEvent_isValid() {
    for (Instant asOf : EXTREMES) {
      Score empty = strategy().score(strategy().newState(), asOf);
      assertFalse(empty.hasEvidence(), strategy().name() + " scores an empty state " + empty);
      assertTrue(empty.absence().orElseThrow().length() > 0);
    }
    SplittableRandom r = new SplittableRandom(1);
    List<EngagementEvent> events = events(r);
    events.add(SurveyResponse.of("c", Instant.parse("2026-03-01T00:00:00Z"), SurveyMetric.NPS, 9));
    Score before = strategy().score(stateOf(events), EXTREMES[0]);
    assertTrue(before.value() >= 0 && before.value() <= 100, before.toString());
  }

  @Test
  public void score_forEveryRelationshipType_isInRangeAndExplained() {
    List<Customer> customers = new ArrayList<>();
    customers.add(Customer.of("c"));
    Arrays.stream(RelationshipType.values()).forEach(t -> customers.add(Customer.of("c").withRelationship(t)));
    for (long seed = 0; seed < SEEDS / 3; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<EngagementEvent> events = events(r);
      Instant asOf = asOf(r, events);
      S state = stateOf(events);
      assertSameScore(strategy().score(state, asOf), strategy().score(state, asOf, Customer.of("c")),
          "seed " + seed + " (a customer of unknown type scores as with no customer)");
      for (Customer c : customers) {
        Score score = strategy().score(state, asOf, c);
        assertTrue(score.value() >= 0 && score.value() <= 100, "seed " + seed + ", " + c + ": " + score);
        double sum = score.contributions().stream().mapToDouble(Contribution::value).sum();
        assertEquals(score.value(), sum, TOLERANCE, "seed " + seed + ", " + c);
      }
    }
  }

  @Test
  public void baseline_ofShardedPopulationInAnyOrder_equalsTheWhole() {
    assumeTrue(strategy() instanceof PopulationStrategy, strategy().name() + " is not a population strategy");
    PopulationStrategy<S> population = (PopulationStrategy<S>) strategy();
    for (long seed = 0; seed < SEEDS / 10; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      int n = 1 + r.nextInt(30);
      List<S> whole = new ArrayList<>();
      List<S> sharded = new ArrayList<>();
      List<EngagementEvent> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        List<EngagementEvent> events = events(r);
        all.addAll(events);
        whole.add(stateOf(events));
        S merged = strategy().newState();
        List<EngagementEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed * 31 + i));
        int cut = shuffled.isEmpty() ? 0 : r.nextInt(shuffled.size());
        merged.combine(stateOf(shuffled.subList(cut, shuffled.size())));
        merged.combine(stateOf(shuffled.subList(0, cut)));
        sharded.add(merged);
      }
      Instant asOf = asOf(r, all);
      List<S> reordered = new ArrayList<>(sharded);
      Collections.shuffle(reordered, new Random(seed));
      PopulationStrategy.Baseline<S> a = population.baseline(whole, asOf);
      PopulationStrategy.Baseline<S> b = population.baseline(reordered, asOf);
      assertEquals(n, a.customers(), "seed " + seed);
      assertEquals(asOf, a.asOf(), "seed " + seed);
      for (Double v : a.figures().values()) {
        assertTrue(Double.isFinite(v), "seed " + seed + ": " + a.figures());
      }
      for (int i = 0; i < n; i++) {
        Score expected = a.score(whole.get(i));
        Score actual = b.score(sharded.get(i));
        assertSameScore(expected, actual, "seed " + seed + ", customer " + i);
        assertEquals(expected.label(), actual.label(), "seed " + seed + ", customer " + i);
        assertTrue(expected.value() >= 0 && expected.value() <= 100, "seed " + seed + ": " + expected);
      }
    }
  }
}

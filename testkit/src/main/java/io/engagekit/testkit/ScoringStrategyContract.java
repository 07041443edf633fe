package io.engagekit.testkit;

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
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
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
 * <p>Add {@code io.engagekit:engagekit-testkit} with test scope and extend this class in a JUnit 5
 * test; each property above is one inherited {@code @Test}:
 *
 * <pre>{@code
 * final class MyStrategyTest extends ScoringStrategyContract {
 *   @Override protected ScoringStrategy<?> strategy() { return new MyStrategy(); }
 * }
 * }</pre>
 *
 * <p>{@link #strategy()} returns a {@code ScoringStrategy<?>}, so a strategy whose state type is
 * not public (every built-in, anything from {@code ScoringStrategies} or {@code Plans.parse}) is
 * tested the same way. EngageKit's own strategies are tested exactly so, from this module's tests.
 *
 * <p>Each property runs over {@link #seeds()} seeded event sets of one customer (by default
 * {@value #DEFAULT_SEEDS}: touchpoints and survey answers from {@link Generators}, including ties,
 * extreme instants and extreme values); a failure names its seed, which reproduces it on any JVM.
 * Override {@link #events(SplittableRandom)} to draw events closer to your strategy's domain, and
 * {@link #seeds()} to trade coverage for time.
 *
 * <p>A subclass is instantiated once per test method, as JUnit 5 does by default; the suite keeps
 * no state between methods.
 */
public abstract class ScoringStrategyContract {
  /** The number of seeded event sets each property runs over unless {@link #seeds()} says otherwise. */
  public static final int DEFAULT_SEEDS = 300;

  /** How far two scores that should be equal may differ: merges may add in another order. */
  public static final double TOLERANCE = 1e-9;

  private static final Instant[] EXTREMES = {
    Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z")
  };

  /** For subclasses. */
  protected ScoringStrategyContract() {}

  /**
   * Returns the strategy under test. Called once per test method.
   *
   * @return the strategy
   */
  protected abstract ScoringStrategy<?> strategy();

  /**
   * Returns the number of seeded event sets each property runs over; population properties run over
   * a tenth as many populations (of up to 30 customers each). At least 1.
   *
   * @return the number of seeds, {@value #DEFAULT_SEEDS} unless overridden
   */
  protected int seeds() {
    return DEFAULT_SEEDS;
  }

  /**
   * Returns one seeded set of events of the customer {@code "c"}, in no particular order: up to 40
   * touchpoints and survey answers from {@link Generators} (so instants and values reach the ends of
   * their ranges) and, now and then, a survey answer at the same instant as another event. The same
   * {@code r} state must give the same events. Override to draw events closer to your strategy's
   * domain; every event must belong to customer {@code "c"}.
   *
   * @param r the seeded source of randomness
   * @return a new, mutable list of the events
   */
  protected List<EngagementEvent> events(SplittableRandom r) {
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

  private static Instant asOf(SplittableRandom r, List<EngagementEvent> events) {
    int pick = r.nextInt(5);
    if (pick == 0 || events.isEmpty()) {
      return EXTREMES[r.nextInt(2)];
    }
    Instant some = events.get(r.nextInt(events.size())).at();
    return pick == 1 ? some : pick == 2 ? some.minusSeconds(86_400) : some.plusSeconds(r.nextInt(365 * 86_400));
  }

  private static void assertSameScore(Score expected, Score actual, String message) {
    assertEquals(expected.value(), actual.value(), TOLERANCE, message);
    assertEquals(expected.contributions().size(), actual.contributions().size(), message);
    for (Contribution c : expected.contributions()) {
      Optional<Double> other = actual.contribution(c.name());
      assertTrue(other.isPresent(), message + ": missing contribution " + c.name());
      assertEquals(c.value(), other.get(), TOLERANCE, message + ": contribution " + c.name());
    }
  }

  private static void assertValid(Score score, String message) {
    assertNotNull(score, message);
    assertTrue(Double.isFinite(score.value()) && score.value() >= 0 && score.value() <= 100, message + ": " + score);
    double sum = 0;
    for (Contribution c : score.contributions()) {
      assertTrue(Double.isFinite(c.value()), message + ": contribution " + c.name() + " of " + score);
      sum += c.value();
    }
    assertEquals(score.value(), sum, TOLERANCE, message + ": contributions do not add up to the score");
  }

  private int checkedSeeds() {
    int n = seeds();
    if (n < 1) {
      throw new IllegalStateException("seeds() must be at least 1, was " + n);
    }
    return n;
  }

  private <S extends ScoreState<S>> Check<S> check(ScoringStrategy<S> strategy) {
    assertNotNull(strategy, "strategy() returned null");
    return new Check<>(strategy);
  }

  /** The properties, over the captured state type of the strategy under test. */
  private final class Check<S extends ScoreState<S>> {
    private final ScoringStrategy<S> strategy;

    Check(ScoringStrategy<S> strategy) {
      this.strategy = strategy;
    }

    S stateOf(List<EngagementEvent> events) {
      S state = strategy.newState();
      for (EngagementEvent e : events) {
        state.accept(e);
      }
      return state;
    }

    Score score(S state, Instant asOf) {
      return strategy.score(state, asOf);
    }

    void describesItself() {
      assertTrue(strategy.name().matches("[a-z0-9_]+(\\.[a-z0-9_]+)+"),
          "name '" + strategy.name() + "' is not lower-case dotted words, like 'loyalty.rfm'");
      assertTrue(strategy.family().matches("[a-z0-9_]+"), "family '" + strategy.family() + "' is not one lower-case word");
      assertFalse(strategy.description().isBlank(), strategy.name() + " has a blank description");
    }

    void isInRangeFiniteAndExplained() {
      for (long seed = 0; seed < checkedSeeds(); seed++) {
        SplittableRandom r = new SplittableRandom(seed);
        List<EngagementEvent> events = events(r);
        assertValid(score(stateOf(events), asOf(r, events)), "seed " + seed);
      }
    }

    void isDeterministic() {
      for (long seed = 0; seed < checkedSeeds(); seed++) {
        SplittableRandom r = new SplittableRandom(seed);
        List<EngagementEvent> events = events(r);
        Instant asOf = asOf(r, events);
        S state = stateOf(events);
        assertEquals(score(state, asOf), score(state, asOf), "seed " + seed + " (the same state twice)");
        assertEquals(score(state, asOf), score(stateOf(events), asOf), "seed " + seed + " (the same events again)");
      }
    }

    void shardsInAnyOrderEqualTheWhole() {
      for (long seed = 0; seed < checkedSeeds(); seed++) {
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
        S merged = strategy.newState();
        for (List<EngagementEvent> part : parts) {
          merged.combine(stateOf(part));
        }
        assertSameScore(score(stateOf(events), asOf), score(merged, asOf), "seed " + seed);
      }
    }

    void mergeLaws() {
      for (long seed = 0; seed < checkedSeeds(); seed++) {
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
        assertSameScore(score(ab, asOf), score(ba, asOf), at + " (commutative)");

        S abThenC = stateOf(a);
        abThenC.combine(stateOf(b));
        abThenC.combine(stateOf(c));
        S bc = stateOf(b);
        bc.combine(stateOf(c));
        S aThenBc = stateOf(a);
        aThenBc.combine(bc);
        assertSameScore(score(abThenC, asOf), score(aThenBc, asOf), at + " (associative)");

        S withEmpty = stateOf(a);
        withEmpty.combine(strategy.newState());
        S emptyWith = strategy.newState();
        emptyWith.combine(stateOf(a));
        Score alone = score(stateOf(a), asOf);
        assertSameScore(alone, score(withEmpty, asOf), at + " (right identity)");
        assertSameScore(alone, score(emptyWith, asOf), at + " (left identity)");
      }
    }

    void orderIndependentWherePromised() {
      assumeTrue(strategy.orderIndependent(), strategy.name() + " does not promise order independence");
      for (long seed = 0; seed < checkedSeeds(); seed++) {
        SplittableRandom r = new SplittableRandom(seed);
        List<EngagementEvent> events = events(r);
        Instant asOf = asOf(r, events);
        List<EngagementEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        assertSameScore(score(stateOf(events), asOf), score(stateOf(shuffled), asOf), "seed " + seed);
      }
    }

    void snapshotsRoundTrip() throws IOException {
      for (long seed = 0; seed < checkedSeeds(); seed++) {
        SplittableRandom r = new SplittableRandom(seed);
        List<EngagementEvent> events = events(r);
        List<EngagementEvent> more = events(r);
        Instant asOf = asOf(r, events);
        S state = stateOf(events);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
          state.writeTo(new DataOutputStream(bytes));
        } catch (UnsupportedOperationException notSupported) {
          throw new TestAbortedException(strategy.name() + " does not support snapshots", notSupported);
        }
        S back = strategy.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertSameScore(score(state, asOf), score(back, asOf), "seed " + seed);
        state.combine(stateOf(more));
        back.combine(stateOf(more));
        assertSameScore(score(state, asOf), score(back, asOf), "seed " + seed + " (then merged)");
      }
    }

    void emptyStateIsNoEvidence() {
      for (Instant asOf : EXTREMES) {
        Score empty = score(strategy.newState(), asOf);
        assertFalse(empty.hasEvidence(), strategy.name() + " scores an empty state " + empty);
        assertTrue(empty.absence().orElseThrow().length() > 0, strategy.name() + " gives no reason for no evidence");
      }
      SplittableRandom r = new SplittableRandom(1);
      List<EngagementEvent> events = events(r);
      events.add(SurveyResponse.of("c", Instant.parse("2026-03-01T00:00:00Z"), SurveyMetric.NPS, 9));
      assertValid(score(stateOf(events), EXTREMES[0]), "as of before the first event");
    }

    void everyRelationshipType() {
      List<Customer> customers = new ArrayList<>();
      customers.add(Customer.of("c"));
      Arrays.stream(RelationshipType.values()).forEach(t -> customers.add(Customer.of("c").withRelationship(t)));
      for (long seed = 0; seed < Math.max(1, checkedSeeds() / 3); seed++) {
        SplittableRandom r = new SplittableRandom(seed);
        List<EngagementEvent> events = events(r);
        Instant asOf = asOf(r, events);
        S state = stateOf(events);
        assertSameScore(score(state, asOf), strategy.score(state, asOf, Customer.of("c")),
            "seed " + seed + " (a customer of unknown type scores as with no customer)");
        for (Customer c : customers) {
          assertValid(strategy.score(state, asOf, c), "seed " + seed + ", " + c);
        }
      }
    }

    void populationBaselines() {
      assumeTrue(strategy instanceof PopulationStrategy, strategy.name() + " is not a population strategy");
      PopulationStrategy<S> population = (PopulationStrategy<S>) strategy;
      for (long seed = 0; seed < Math.max(1, checkedSeeds() / 10); seed++) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(30);
        List<S> whole = new ArrayList<>();
        List<S> sharded = new ArrayList<>();
        List<EngagementEvent> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          List<EngagementEvent> events = events(r);
          all.addAll(events);
          whole.add(stateOf(events));
          S merged = strategy.newState();
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
          String at = "seed " + seed + ", customer " + i;
          assertSameScore(expected, actual, at);
          assertEquals(expected.label(), actual.label(), at);
          assertValid(expected, at);
        }
      }
    }
  }

  /** Name, family and description are well formed: lower-case dotted name, one-word family. */
  @Test
  public void strategy_describesItself() {
    check(strategy()).describesItself();
  }

  /** Every score is finite, in [0, 100], and its contributions add up to it. */
  @Test
  public void score_isInRangeFiniteAndExplained() {
    check(strategy()).isInRangeFiniteAndExplained();
  }

  /** The same state, or the same events again, give equal scores. */
  @Test
  public void score_isDeterministic() {
    check(strategy()).isDeterministic();
  }

  /** Events split into any number of shards, merged in any order, score as the whole. */
  @Test
  public void combine_ofShardsInAnyOrder_equalsTheWhole() {
    check(strategy()).shardsInAnyOrderEqualTheWhole();
  }

  /** {@code combine} is commutative and associative, and the empty state is its identity. */
  @Test
  public void combine_isCommutativeAssociativeWithTheEmptyStateAsIdentity() {
    check(strategy()).mergeLaws();
  }

  /** Shuffled events score as the original order, if the strategy says it is order-independent. */
  @Test
  public void accept_isOrderIndependent_wherePromised() {
    check(strategy()).orderIndependentWherePromised();
  }

  /**
   * A state written and read back scores alike, and still merges; skipped (aborted) for strategies
   * whose states do not support snapshots.
   *
   * @throws IOException never, from in-memory streams
   */
  @Test
  public void writeThenRead_scoresAlike_andStillMerges_whereSnapshotsAreSupported() throws IOException {
    check(strategy()).snapshotsRoundTrip();
  }

  /**
   * A state that took no event knows nothing, and says so: no evidence is not a score of 0. A score
   * as of an instant before the first event is valid.
   */
  @Test
  public void score_ofAnEmptyState_isNoEvidence_andAsOfBeforeTheFirstEvent_isValid() {
    check(strategy()).emptyStateIsNoEvidence();
  }

  /** Scores are valid for a customer of every relationship type, and unknown type means no customer. */
  @Test
  public void score_forEveryRelationshipType_isInRangeAndExplained() {
    check(strategy()).everyRelationshipType();
  }

  /** A population baseline does not depend on the population's order or on how events were sharded. */
  @Test
  public void baseline_ofShardedPopulationInAnyOrder_equalsTheWhole() {
    check(strategy()).populationBaselines();
  }
}

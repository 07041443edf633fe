package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Initiator;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.PopulationSummary;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.decay.Decay;
import io.engagekit.scoring.decay.DecayedSum;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code loyalty.decayed}: recency, frequency and monetary value, each decayed and judged against
 * what the customer's {@link Expectations relationship type} makes healthy.
 *
 * <p><b>Activity</b> is loyal behaviour: by default purchases only (issue 23: a campaign response
 * or a visit is interest, not loyalty, and made a non-buyer score like a buyer); {@link
 * LoyaltyStrategies#decayed(Duration, Expectations, Set)} names other kinds that count, of which a
 * company-initiated touchpoint never does. <b>Spend</b> is the value of purchases. Survey answers are
 * ignored; a customer without activity has no evidence. Each activity weighs {@code 2^(−age / H)}, H the half-life (default
 * 180 days). With {@code I} the expected contact interval of the customer's type and the age {@code
 * a} of the latest activity as of the scoring instant:
 *
 * <ul>
 *   <li><b>recency</b> {@code R = 2^(−max(0, a − I) / I)}: full marks within one expected interval,
 *       halving with every further interval;
 *   <li><b>frequency</b> {@code F = c / (c + E)}, {@code c} the decayed activity count and {@code E
 *       = 1 / (1 − 2^(−I / H))} the decayed count of a customer active exactly once every {@code I}:
 *       such a customer scores 1/2, and the score saturates towards 1;
 *   <li><b>monetary</b> {@code M = m / (m + m̃)}, {@code m} the decayed spend and {@code m̃} the
 *       median decayed spend of the customers who spent anything, as of the same instant: spend is
 *       judged against the population (whatever the currency), so this is a {@link
 *       PopulationStrategy}. When no one spent anything, M is left out and its weight shared.
 * </ul>
 *
 * <p>The score is {@code 100 · (0.40 R + 0.35 F + 0.25 M)} with contributions {@code recency},
 * {@code frequency} and {@code monetary}. A customer with no activity scores {@link Score#noEvidence no evidence}.
 *
 * <p>Example: a self-service customer (I = 90 days) who bought for 50 on days 0, 30 and 60, scored
 * on day 60 as a population of one: {@code c = 1 + 2^(−30/180) + 2^(−60/180) = 2.684600}, {@code E
 * = 3.414214}, {@code F = 0.440184}, {@code R = 1}, {@code M = 1/2} (their spend is the median),
 * score {@code 40 + 15.4064 + 12.5 = 67.9064}. The same customer without a registered type (I = 60
 * days) scores {@code 40 + 0.35 · 2.684600 / (2.684600 + 4.847323) · 100 + 12.5 = 64.9750}.
 *
 * <p>The state is three numbers, 40 bytes (the latest activity time, and the decayed count and
 * spend relative to it: {@link DecayedSum}'s exponential scheme, with two sums sharing one reference
 * time so that an event costs one decay factor). Order-independent; exact merge up to rounding. Spend
 * is kept in units of 2^32 so that no sum of valid values overflows.
 */
final class LoyaltyDecayed implements PopulationStrategy<LoyaltyDecayed.State> {
  static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(180);
  static final double RECENCY = 0.40;
  static final double FREQUENCY = 0.35;
  static final double MONETARY = 0.25;
  private static final String[] PARTS = {"recency", "frequency", "monetary"};

  private final Duration halfLife;
  private final double halfLifeSeconds;
  private final double inverseHalfLife;
  private final Expectations expectations;
  private final int activity; // bit k: TouchpointKind ordinal k counts as activity

  LoyaltyDecayed(Duration halfLife, Expectations expectations, Set<TouchpointKind> activity) {
    this.activity = Activity.mask(activity);
    this.halfLife = requireNonNull(halfLife, "halfLife");
    this.halfLifeSeconds = Decay.exponential(halfLife).scaleSeconds();
    this.inverseHalfLife = 1.0 / halfLifeSeconds;
    this.expectations = requireNonNull(expectations, "expectations");
  }

  @Override
  public String name() {
    return "loyalty.decayed";
  }

  @Override
  public String family() {
    return "loyalty";
  }

  @Override
  public String description() {
    return "Decayed recency and frequency of purchases, and spend, judged against the relationship type's expected contact and the population's spend.";
  }

  @Override
  public State newState() {
    return new State(inverseHalfLife, activity);
  }

  @Override
  public Baseline baseline(Iterable<? extends State> states, Instant asOf) {
    double at = DecayedSum.seconds(requireNonNull(asOf, "asOf"));
    double[] spends = new double[16];
    int n = 0;
    long customers = 0;
    for (State s : states) {
      customers++;
      double m = s.spendAt(at);
      if (m > 0) {
        if (n == spends.length) {
          spends = Arrays.copyOf(spends, n * 2);
        }
        spends[n++] = m;
      }
    }
    Arrays.sort(spends, 0, n);
    double median = n == 0 ? 0 : n % 2 == 1 ? spends[n / 2] : spends[n / 2 - 1] / 2 + spends[n / 2] / 2;
    return new Baseline(asOf, at, customers, n, median);
  }

  /**
   * Returns a live summary of the population's spend: each spender's decayed spend ordered by the
   * key {@code log2(spend) + latest / H}, whose order is that of the decayed spends at every
   * instant at or after the spenders' latest activity (exponential decay multiplies every spend by
   * the same factor as time passes). The median is then read by selection, exactly: it equals a
   * baseline's on the same states up to the rounding of the key (a median that differs in the
   * last bits when two spenders' decayed spends differ by less than about 1e-13 relative). Read as
   * of an instant before some spender's latest activity, the order no longer holds and the summary
   * answers null (the host takes the baseline by a pass). About 24 bytes per spender.
   */
  @Override
  public Summary newSummary() {
    return new Summary();
  }

  /** A spender's tuple in the summary: the order key, the spend and the latest activity. */
  private double key(State s) {
    return Math.log(s.spend) / LN2 + s.latest * inverseHalfLife;
  }

  private static final double LN2 = Math.log(2);

  /** The median of the spenders' decayed spends at {@code at}, from the summary's sorted tuples. */
  private double median(OrderStatistics spenders, double at, long lo) {
    long n = spenders.size() - lo;
    if (n == 0) {
      return 0;
    }
    long mid = lo + n / 2;
    return n % 2 == 1 ? spendAt(spenders, mid, at) : spendAt(spenders, mid - 1, at) / 2 + spendAt(spenders, mid, at) / 2;
  }

  private double spendAt(OrderStatistics spenders, long rank, double at) {
    return State.spendAt(spenders.select(rank, 1), spenders.select(rank, 2), at, inverseHalfLife);
  }

  /**
   * The live population of {@code loyalty.decayed}: every customer counted, and each spender's
   * (key, spend, latest) in exact order statistics. Not thread-safe.
   */
  final class Summary implements PopulationSummary<State> {
    private long customers;
    private final OrderStatistics spenders = new OrderStatistics(3);
    private double latestSpender = Double.NEGATIVE_INFINITY; // never decreases: a bound, see baseline
    private final double[] tuple = new double[3];

    private double[] tuple(State state) {
      tuple[0] = key(state);
      tuple[1] = state.spend;
      tuple[2] = state.latest;
      return tuple;
    }

    @Override
    public boolean changes(EngagementEvent event) {
      return event instanceof Touchpoint && ((Touchpoint) event).initiatorOr(null) != Initiator.COMPANY;
    }

    @Override
    public void add(State state) {
      customers++;
      if (state.spend > 0) {
        spenders.add(tuple(state));
        latestSpender = Math.max(latestSpender, state.latest);
      }
    }

    @Override
    public void remove(State state) {
      if (customers == 0) {
        throw new IllegalStateException("the loyalty.decayed summary is empty");
      }
      if (state.spend > 0) {
        spenders.remove(tuple(state));
      }
      customers--;
    }

    @Override
    public void combine(PopulationSummary<State> other) {
      Summary o = (Summary) other;
      customers += o.customers;
      spenders.addAll(o.spenders);
      latestSpender = Math.max(latestSpender, o.latestSpender);
    }

    @Override
    public long customers() {
      return customers;
    }

    @Override
    public @Nullable Score score(State state, Customer customer, Instant asOf) {
      Baseline c = baseline(asOf);
      return c == null ? null : c.score(state, customer);
    }

    /** O(log² n): the median by selection, after skipping spends that decayed to zero. */
    @Override
    public @Nullable Baseline baseline(Instant asOf) {
      double at = DecayedSum.seconds(requireNonNull(asOf, "asOf"));
      if (!(at >= latestSpender)) {
        return null;
      }
      // Spends that decayed to 0 (more than ~1075 half-lives old) are not spenders as of `at`; they
      // sort first, because the decayed spend grows with the key.
      long lo = 0;
      long hi = spenders.size();
      while (lo < hi) {
        long mid = (lo + hi) >>> 1;
        if (spendAt(spenders, mid, at) > 0) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return new Baseline(asOf, at, customers, spenders.size() - lo, median(spenders, at, lo));
    }
  }

  @Override
  public State readState(DataInput in) throws IOException {
    State s = newState();
    s.latest = in.readDouble();
    s.count = in.readDouble();
    s.spend = in.readDouble();
    boolean empty = s.latest == Double.NEGATIVE_INFINITY;
    if (empty ? s.count != 0 || s.spend != 0
        : !(Math.abs(s.latest) <= Double.MAX_VALUE) || !(s.count >= 1 && s.count <= Double.MAX_VALUE)
            || !(s.spend >= 0 && s.spend <= Double.MAX_VALUE)) {
      throw new IOException("invalid loyalty.decayed state: latest " + s.latest + ", count " + s.count + ", spend " + s.spend);
    }
    return s;
  }

  @Override
  public String toString() {
    return name() + "[halfLife=" + halfLife + ", " + expectations + "]";
  }

  /** The median spend of a population, and the scores against it. */
  final class Baseline implements PopulationStrategy.Baseline<State> {
    private final Instant asOf;
    private final double at;
    private final long customers;
    private final long spenders;
    private final double median;

    Baseline(Instant asOf, double at, long customers, long spenders, double median) {
      this.asOf = asOf;
      this.at = at;
      this.customers = customers;
      this.spenders = spenders;
      this.median = median;
    }

    @Override
    public Instant asOf() {
      return asOf;
    }

    @Override
    public long customers() {
      return customers;
    }

    @Override
    public Score score(State state) {
      return scoreOf(state, expectations.of(Optional.empty()));
    }

    @Override
    public Score score(State state, Customer customer) {
      return scoreOf(state, expectations.of(requireNonNull(customer, "customer").relationship()));
    }

    /** The score's value, without building it: the contributions of {@link #scoreOf}, added in order. */
    @Override
    public double value(State state, String id, @Nullable Customer registered) {
      if (state.latest == Double.NEGATIVE_INFINITY) {
        return 0.0;
      }
      double[] parts = new double[3];
      int n = parts(state, expectations.of(registered == null ? Optional.empty() : registered.relationship()), parts);
      double sum = 0.0;
      for (int i = 0; i < n; i++) {
        sum += parts[i];
      }
      return Score.valueOfSum(sum);
    }

    private Score scoreOf(State state, Expectations.Expectation expected) {
      if (state.latest == Double.NEGATIVE_INFINITY) {
        return Score.noEvidence("no activity");
      }
      double[] parts = new double[3];
      int n = parts(state, expected, parts);
      List<Contribution> contributions = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        contributions.add(new Contribution(PARTS[i], parts[i]));
      }
      return Score.of(contributions);
    }

    /** The contributions' values, recency, frequency and (when anyone spent) monetary; returns how many. */
    private int parts(State state, Expectations.Expectation expected, double[] out) {
      double interval = expected.intervalSeconds();
      double age = Math.max(0.0, at - state.latest);
      double fade = Decay.exp2(-age * inverseHalfLife);
      double r = Decay.exp2(-Math.max(0.0, age - interval) / interval);
      double c = state.count * fade;
      double e = 1.0 / (1.0 - Decay.exp2(-interval * inverseHalfLife));
      double f = c / (c + e);
      if (median > 0) {
        double m = state.spend * fade;
        out[0] = 100 * RECENCY * r;
        out[1] = 100 * FREQUENCY * f;
        out[2] = 100 * MONETARY * (m / (m + median));
        return 3;
      }
      double total = RECENCY + FREQUENCY;
      out[0] = 100 * RECENCY / total * r;
      out[1] = 100 * FREQUENCY / total * f;
      return 2;
    }

    /**
     * {@code customers}, {@code spenders} (customers with any spend) and {@code medianSpend}; the
     * median is left out when it lies beyond the range of a double (spends near {@link
     * Double#MAX_VALUE}).
     */
    @Override
    public Map<String, Double> figures() {
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put("customers", (double) customers);
      figures.put("spenders", (double) spenders);
      double medianSpend = Spend.amount(median);
      if (medianSpend <= Double.MAX_VALUE) {
        figures.put("medianSpend", medianSpend);
      }
      return figures;
    }
  }

  /** The latest activity time and the decayed count and spend relative to it. */
  static final class State implements ScoreState<State> {
    private final double inverseHalfLife;
    private final int activity;
    double latest = Double.NEGATIVE_INFINITY; // epoch seconds
    double count;
    double spend; // times 2^-32

    State(double inverseHalfLife, int activity) {
      this.inverseHalfLife = inverseHalfLife;
      this.activity = activity;
    }

    @Override
    public void accept(EngagementEvent event) {
      if (!(event instanceof Touchpoint t) || !Activity.counts(activity, t)) {
        return;
      }
      double v = t.kind() == TouchpointKind.PURCHASE ? Spend.of(t.valueOr(0.0)) : 0.0;
      add(DecayedSum.seconds(t.at()), 1.0, v);
    }

    private void add(double t, double n, double v) {
      if (t > latest) {
        if (latest == Double.NEGATIVE_INFINITY) {
          count = n;
          spend = v;
        } else {
          double f = Decay.exp2(-(t - latest) * inverseHalfLife);
          count = count * f + n;
          spend = Spend.finite(spend * f + v, "loyalty.decayed");
        }
        latest = t;
      } else {
        double f = Decay.exp2(-(latest - t) * inverseHalfLife);
        count += n * f;
        spend = Spend.finite(spend + v * f, "loyalty.decayed");
      }
    }

    @Override
    public void combine(State other) {
      if (other.latest != Double.NEGATIVE_INFINITY) {
        if (latest == Double.NEGATIVE_INFINITY) {
          latest = other.latest;
          count = other.count;
          spend = other.spend;
        } else {
          add(other.latest, other.count, other.spend);
        }
      }
    }

    /** The decayed spend as of an instant (as of the latest activity, if that is later). */
    double spendAt(double at) {
      return latest == Double.NEGATIVE_INFINITY ? 0.0 : spendAt(spend, latest, at, inverseHalfLife);
    }

    static double spendAt(double spend, double latest, double at, double inverseHalfLife) {
      return spend * Decay.exp2(-Math.max(0.0, at - latest) * inverseHalfLife);
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      out.writeDouble(latest);
      out.writeDouble(count);
      out.writeDouble(spend);
    }

    @Override
    public String toString() {
      return "loyalty.decayed state[latest=" + latest + ", count=" + count + ", spend=" + spend + "]";
    }
  }
}

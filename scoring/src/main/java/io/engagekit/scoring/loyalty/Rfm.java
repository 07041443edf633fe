package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.PopulationSummary;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.decay.DecayedSum;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code loyalty.rfm}: the classic recency–frequency–monetary quintile code, 111 to 555, relative to
 * the population, with its named segment.
 *
 * <p>Each customer with at least one purchase gets three quintiles among the customers with
 * purchases: <b>R</b> by the time of the latest purchase (5 = most recent), <b>F</b> by the number
 * of purchases, <b>M</b> by total spend (the sum of purchase values; absent values count 0). A
 * customer's quintile is {@code ceil(5 · (below + (tied + 1) / 2) / n)}: their mid-rank among the
 * {@code n} customers, so tied customers share a quintile and a population of one is 555. The
 * score is {@code 100 · (R + F + M) / 15} (20 for 111, 100 for 555) with contributions {@code
 * recency}, {@code frequency} and {@code monetary}, and the label is the code and segment, such as
 * {@code "543 champions"}. Customers with no purchase score {@link Score#noEvidence no evidence}, unlabelled, and are
 * not part of the population.
 *
 * <table>
 *   <caption>Segments, by R and FM = (F + M) / 2 (every code has exactly one)</caption>
 *   <tr><th>segment</th><th>R</th><th>FM</th></tr>
 *   <tr><td>{@code champions}</td><td>4–5</td><td>≥ 4</td></tr>
 *   <tr><td>{@code loyal}</td><td>3–5</td><td>≥ 3 (not champions)</td></tr>
 *   <tr><td>{@code potential_loyalists}</td><td>3–5</td><td>&lt; 3</td></tr>
 *   <tr><td>{@code at_risk}</td><td>1–2</td><td>≥ 3</td></tr>
 *   <tr><td>{@code hibernating}</td><td>2</td><td>&lt; 3</td></tr>
 *   <tr><td>{@code lost}</td><td>1</td><td>&lt; 3</td></tr>
 * </table>
 *
 * <p>This follows the common R-against-FM grid of RFM practice, folded into the six segments that
 * issue 3 names; "new customers" and "promising" of longer lists fall into potential loyalists.
 *
 * <p>Example: five customers with latest purchases on days 1–5, 1–5 purchases and spends of 10–50
 * in the same order: the fifth is 555 champions (score 100), the first 111 lost (score 20), the
 * third 333 loyal (score 60).
 *
 * <p>The state is exact and 32 bytes: the latest purchase time, the purchase count and the spend (in
 * units of 2^32, so that no sum of valid values overflows). Order-independent; merges exactly except
 * for the rounding of the spend sum.
 */
final class Rfm implements PopulationStrategy<Rfm.State> {

  /** The segments, in the order their counts are reported. */
  enum Segment {
    CHAMPIONS,
    LOYAL,
    POTENTIAL_LOYALISTS,
    AT_RISK,
    HIBERNATING,
    LOST;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Segment of(int r, int f, int m) {
      double fm = (f + m) / 2.0;
      if (r >= 4 && fm >= 4) {
        return CHAMPIONS;
      }
      if (r >= 3) {
        return fm >= 3 ? LOYAL : POTENTIAL_LOYALISTS;
      }
      if (fm >= 3) {
        return AT_RISK;
      }
      return r == 2 ? HIBERNATING : LOST;
    }
  }

  @Override
  public String name() {
    return "loyalty.rfm";
  }

  @Override
  public String family() {
    return "loyalty";
  }

  @Override
  public String description() {
    return "Recency, frequency and spend quintiles relative to the population, 111-555, with named segments.";
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public Baseline baseline(Iterable<? extends State> states, Instant asOf) {
    requireNonNull(asOf, "asOf");
    int n = 0;
    long customers = 0;
    double[] triples = new double[48];
    for (State s : states) {
      customers++;
      if (s.count > 0) {
        if (3 * n == triples.length) {
          triples = Arrays.copyOf(triples, 6 * n);
        }
        triples[3 * n] = s.latest;
        triples[3 * n + 1] = s.count;
        triples[3 * n + 2] = s.spend;
        n++;
      }
    }
    double[][] columns = new double[3][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        columns[k][i] = triples[3 * i + k];
      }
    }
    TupleBag purchasers = new TupleBag(3);
    for (int i = 0; i < n; i++) {
      purchasers.add(triples[3 * i], triples[3 * i + 1], triples[3 * i + 2]);
    }
    return new Baseline(asOf, customers, OrderStatistics.of(columns[0], n, 1), OrderStatistics.of(columns[1], n, 1),
        OrderStatistics.of(columns[2], n, 1), purchasers);
  }

  /**
   * Returns a live summary: the purchasers' latest times, counts and spends, each in an exact
   * {@link OrderStatistics} (so live quintiles equal a baseline's, with no rank error), and
   * their triples, unordered, for the segment counts ({@link TupleBag}). About 80 bytes per
   * purchaser.
   */
  @Override
  public Summary newSummary() {
    return new Summary();
  }

  @Override
  public State readState(DataInput in) throws IOException {
    State s = new State();
    s.latest = in.readDouble();
    s.count = in.readLong();
    s.spend = in.readDouble();
    boolean valid = s.count == 0
        ? s.latest == Double.NEGATIVE_INFINITY && s.spend == 0
        : s.count > 0 && Math.abs(s.latest) <= Double.MAX_VALUE && s.spend >= 0 && s.spend <= Double.MAX_VALUE;
    if (!valid) {
      throw new IOException("invalid loyalty.rfm state: latest " + s.latest + ", count " + s.count + ", spend " + s.spend);
    }
    return s;
  }

  @Override
  public String toString() {
    return name();
  }

  /** The quintile of a value among sorted values: by mid-rank, 1 to 5. */
  static int quintile(OrderStatistics sorted, double value) {
    return quintile(sorted.countBelow(value) + (sorted.countEqual(value) + 1) / 2.0, sorted.size());
  }

  /** The quintile of a value among sorted values: by mid-rank, 1 to 5. */
  static int quintile(double[] sorted, double value) {
    return quintile(midRank(sorted, value), sorted.length);
  }

  private static int quintile(double midRank, long n) {
    return (int) Math.min(5, Math.max(1, Math.ceil(5 * midRank / n)));
  }

  /**
   * The mid-rank of a value among sorted values, from 1: the values below it, plus half of one more
   * than those tied with it (so a value not among them ranks half-way between its neighbours).
   */
  static double midRank(double[] sorted, double value) {
    int below = lowerBound(sorted, value);
    int tied = lowerBound(sorted, Math.nextUp(value)) - below;
    return below + (tied + 1) / 2.0;
  }

  /** The index of the first element {@code >= value}. */
  private static int lowerBound(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The sorted latest times, counts and spends of the customers with purchases, and their triples:
   * built by a pass ({@link #baseline}) or frozen from a live {@link Summary}; either way the same
   * scores for the same states.
   */
  static final class Baseline implements PopulationStrategy.Baseline<State> {
    private final Instant asOf;
    private final long customers;
    private final OrderStatistics latest;
    private final OrderStatistics counts;
    private final OrderStatistics spends;
    private final TupleBag purchasers; // (latest, count, spend), for the segment counts
    /** Per dimension, the least population value of quintiles 2..5; made on the first {@link #value} call. */
    private volatile double @Nullable [][] boundaries;

    Baseline(Instant asOf, long customers, OrderStatistics latest, OrderStatistics counts, OrderStatistics spends,
        TupleBag purchasers) {
      this.asOf = asOf;
      this.customers = customers;
      this.latest = latest;
      this.counts = counts;
      this.spends = spends;
      this.purchasers = purchasers;
    }

    @Override
    public Instant asOf() {
      return asOf;
    }

    @Override
    public long customers() {
      return customers;
    }

    /**
     * The score's value from quintile boundaries: within the population a quintile is a
     * non-decreasing step function of the value, so 12 comparisons replace 6 rank queries.
     */
    @Override
    public double value(State state, String id, io.engagekit.core.@Nullable Customer registered) {
      if (state.count == 0 || latest.size() == 0) {
        return score(state).value();
      }
      double[][] b = boundaries;
      if (b == null) {
        b = new double[][] {boundaries(latest), boundaries(counts), boundaries(spends)};
        boundaries = b;
      }
      double sum = 0.0;
      sum += 100.0 * step(b[0], state.latest) / 15;
      sum += 100.0 * step(b[1], state.count) / 15;
      sum += 100.0 * step(b[2], state.spend) / 15;
      return Score.valueOfSum(sum);
    }

    /** The quintile from its boundaries. */
    private static int step(double[] boundaries, double value) {
      int q = 1;
      for (double b : boundaries) {
        if (value >= b) {
          q++;
        }
      }
      return q;
    }

    /** The least value of each quintile 2..5 among the population's values (+infinity if none). */
    private static double[] boundaries(OrderStatistics sorted) {
      double[] b = new double[4];
      for (int k = 2; k <= 5; k++) {
        long lo = 0;
        long hi = sorted.size();
        while (lo < hi) {
          long mid = (lo + hi) >>> 1;
          if (Rfm.quintile(sorted, sorted.select(mid, 0)) >= k) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        b[k - 2] = lo == sorted.size() ? Double.POSITIVE_INFINITY : sorted.select(lo, 0);
      }
      return b;
    }

    @Override
    public Score score(State state) {
      if (state.count == 0) {
        return Score.noEvidence("no purchase");
      }
      if (latest.size() == 0) {
        // A customer with purchases scored against a population without any: their own population.
        return new Rfm().baseline(List.of(state), asOf).score(state);
      }
      int r = quintile(latest, state.latest);
      int f = quintile(counts, state.count);
      int m = quintile(spends, state.spend);
      Score score = Score.of(List.of(
          new Contribution("recency", 100.0 * r / 15),
          new Contribution("frequency", 100.0 * f / 15),
          new Contribution("monetary", 100.0 * m / 15)));
      return score.withLabel("" + r + f + m + " " + Segment.of(r, f, m).code());
    }

    /**
     * {@code customers} (all states given), {@code purchasers}, then the number of purchasers in
     * each segment: {@code champions}, {@code loyal}, {@code potential_loyalists}, {@code at_risk},
     * {@code hibernating}, {@code lost}.
     */
    @Override
    public Map<String, Double> figures() {
      long[] bySegment = new long[Segment.values().length];
      purchasers.forEach((t, count) -> bySegment[Segment.of(
          quintile(latest, t[0]), quintile(counts, t[1]), quintile(spends, t[2])).ordinal()] += count);
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put("customers", (double) customers);
      figures.put("purchasers", (double) latest.size());
      for (Segment s : Segment.values()) {
        figures.put(s.code(), (double) bySegment[s.ordinal()]);
      }
      return figures;
    }
  }

  /**
   * The live population of {@code loyalty.rfm}: every customer counted, and each purchaser's latest
   * time, count and spend in exact order statistics. Not thread-safe.
   */
  static final class Summary implements PopulationSummary<State> {
    private long customers;
    private final OrderStatistics latest = new OrderStatistics(1);
    private final OrderStatistics counts = new OrderStatistics(1);
    private final OrderStatistics spends = new OrderStatistics(1);
    private final TupleBag purchasers = new TupleBag(3);
    private final double[] triple = new double[3];

    @Override
    public boolean changes(EngagementEvent event) {
      return event instanceof Touchpoint && ((Touchpoint) event).kind() == TouchpointKind.PURCHASE;
    }

    @Override
    public void add(State state) {
      customers++;
      if (state.count > 0) {
        latest.add(state.latest);
        counts.add(state.count);
        spends.add(state.spend);
        purchasers.add(triple(state));
      }
    }

    @Override
    public void remove(State state) {
      if (customers == 0) {
        throw new IllegalStateException("the loyalty.rfm summary is empty");
      }
      if (state.count > 0) {
        purchasers.remove(triple(state));
        latest.remove(state.latest);
        counts.remove(state.count);
        spends.remove(state.spend);
      }
      customers--;
    }

    private double[] triple(State state) {
      triple[0] = state.latest;
      triple[1] = state.count;
      triple[2] = state.spend;
      return triple;
    }

    @Override
    public void combine(PopulationSummary<State> other) {
      Summary o = (Summary) other;
      customers += o.customers;
      latest.addAll(o.latest);
      counts.addAll(o.counts);
      spends.addAll(o.spends);
      purchasers.addAll(o.purchasers);
    }

    @Override
    public long customers() {
      return customers;
    }

    @Override
    public Score score(State state, io.engagekit.core.Customer customer, Instant asOf) {
      return new Baseline(asOf, customers, latest, counts, spends, purchasers).score(state);
    }

    @Override
    public Baseline baseline(Instant asOf) {
      return new Baseline(requireNonNull(asOf, "asOf"), customers, latest.frozenCopy(), counts.frozenCopy(),
          spends.frozenCopy(), purchasers.frozenCopy());
    }
  }

  /** The latest purchase, the purchase count and the total spend. */
  static final class State implements ScoreState<State> {
    double latest = Double.NEGATIVE_INFINITY;
    long count;
    double spend; // times 2^-32

    @Override
    public void accept(EngagementEvent event) {
      if (event instanceof Touchpoint && ((Touchpoint) event).kind() == TouchpointKind.PURCHASE) {
        Touchpoint t = (Touchpoint) event;
        latest = Math.max(latest, DecayedSum.seconds(t.at()));
        count++;
        spend = Spend.finite(spend + Spend.of(t.valueOr(0.0)), "loyalty.rfm");
      }
    }

    @Override
    public void combine(State other) {
      latest = Math.max(latest, other.latest);
      count += other.count;
      spend = Spend.finite(spend + other.spend, "loyalty.rfm");
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      out.writeDouble(latest);
      out.writeLong(count);
      out.writeDouble(spend);
    }
  }
}

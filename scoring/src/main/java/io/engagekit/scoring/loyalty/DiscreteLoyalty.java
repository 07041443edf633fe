package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.models.BgBb;
import io.engagekit.scoring.models.DiscretePattern;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ModelFitException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code loyalty.bgbb}: loyalty from the BG/BB model for discrete-time data (Fader, Hardie &amp;
 * Shang 2010), where each calendar period is one opportunity to transact (a yearly donation, a
 * monthly subscription box, a weekly market stall).
 *
 * <p>Each customer's purchases are summarised per {@link DiscreteSettings}: x, t<sub>x</sub> and n
 * in periods. The score is 100 · the probability of at least one transaction in the next {@link
 * DiscreteSettings#horizon()} opportunities ({@link BgBb#probabilityOfRepeat}), as the contribution
 * {@code p_purchase}; measures {@code p_purchase}, {@code expected_transactions} (their equation
 * 13), {@code p_alive} (alive at the next opportunity, their equation 11), {@code x}, {@code t_x},
 * {@code n}, and for a model fitted here {@code fit_as_of}, {@code fit_customers}, {@code
 * fit_log_likelihood}. Customers without a purchase, or with more than {@value
 * DiscretePattern#MAX_PERIODS} opportunities (less the horizon) since their first, score {@link
 * Score#noEvidence no evidence} and are left out of the fit.
 *
 * <p>Where it misleads: a customer whose only purchase is in the current period has n = 0 and is
 * scored on the population's averages alone; it ignores spend (one period with ten purchases
 * counts as one); and on daily data with long histories a fit costs time in proportion to the
 * opportunities, so prefer {@code loyalty.bgnbd} there.
 *
 * <p>Without a model given, the baseline fits BG/BB on the population's patterns; when the
 * population does not identify it, its {@link PopulationStrategy.Baseline#failure() failure} names
 * the reason and every score is no evidence with it. The state keeps the customer's distinct
 * purchase periods (4 bytes each; distinct periods cannot be merged from counts, because two shards
 * may both hold a purchase in one period). Order-independent, mergeable, written to snapshots.
 */
final class DiscreteLoyalty implements PopulationStrategy<DiscreteLoyalty.State> {
  /** The range of instants events may carry (core's Touchpoint checks). */
  private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** The order patterns are fitted in, so that the fit does not depend on the population's order. */
  private static final Comparator<DiscretePattern> ORDER = Comparator.comparingLong(DiscretePattern::periods)
      .thenComparingLong(DiscretePattern::recency).thenComparingLong(DiscretePattern::frequency);

  final @Nullable BgBb model;
  final DiscreteSettings settings;

  DiscreteLoyalty(@Nullable BgBb model, DiscreteSettings settings) {
    this.model = model;
    this.settings = requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return "loyalty.bgbb";
  }

  @Override
  public String family() {
    return "loyalty";
  }

  @Override
  public String description() {
    return "Probability of a purchase in the next opportunities (BG/BB for one purchase opportunity a "
        + settings.period().code() + ", " + (model == null ? "fitted on the population" : "fitted beforehand")
        + "), with expected purchases and the probability the customer is still active.";
  }

  @Override
  public State newState() {
    return new State(settings);
  }

  /** False with a model given: a score is then a function of the customer's own purchases. */
  @Override
  public boolean dependsOnPopulation() {
    return model == null;
  }

  @Override
  public State readState(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("invalid " + name() + " state: " + n + " purchase periods");
    }
    State s = new State(settings);
    s.periods = new int[Math.max(2, Math.min(n, 1 << 16))];
    long previous = Long.MIN_VALUE;
    long lowest = settings.periodOf(MIN);
    long highest = settings.periodOf(MAX);
    for (int i = 0; i < n; i++) {
      int period = in.readInt();
      if (period <= previous || period < lowest || period > highest) {
        throw new IOException("invalid " + name() + " state: purchase period " + i + " is " + period
            + " (periods must increase and lie in [" + lowest + ", " + highest + "], the years 0000-9999)");
      }
      previous = period;
      s.add(period);
    }
    return s;
  }

  @Override
  public DiscreteBaseline baseline(Iterable<? extends State> states, Instant asOf) {
    requireNonNull(asOf, "asOf");
    long end = settings.lastEnded(asOf);
    long customers = 0;
    List<DiscretePattern> patterns = new ArrayList<>();
    for (State s : states) {
      customers++;
      DiscretePattern p = s.pattern(end);
      if (p != null) {
        patterns.add(p);
      }
    }
    return baselineOn(patterns, customers, asOf);
  }

  /**
   * Fits (unless given) on the purchasers' patterns, counted and in a fixed order so that the fit
   * does not depend on the order of the population; a baseline that scores no one, with the
   * reason, when the model cannot be fitted.
   */
  DiscreteBaseline baselineOn(List<DiscretePattern> patterns, long customers, Instant asOf) {
    long purchasers = 0;
    for (DiscretePattern p : patterns) {
      purchasers += p.customers();
    }
    if (model != null) {
      return given(customers, purchasers, asOf);
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("customers", (double) customers);
    figures.put("purchasers", (double) purchasers);
    TreeMap<DiscretePattern, long[]> counted = new TreeMap<>(ORDER);
    for (DiscretePattern p : patterns) {
      counted.computeIfAbsent(new DiscretePattern(p.frequency(), p.recency(), p.periods(), 1), k -> new long[1])[0]
          += p.customers();
    }
    List<DiscretePattern> data = new ArrayList<>(counted.size());
    counted.forEach((p, n) -> data.add(new DiscretePattern(p.frequency(), p.recency(), p.periods(), n[0])));
    String reason;
    if (data.isEmpty()) {
      reason = "no customer has a purchase";
    } else {
      try {
        ModelFit<BgBb> fit = BgBb.fit(data);
        figures.putAll(fit.model().parameters());
        figures.put("logLikelihood", fit.logLikelihood());
        figures.put("horizon", (double) settings.horizon());
        return new DiscreteBaseline(this, asOf, customers, fit.model(), figures, asOf, purchasers);
      } catch (IllegalArgumentException | ModelFitException e) {
        reason = e.getMessage();
      }
    }
    return new DiscreteBaseline(this, asOf, customers, purchasers, name() + " cannot fit BG/BB on the "
        + purchasers + " customers with purchases as of " + asOf + ": " + reason
        + "; fit the model on more data and give it to the strategy");
  }

  /** The baseline of the model given: the figures describe the population there is now. */
  DiscreteBaseline given(long customers, long purchasers, Instant asOf) {
    BgBb m = requireNonNull(model);
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("customers", (double) customers);
    figures.put("purchasers", (double) purchasers);
    figures.putAll(m.parameters());
    figures.put("horizon", (double) settings.horizon());
    return new DiscreteBaseline(this, asOf, customers, m, figures, null, purchasers);
  }

  /**
   * Returns a live summary: every purchaser's first and last purchase period and repeat periods,
   * counted, from which the patterns as of any instant follow. A refit (on the engine's {@link
   * io.engagekit.scoring.RefitPolicy}) copies the distinct entries and fits outside the summary's
   * lock. With a model given, scores need no fit.
   */
  @Override
  public DiscretePurchasers newSummary() {
    return new DiscretePurchasers(this);
  }

  @Override
  public String toString() {
    return name();
  }

  /** A customer's distinct purchase periods, sorted. Not thread-safe. */
  static final class State implements ScoreState<State> {
    private final DiscreteSettings settings;
    int[] periods = new int[2];
    int size;

    State(DiscreteSettings settings) {
      this.settings = settings;
    }

    @Override
    public void accept(EngagementEvent event) {
      if (event instanceof Touchpoint t && t.kind() == TouchpointKind.PURCHASE) {
        add((int) settings.periodOf(t.at())); // instants lie in years 0000-9999: periods fit an int
      }
    }

    /** Adds a period; allocates only to grow when it is new. */
    void add(int period) {
      int at = Arrays.binarySearch(periods, 0, size, period);
      if (at >= 0) {
        return;
      }
      at = -at - 1;
      if (size == periods.length) {
        periods = Arrays.copyOf(periods, size * 2);
      }
      System.arraycopy(periods, at, periods, at + 1, size - at);
      periods[at] = period;
      size++;
    }

    @Override
    public void combine(State other) {
      for (int i = 0; i < other.size; i++) {
        add(other.periods[i]);
      }
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      out.writeInt(size);
      for (int i = 0; i < size; i++) {
        out.writeInt(periods[i]);
      }
    }

    /**
     * The pattern with opportunities counted to period {@code end} (or to the last purchase, if
     * later), or null without purchases or with more opportunities than BG/BB takes with the horizon.
     */
    @Nullable DiscretePattern pattern(long end) {
      return size == 0 ? null : DiscretePurchasers.pattern(periods[0], periods[size - 1], size - 1L, end,
          settings.horizon());
    }
  }
}

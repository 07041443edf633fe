package io.engagekit.scoring.attribution;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.ConversionPath;
import io.engagekit.core.JourneyOutcome;
import io.engagekit.core.JourneyPath;
import io.engagekit.core.Touchpoint;
import io.engagekit.scoring.attribution.Attribution.Credit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Attribution models over aggregated conversion paths: which channels earned the conversions and
 * their value.
 *
 * <ul>
 *   <li>Heuristics: {@link #firstTouch first-touch}, {@link #lastTouch last-touch}, {@link #linear
 *       linear} (equal shares of each path) and {@link #positionBased(Collection, double, double)
 *       position-based} (by default 40% to the first channel, 40% to the last, 20% shared by those
 *       between; a two-channel path splits in the ratio of the first and last shares).
 *   <li>{@link #markov(Collection, int) Markov chains} of order 1 to 4, with removal effects from
 *       the absorbing chain by linear algebra (no simulation), for channels and channel sequences.
 *   <li>{@link #shapley(Collection) Shapley values} of the conversion-rate game, exact up to
 *       {@value #MAX_EXACT_CHANNELS} channels, with an {@link #shapleyOrdered order-aware variant}
 *       and a {@link #shapleySampled seeded sampled estimate} with error bounds.
 *   <li>Over journeys assembled from touchpoints ({@link io.engagekit.scoring.journeys}): the same
 *       models on {@link #paths their paths}, and {@link #timeDecay time-decay}.
 * </ul>
 *
 * <p>Every channel that appears on a path is in the result, in ascending order of name, even with
 * no credit. The credits add up to the paths' totals within rounding. Each method is a pure
 * function of its input, single-threaded: the same paths give bit-identical results. Thread-safe.
 *
 * @since 0.1
 */
public final class Attributions {
  /** The highest Markov order supported. */
  public static final int MAX_ORDER = 4;
  /** The default share of the first channel in the position-based model. */
  public static final double DEFAULT_FIRST_SHARE = 0.4;
  /** The default share of the last channel in the position-based model. */
  public static final double DEFAULT_LAST_SHARE = 0.4;
  /** How many channel sequences {@link #markov(Collection, int)} reports removal effects for. */
  public static final int DEFAULT_SEQUENCES = 20;
  /** The default half-life of {@link #timeDecay(Collection)}: 7 days. */
  public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(7);
  /** Up to this many channels, {@link #shapley(Collection)} is exact; above, it samples. */
  public static final int MAX_EXACT_CHANNELS = 15;
  /** How many random orders {@link #shapley(Collection)} samples above {@value #MAX_EXACT_CHANNELS} channels. */
  public static final int DEFAULT_SAMPLES = 10_000;
  /** The seed {@link #shapley(Collection)} samples with above {@value #MAX_EXACT_CHANNELS} channels. */
  public static final long DEFAULT_SEED = 20_261_122L;
  /** Above this many transient states the chain is solved iteratively rather than by elimination. */
  private static final int DENSE_LIMIT = 600;

  private Attributions() {}

  /** A path's weights by position; they sum to 1. */
  @FunctionalInterface
  private interface Weights {
    double weight(int position, int length);
  }

  /**
   * Credits each path's conversions and value to its first channel.
   *
   * @param paths the paths
   * @return the attribution, model {@code first}
   * @throws NullPointerException if {@code paths} or a path is null
   */
  public static Attribution firstTouch(Collection<ConversionPath> paths) {
    return heuristic("first", paths, (i, n) -> i == 0 ? 1 : 0);
  }

  /**
   * Credits each path's conversions and value to its last channel.
   *
   * @param paths the paths
   * @return the attribution, model {@code last}
   * @throws NullPointerException if {@code paths} or a path is null
   */
  public static Attribution lastTouch(Collection<ConversionPath> paths) {
    return heuristic("last", paths, (i, n) -> i == n - 1 ? 1 : 0);
  }

  /**
   * Credits each path's conversions and value in equal shares to its touches (a channel met twice
   * gets two shares).
   *
   * @param paths the paths
   * @return the attribution, model {@code linear}
   * @throws NullPointerException if {@code paths} or a path is null
   */
  public static Attribution linear(Collection<ConversionPath> paths) {
    return heuristic("linear", paths, (i, n) -> 1.0 / n);
  }

  /**
   * The position-based model with the default shares, 40% first and 40% last.
   *
   * @param paths the paths
   * @return the attribution, model {@code position}
   * @throws NullPointerException if {@code paths} or a path is null
   */
  public static Attribution positionBased(Collection<ConversionPath> paths) {
    return positionBased(paths, DEFAULT_FIRST_SHARE, DEFAULT_LAST_SHARE);
  }

  /**
   * Credits each path's first touch with {@code first}, its last with {@code last}, and the touches
   * between with equal parts of the rest. A one-touch path gives it everything; a two-touch path
   * splits in the ratio first : last (equally when both are 0).
   *
   * @param paths the paths
   * @param first the first touch's share, in [0, 1]
   * @param last the last touch's share, in [0, 1], with {@code first + last <= 1}
   * @return the attribution, model {@code position}
   * @throws IllegalArgumentException if the shares are out of range
   * @throws NullPointerException if {@code paths} or a path is null
   */
  public static Attribution positionBased(Collection<ConversionPath> paths, double first, double last) {
    if (!(first >= 0 && first <= 1) || !(last >= 0 && last <= 1) || !(first + last <= 1 + 1e-12)) {
      throw new IllegalArgumentException("position-based shares must be in [0, 1] with first + last <= 1 but were "
          + first + " and " + last);
    }
    return heuristic("position", paths, (i, n) -> {
      if (n == 1) {
        return 1;
      }
      if (n == 2) {
        double sum = first + last;
        return sum == 0 ? 0.5 : (i == 0 ? first : last) / sum;
      }
      return i == 0 ? first : i == n - 1 ? last : (1 - first - last) / (n - 2);
    });
  }

  private static Attribution heuristic(String model, Collection<ConversionPath> paths, Weights weights) {
    List<ConversionPath> list = copy(paths);
    Map<String, double[]> credit = channels(list);
    double conversions = 0;
    double value = 0;
    for (ConversionPath p : list) {
      conversions += p.conversions();
      value += p.value();
      int n = p.channels().size();
      for (int i = 0; i < n; i++) {
        double w = weights.weight(i, n);
        if (w != 0) {
          double[] c = credit.get(p.channels().get(i));
          c[0] += w * p.conversions();
          c[1] += w * p.value();
        }
      }
    }
    Map<String, Credit> out = new LinkedHashMap<>();
    credit.forEach((k, v) -> out.put(k, new Credit(v[0], v[1])));
    return new Attribution(model, 0, conversions, value, out, Map.of(), Map.of(), Map.of(), Map.of());
  }

  /**
   * The Markov chain model of order {@code order}, with the removal effects of the {@value
   * #DEFAULT_SEQUENCES} most frequent channel sequences when the order is 2 or more: {@link
   * #markov(Collection, int, int) markov(paths, order, DEFAULT_SEQUENCES)}.
   *
   * @param paths the paths
   * @param order the chain's order, 1 to 4
   * @return the attribution, model {@code markov}, with removal effects
   * @throws IllegalArgumentException if the order is out of range
   * @throws ArithmeticException if the iterative solution does not converge (not seen on any
   *     chain built from paths, where every state can reach absorption)
   * @throws NullPointerException if {@code paths} or a path is null
   */
  public static Attribution markov(Collection<ConversionPath> paths, int order) {
    return markov(paths, order, DEFAULT_SEQUENCES);
  }

  /**
   * The Markov chain model of order {@code order} (Anderl, Becker, von Wangenheim &amp; Schumann
   * 2016, "Mapping the customer journey: lessons learned from graph-based online attribution
   * modeling", IJRM 33(3)).
   *
   * <p>The chain's states are the last {@code order} channels of a journey (fewer at its start),
   * with a start state and two absorbing states, conversion and null. Each path adds its journeys'
   * count (conversions + nulls) to each of its transitions, its conversions to the last state's
   * transition to conversion, and its nulls to the one to null; transition probabilities are the
   * counts normalised per state. P, the probability of absorption in conversion from the start,
   * solves (I − Q) x = r exactly (Gaussian elimination with partial pivoting up to 600 states,
   * Gauss–Seidel to convergence at double precision above). A channel's <b>removal effect</b> is
   * 1 − P<sub>−c</sub>/P, where P<sub>−c</sub> is P with every state that contains the channel
   * sending its journeys to null. Each channel is credited the total conversions times its removal
   * effect over the sum of all channels' removal effects.
   *
   * <p>Value: the chain also carries the expected conversion value, with reward V<sub>s</sub> /
   * W<sub>s</sub> at each state s (the value of the conversions leaving s over the journeys leaving
   * it), so that its solution from the start is the expected value per journey. Value removal
   * effects and credits follow as for conversions.
   *
   * <p>Sequences: when the order k is 2 or more, a state holds the last k channels, so a journey
   * meets a sequence of 2 to k channels in a row exactly when it passes a state containing it. The
   * sequence's removal effect is 1 − P<sub>−q</sub>/P with every such state sending its journeys to
   * null: the conversions lost if that succession of contacts never happened. It is computed for
   * the {@code sequences} sequences met by the most journeys (ties by text), each with one more
   * solution of the chain.
   *
   * @param paths the paths
   * @param order the chain's order, 1 to 4
   * @param sequences how many channel sequences to report removal effects for, {@code >= 0}; none
   *     at order 1
   * @return the attribution, model {@code markov}, with removal effects
   * @throws IllegalArgumentException if the order is out of range or {@code sequences} is negative
   * @throws ArithmeticException if the iterative solution does not converge (not seen on any
   *     chain built from paths, where every state can reach absorption)
   * @throws NullPointerException if {@code paths} or a path is null
   */
  public static Attribution markov(Collection<ConversionPath> paths, int order, int sequences) {
    return markovSolvedBy(paths, order, sequences, DENSE_LIMIT);
  }

  /** {@link #markov(Collection, int, int)}, solving by elimination up to {@code denseLimit} states. */
  static Attribution markovSolvedBy(Collection<ConversionPath> paths, int order, int sequences, int denseLimit) {
    if (order < 1 || order > MAX_ORDER) {
      throw new IllegalArgumentException("the Markov order must be 1 to " + MAX_ORDER + " but was " + order);
    }
    if (sequences < 0) {
      throw new IllegalArgumentException("the number of sequences must be >= 0 but was " + sequences);
    }
    List<ConversionPath> list = copy(paths);
    Map<String, double[]> credit = channels(list);
    List<String> names = new ArrayList<>(credit.keySet());
    Map<String, Integer> channelIndex = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      channelIndex.put(names.get(i), i);
    }
    Chain chain = new Chain(denseLimit);
    Map<List<Integer>, Double> met = new HashMap<>();
    double conversions = 0;
    double value = 0;
    for (ConversionPath p : list) {
      conversions += p.conversions();
      value += p.value();
      double journeys = p.conversions() + p.nulls();
      int[] history = new int[p.channels().size()];
      int previous = Chain.START;
      for (int j = 0; j < history.length; j++) {
        history[j] = channelIndex.get(p.channels().get(j));
        int from = Math.max(0, j + 1 - order);
        int state = chain.state(Arrays.copyOfRange(history, from, j + 1));
        chain.add(previous, state, journeys);
        previous = state;
      }
      chain.absorb(previous, p.conversions(), p.value(), p.nulls());
      if (order > 1 && sequences > 0) {
        Set<List<Integer>> here = new HashSet<>();
        for (int j = 0; j < history.length; j++) {
          for (int length = 2; length <= order && j + length <= history.length; length++) {
            here.add(boxed(Arrays.copyOfRange(history, j, j + length)));
          }
        }
        for (List<Integer> q : here) {
          met.merge(q, journeys, Double::sum);
        }
      }
    }
    Map<String, Double> effects = new LinkedHashMap<>();
    Map<String, Double> valueEffects = new LinkedHashMap<>();
    double[] base = chain.solve(chain.without(t -> false));
    double sumEffects = 0;
    double sumValueEffects = 0;
    double[] effect = new double[names.size()];
    double[] valueEffect = new double[names.size()];
    for (int c = 0; c < names.size(); c++) {
      int removed = c;
      double[] without = chain.solve(chain.without(t -> indexOf(t, new int[] {removed}) >= 0));
      effect[c] = removalEffect(base[0], without[0]);
      valueEffect[c] = removalEffect(base[1], without[1]);
      sumEffects += effect[c];
      sumValueEffects += valueEffect[c];
    }
    Map<String, Credit> out = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      double credited = sumEffects > 0 ? conversions * effect[c] / sumEffects : 0;
      double creditedValue = sumValueEffects > 0 ? value * valueEffect[c] / sumValueEffects : 0;
      out.put(names.get(c), new Credit(credited, creditedValue));
      effects.put(names.get(c), effect[c]);
      valueEffects.put(names.get(c), valueEffect[c]);
    }
    Map<String, Double> sequenceEffects = new LinkedHashMap<>();
    List<Map.Entry<List<Integer>, Double>> ranked = new ArrayList<>(met.entrySet());
    ranked.sort(Comparator.<Map.Entry<List<Integer>, Double>>comparingDouble(Map.Entry::getValue).reversed()
        .thenComparing(e -> text(e.getKey(), names)));
    for (Map.Entry<List<Integer>, Double> e : ranked.subList(0, Math.min(sequences, ranked.size()))) {
      int[] q = e.getKey().stream().mapToInt(Integer::intValue).toArray();
      double[] without = chain.solve(chain.without(t -> indexOf(t, q) >= 0));
      sequenceEffects.put(text(e.getKey(), names), removalEffect(base[0], without[0]));
    }
    return new Attribution("markov", order, conversions, value, out, effects, valueEffects, sequenceEffects,
        Map.of());
  }

  /** 1 − without/base; in exact arithmetic without ≤ base, so a difference below 0 is rounding and 0. */
  private static double removalEffect(double base, double without) {
    return base > 0 ? Math.max(0, (base - without) / base) : 0;
  }

  private static List<Integer> boxed(int[] values) {
    List<Integer> out = new ArrayList<>(values.length);
    for (int v : values) {
      out.add(v);
    }
    return out;
  }

  private static String text(List<Integer> sequence, List<String> names) {
    StringBuilder b = new StringBuilder();
    for (int c : sequence) {
      if (b.length() > 0) {
        b.append(ConversionPath.SEPARATOR);
      }
      b.append(names.get(c));
    }
    return b.toString();
  }

  /** Where {@code part} first occurs in {@code whole} as a contiguous run, or −1. */
  static int indexOf(int[] whole, int[] part) {
    outer:
    for (int i = 0; i + part.length <= whole.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (whole[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * Shapley values of the conversion-rate game: exact up to {@value #MAX_EXACT_CHANNELS} channels,
   * and above that estimated from {@value #DEFAULT_SAMPLES} random orders with seed {@value
   * #DEFAULT_SEED} and error bounds (see {@link #shapleySampled}).
   *
   * <p><b>The game.</b> The players are the channels. The worth v(S) of a coalition S is the
   * conversion rate of the journeys whose channels all lie in S: the conversions over the journeys
   * (conversions + nulls) of the paths using no channel outside S, and 0 when there are none. So a
   * channel's marginal contribution is how much adding it to a set of channels raises the rate
   * at which journeys convert. A channel is credited its Shapley value times the number of
   * journeys; since the values add up to v(all channels), the credits add up to the conversions.
   * Value is credited the same way with v(S) the conversion value per journey.
   *
   * <p>Why a rate: with v(S) = the conversions of the journeys within S (the game of Zhao,
   * Mahboobi &amp; Bagheri 2018, "Shapley value methods for attribution modeling in online
   * advertising", arXiv:1804.05327), the game is a sum of unanimity games and every path's
   * conversions are split equally among its distinct channels, whatever the other paths; that is
   * {@link #linear} over distinct channels. The rate compares journeys with and without a channel,
   * so a channel earns what it adds to the chance of converting. A channel whose journeys convert
   * less often than those without it gets a <b>negative</b> credit; it is reported as it is.
   *
   * <p>Exact values enumerate the 2<sup>n</sup> coalitions: O(n 2<sup>n</sup>) time and O(2<sup>n</sup>)
   * memory after one pass over the paths.
   *
   * @param paths the paths
   * @return the attribution, model {@code shapley}; with error bounds above {@value
   *     #MAX_EXACT_CHANNELS} channels
   * @throws NullPointerException if {@code paths} or a path is null
   */
  public static Attribution shapley(Collection<ConversionPath> paths) {
    return shapley(paths, false);
  }

  /**
   * The order-aware Shapley value: a random-order value (Weber 1988, "Probabilistic values for
   * games", in <i>The Shapley Value</i>, Cambridge) of the game of {@link #shapley(Collection)}
   * whose orders are the ones customers took rather than all orders equally. A journey is drawn in
   * proportion to the journeys on its path; its channels join in the order of their first touch,
   * and the channels it never met join afterwards in uniformly random order. Each channel earns its
   * expected marginal contribution: a channel met first is credited the rate its journeys reach on
   * their own, a channel met later what it adds to the channels before it. The credits still add
   * up to the totals. Exact up to {@value #MAX_EXACT_CHANNELS} channels (O(n 3<sup>n</sup>) at
   * worst), sampled above with error bounds as {@link #shapleySampled} says.
   *
   * @param paths the paths
   * @return the attribution, model {@code shapley-ordered}
   * @throws NullPointerException if {@code paths} or a path is null
   */
  public static Attribution shapleyOrdered(Collection<ConversionPath> paths) {
    return shapley(paths, true);
  }

  private static Attribution shapley(Collection<ConversionPath> paths, boolean ordered) {
    List<ConversionPath> list = copy(paths);
    List<String> names = new ArrayList<>(channels(list).keySet());
    Shapley game = new Shapley(list, names);
    return names.size() <= MAX_EXACT_CHANNELS ? game.exact(ordered) : game.sampled(ordered, DEFAULT_SAMPLES,
        DEFAULT_SEED);
  }

  /**
   * Estimates the Shapley values of {@link #shapley(Collection)} (or, when {@code ordered}, of
   * {@link #shapleyOrdered}) from {@code samples} random orders of the channels drawn with a seeded
   * generator, at any number of channels (Castro, Gómez &amp; Tejada 2009, "Polynomial calculation
   * of the Shapley value based on sampling", Computers &amp; OR 36(5)). One order costs O(n + the
   * channels of the distinct channel sets). The estimates add up to the totals, as the exact values
   * do; the same paths, samples and seed give bit-identical results.
   *
   * <p>Each channel's error bound is the empirical Bernstein bound (Maurer &amp; Pontil 2009,
   * "Empirical Bernstein bounds and sample variance penalization", COLT, Theorem 4) of its mean
   * marginal contribution, which lies in a range of width 2 (rates; for value, twice the largest
   * value per journey of a channel set), at confidence 1 − 0.05/n on each side, so that all
   * channels lie within their bounds at once with probability at least 95%; times the journeys.
   *
   * @param paths the paths
   * @param ordered whether to estimate the order-aware value
   * @param samples how many random orders, {@code >= 2}
   * @param seed the generator's seed
   * @return the attribution, model {@code shapley} or {@code shapley-ordered}, with error bounds
   * @throws IllegalArgumentException if {@code samples < 2}
   * @throws NullPointerException if {@code paths} or a path is null
   */
  public static Attribution shapleySampled(Collection<ConversionPath> paths, boolean ordered, int samples,
      long seed) {
    if (samples < 2) {
      throw new IllegalArgumentException("Shapley sampling needs at least 2 samples but was given " + samples);
    }
    List<ConversionPath> list = copy(paths);
    return new Shapley(list, new ArrayList<>(channels(list).keySet())).sampled(ordered, samples, seed);
  }

  /**
   * Aggregates journeys into conversion paths: a journey that ended is a path of its touchpoints'
   * channels (codes, in the journey's order); {@code completed} journeys are conversions, with the
   * value of their touchpoints (their purchases), the others nulls. Journeys in progress have no
   * outcome yet, and journeys without touchpoints no channel to credit: neither is a path. Equal
   * channel sequences are merged; the paths are in ascending order of their text.
   *
   * @param journeys the journeys with their touchpoints
   * @return the paths
   * @throws NullPointerException if {@code journeys} or a journey is null
   */
  public static List<ConversionPath> paths(Collection<JourneyPath> journeys) {
    Map<List<String>, double[]> merged = new HashMap<>();
    for (JourneyPath p : ended(journeys)) {
      List<String> channels = new ArrayList<>();
      for (Touchpoint t : p.touchpoints()) {
        channels.add(t.channel().code());
      }
      double[] totals = merged.computeIfAbsent(channels, k -> new double[3]);
      if (p.journey().outcome() == JourneyOutcome.COMPLETED) {
        totals[0] += 1;
        totals[1] += value(p);
      } else {
        totals[2] += 1;
      }
    }
    List<ConversionPath> out = new ArrayList<>();
    merged.forEach((channels, t) -> out.add(new ConversionPath(channels, t[0], t[1], t[2])));
    out.sort(Comparator.comparing(ConversionPath::text));
    return List.copyOf(out);
  }

  /**
   * Time-decay with the default half-life of 7 days: {@link #timeDecay(Collection, Duration)}.
   *
   * @param journeys the journeys with their touchpoints
   * @return the attribution, model {@code time-decay}
   * @throws NullPointerException if {@code journeys} or a journey is null
   */
  public static Attribution timeDecay(Collection<JourneyPath> journeys) {
    return timeDecay(journeys, DEFAULT_HALF_LIFE);
  }

  /**
   * Credits each completed journey's conversion, and its value, to its touchpoints in proportion
   * to 2<sup>−Δ/h</sup>, where Δ is the time from the touchpoint to the journey's end (the
   * conversion) and h the half-life: a touch a half-life before the conversion counts half as much
   * as one at it. Journeys that ended otherwise count towards no credit; journeys in progress or
   * without touchpoints are left out, as in {@link #paths}. The weights are computed relative to
   * the latest touch, so no weight underflows to zero together.
   *
   * @param journeys the journeys with their touchpoints
   * @param halfLife the half-life, positive
   * @return the attribution, model {@code time-decay}
   * @throws IllegalArgumentException if the half-life is not positive
   * @throws NullPointerException if an argument or journey is null
   */
  public static Attribution timeDecay(Collection<JourneyPath> journeys, Duration halfLife) {
    requireNonNull(halfLife, "halfLife");
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("the half-life must be positive but was " + halfLife);
    }
    double h = seconds(halfLife);
    TreeSet<String> names = new TreeSet<>();
    List<JourneyPath> completed = new ArrayList<>();
    for (JourneyPath p : ended(journeys)) {
      for (Touchpoint t : p.touchpoints()) {
        names.add(t.channel().code());
      }
      if (p.journey().outcome() == JourneyOutcome.COMPLETED) {
        completed.add(p);
      }
    }
    Map<String, double[]> credit = new LinkedHashMap<>();
    for (String n : names) {
      credit.put(n, new double[2]);
    }
    double conversions = 0;
    double value = 0;
    for (JourneyPath p : completed) {
      List<Touchpoint> ts = p.touchpoints();
      Instant last = ts.get(ts.size() - 1).at();
      double[] w = new double[ts.size()];
      double sum = 0;
      for (int i = 0; i < ts.size(); i++) {
        w[i] = Math.pow(2, -seconds(Duration.between(ts.get(i).at(), last)) / h);
        sum += w[i];
      }
      double journeyValue = value(p);
      conversions += 1;
      value += journeyValue;
      for (int i = 0; i < ts.size(); i++) {
        double[] c = credit.get(ts.get(i).channel().code());
        c[0] += w[i] / sum;
        c[1] += journeyValue * w[i] / sum;
      }
    }
    Map<String, Credit> out = new LinkedHashMap<>();
    credit.forEach((k, v) -> out.put(k, new Credit(v[0], v[1])));
    return new Attribution("time-decay", 0, conversions, value, out, Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** The journeys that make paths: ended, with touchpoints; each checked non-null. */
  private static List<JourneyPath> ended(Collection<JourneyPath> journeys) {
    List<JourneyPath> out = new ArrayList<>();
    for (JourneyPath p : requireNonNull(journeys, "journeys")) {
      if (requireNonNull(p, "journey").journey().outcome() != JourneyOutcome.IN_PROGRESS && !p.touchpoints().isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** A journey's conversion value: the values its touchpoints carry (its purchases). */
  private static double value(JourneyPath p) {
    double value = 0;
    for (Touchpoint t : p.touchpoints()) {
      value += t.valueOr(0);
    }
    return value;
  }

  private static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }

  private static List<ConversionPath> copy(Collection<ConversionPath> paths) {
    List<ConversionPath> list = new ArrayList<>(requireNonNull(paths, "paths"));
    for (ConversionPath p : list) {
      requireNonNull(p, "path");
    }
    return list;
  }

  /** Every channel on a path, in ascending order, each with a zero credit (conversions, value). */
  private static Map<String, double[]> channels(List<ConversionPath> paths) {
    TreeSet<String> names = new TreeSet<>();
    for (ConversionPath p : paths) {
      names.addAll(p.channels());
    }
    Map<String, double[]> credit = new LinkedHashMap<>();
    for (String n : names) {
      credit.put(n, new double[2]);
    }
    return credit;
  }

  /** The absorbing chain of {@link #markov}: transient states with weighted transitions. */
  private static final class Chain {
    static final int START = 0;
    private final Map<List<Integer>, Integer> index = new HashMap<>();
    private final List<int[]> tuples = new ArrayList<>();
    private final List<Map<Integer, Double>> out = new ArrayList<>();
    private double[] converted = new double[16];
    private double[] valued = new double[16];
    private double[] lost = new double[16];
    private final int denseLimit;

    Chain(int denseLimit) {
      this.denseLimit = denseLimit;
      tuples.add(new int[0]);
      out.add(new LinkedHashMap<>());
    }

    int state(int[] tuple) {
      List<Integer> key = new ArrayList<>(tuple.length);
      for (int c : tuple) {
        key.add(c);
      }
      Integer i = index.get(key);
      if (i == null) {
        i = tuples.size();
        index.put(key, i);
        tuples.add(tuple);
        out.add(new LinkedHashMap<>());
        if (i >= converted.length) {
          converted = Arrays.copyOf(converted, converted.length * 2);
          valued = Arrays.copyOf(valued, valued.length * 2);
          lost = Arrays.copyOf(lost, lost.length * 2);
        }
      }
      return i;
    }

    void add(int from, int to, double weight) {
      out.get(from).merge(to, weight, Double::sum);
    }

    void absorb(int state, double conversions, double value, double nulls) {
      converted[state] += conversions;
      valued[state] += value;
      lost[state] += nulls;
    }

    /** Which states' channel tuples match (the start never does). */
    boolean[] without(Predicate<int[]> removed) {
      boolean[] gone = new boolean[tuples.size()];
      for (int s = 1; s < gone.length; s++) {
        gone[s] = removed.test(tuples.get(s));
      }
      return gone;
    }

    /**
     * The probability of conversion and the expected value, per journey from the start, with the
     * states marked {@code gone} sending their journeys to null.
     */
    double[] solve(boolean[] gone) {
      int n = tuples.size();
      // Rows of x = Q x + r: x_s = Σ p_st x_t + r_s, with r for conversion and for value.
      int[][] targets = new int[n][];
      double[][] probabilities = new double[n][];
      double[] rConversion = new double[n];
      double[] rValue = new double[n];
      for (int s = 0; s < n; s++) {
        Map<Integer, Double> o = out.get(s);
        double total = converted[s] + lost[s];
        for (double w : o.values()) {
          total += w;
        }
        targets[s] = new int[o.size()];
        probabilities[s] = new double[o.size()];
        int k = 0;
        for (Map.Entry<Integer, Double> e : o.entrySet()) {
          targets[s][k] = e.getKey();
          probabilities[s][k++] = total > 0 ? e.getValue() / total : 0;
        }
        if (total > 0 && !gone[s]) {
          rConversion[s] = converted[s] / total;
          rValue[s] = valued[s] / total;
        }
      }
      return n <= denseLimit ? dense(n, gone, targets, probabilities, rConversion, rValue)
          : iterative(n, gone, targets, probabilities, rConversion, rValue);
    }

    private static double[] dense(int n, boolean[] gone, int[][] targets, double[][] probabilities,
        double[] rConversion, double[] rValue) {
      double[][] a = new double[n][n + 2];
      for (int s = 0; s < n; s++) {
        a[s][s] = 1;
        if (!gone[s]) {
          for (int k = 0; k < targets[s].length; k++) {
            a[s][targets[s][k]] -= probabilities[s][k];
          }
          a[s][n] = rConversion[s];
          a[s][n + 1] = rValue[s];
        }
      }
      for (int col = 0; col < n; col++) {
        int pivot = col;
        for (int row = col + 1; row < n; row++) {
          if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
            pivot = row;
          }
        }
        double[] t = a[col];
        a[col] = a[pivot];
        a[pivot] = t;
        double d = a[col][col];
        for (int row = col + 1; row < n; row++) {
          double f = a[row][col] / d;
          if (f != 0) {
            for (int j = col; j < n + 2; j++) {
              a[row][j] -= f * a[col][j];
            }
          }
        }
      }
      double[] x = new double[n];
      double[] v = new double[n];
      for (int row = n - 1; row >= 0; row--) {
        double sx = a[row][n];
        double sv = a[row][n + 1];
        for (int j = row + 1; j < n; j++) {
          sx -= a[row][j] * x[j];
          sv -= a[row][j] * v[j];
        }
        x[row] = sx / a[row][row];
        v[row] = sv / a[row][row];
      }
      return new double[] {x[START], v[START]};
    }

    private static double[] iterative(int n, boolean[] gone, int[][] targets, double[][] probabilities,
        double[] rConversion, double[] rValue) {
      double[] x = new double[n];
      double[] v = new double[n];
      for (int sweep = 0; sweep < 1_000_000; sweep++) {
        double changeX = 0;
        double changeV = 0;
        double sizeX = 0;
        double sizeV = 0;
        // Backwards: most transitions go from a state to one created after it.
        for (int s = n - 1; s >= 0; s--) {
          if (gone[s]) {
            continue;
          }
          double nx = rConversion[s];
          double nv = rValue[s];
          for (int k = 0; k < targets[s].length; k++) {
            nx += probabilities[s][k] * x[targets[s][k]];
            nv += probabilities[s][k] * v[targets[s][k]];
          }
          changeX = Math.max(changeX, Math.abs(nx - x[s]));
          changeV = Math.max(changeV, Math.abs(nv - v[s]));
          sizeX = Math.max(sizeX, nx);
          sizeV = Math.max(sizeV, nv);
          x[s] = nx;
          v[s] = nv;
        }
        if (changeX <= 1e-15 * sizeX && changeV <= 1e-15 * sizeV) {
          return new double[] {x[START], v[START]};
        }
      }
      throw new ArithmeticException("Markov attribution: the absorption probabilities of " + n
          + " states did not converge in 1,000,000 sweeps");
    }
  }
}

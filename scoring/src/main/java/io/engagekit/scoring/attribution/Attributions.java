package io.engagekit.scoring.attribution;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.ConversionPath;
import io.engagekit.core.JourneyPath;
import io.engagekit.scoring.attribution.Attribution.Credit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
  /**
   * The most random orders a sampled Shapley estimate takes: 10,000,000. Each costs a pass over the
   * paths; the error bounds shrink with the square root of the samples, so more buys little.
   */
  public static final int MAX_SHAPLEY_SAMPLES = 10_000_000;
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
    return MarkovChain.attribute(copy(paths), order, sequences, denseLimit);
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
   * @param samples how many random orders, in {@code [2, MAX_SHAPLEY_SAMPLES]}
   * @param seed the generator's seed
   * @return the attribution, model {@code shapley} or {@code shapley-ordered}, with error bounds
   * @throws IllegalArgumentException if {@code samples} is out of range
   * @throws NullPointerException if {@code paths} or a path is null
   */
  public static Attribution shapleySampled(Collection<ConversionPath> paths, boolean ordered, int samples,
      long seed) {
    if (samples < 2 || samples > MAX_SHAPLEY_SAMPLES) {
      throw new IllegalArgumentException("Shapley sampling needs 2 to " + MAX_SHAPLEY_SAMPLES
          + " samples but was given " + samples);
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
    return JourneyCredits.paths(journeys);
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
    return JourneyCredits.timeDecay(journeys, halfLife);
  }





  private static List<ConversionPath> copy(Collection<ConversionPath> paths) {
    List<ConversionPath> list = new ArrayList<>(requireNonNull(paths, "paths"));
    for (ConversionPath p : list) {
      requireNonNull(p, "path");
    }
    return list;
  }

  /** Every channel on a path, in ascending order, each with a zero credit (conversions, value). */
  static Map<String, double[]> channels(List<ConversionPath> paths) {
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
}

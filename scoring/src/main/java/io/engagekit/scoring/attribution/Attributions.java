package io.engagekit.scoring.attribution;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.ConversionPath;
import io.engagekit.scoring.attribution.Attribution.Credit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
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
 *       the absorbing chain by linear algebra (no simulation).
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
    return new Attribution(model, 0, conversions, value, out, Map.of(), Map.of());
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
   * @param paths the paths
   * @param order the chain's order, 1 to 4
   * @return the attribution, model {@code markov}, with removal effects
   * @throws IllegalArgumentException if the order is out of range
   * @throws ArithmeticException if the iterative solution does not converge (not seen on any
   *     chain built from paths, where every state can reach absorption)
   * @throws NullPointerException if {@code paths} or a path is null
   */
  public static Attribution markov(Collection<ConversionPath> paths, int order) {
    return markov(paths, order, DENSE_LIMIT);
  }

  /** {@link #markov(Collection, int)}, solving by elimination up to {@code denseLimit} states. */
  static Attribution markov(Collection<ConversionPath> paths, int order, int denseLimit) {
    if (order < 1 || order > MAX_ORDER) {
      throw new IllegalArgumentException("the Markov order must be 1 to " + MAX_ORDER + " but was " + order);
    }
    List<ConversionPath> list = copy(paths);
    Map<String, double[]> credit = channels(list);
    List<String> names = new ArrayList<>(credit.keySet());
    Map<String, Integer> channelIndex = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      channelIndex.put(names.get(i), i);
    }
    Chain chain = new Chain(denseLimit);
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
    }
    Map<String, Double> effects = new LinkedHashMap<>();
    Map<String, Double> valueEffects = new LinkedHashMap<>();
    double[] base = chain.solve(-1);
    double sumEffects = 0;
    double sumValueEffects = 0;
    double[] effect = new double[names.size()];
    double[] valueEffect = new double[names.size()];
    for (int c = 0; c < names.size(); c++) {
      double[] without = chain.solve(c);
      // In exact arithmetic P−c ≤ P; a difference below 0 is rounding, so it is 0.
      effect[c] = base[0] > 0 ? Math.max(0, (base[0] - without[0]) / base[0]) : 0;
      valueEffect[c] = base[1] > 0 ? Math.max(0, (base[1] - without[1]) / base[1]) : 0;
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
    return new Attribution("markov", order, conversions, value, out, effects, valueEffects);
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

    /**
     * The probability of conversion and the expected value, per journey from the start, with the
     * states containing channel {@code removed} (none when −1) sending their journeys to null.
     */
    double[] solve(int removed) {
      int n = tuples.size();
      boolean[] gone = new boolean[n];
      for (int s = 1; s < n; s++) {
        for (int c : tuples.get(s)) {
          gone[s] |= c == removed;
        }
      }
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

package io.engagekit.scoring.attribution;

import io.engagekit.core.ConversionPath;
import io.engagekit.scoring.attribution.Attribution.Credit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The absorbing Markov chain of {@link Attributions#markov(java.util.Collection, int, int)}: states
 * are the last {@code order} channels of a journey, with weighted transitions between them and into
 * conversion or null; a channel's removal effect is the fall in the probability of conversion (and
 * the expected value) when journeys reaching a state with that channel go to null instead. Solved
 * by Gaussian elimination with partial pivoting up to a size, by Gauss-Seidel sweeps above it.
 * Not thread-safe: one per attribution.
 */
final class MarkovChain {
  static final int START = 0;
  private final Map<List<Integer>, Integer> index = new HashMap<>();
  private final List<int[]> tuples = new ArrayList<>();
  private final List<Map<Integer, Double>> out = new ArrayList<>();
  private double[] converted = new double[16];
  private double[] valued = new double[16];
  private double[] lost = new double[16];
  private final int denseLimit;

  MarkovChain(int denseLimit) {
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

  /** Markov attribution of copied, checked paths, solving by elimination up to {@code denseLimit} states. */
  static Attribution attribute(List<ConversionPath> paths, int order, int sequences, int denseLimit) {
    List<ConversionPath> list = paths;
    Map<String, double[]> credit = Attributions.channels(list);
    List<String> names = new ArrayList<>(credit.keySet());
    Map<String, Integer> channelIndex = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      channelIndex.put(names.get(i), i);
    }
    MarkovChain chain = new MarkovChain(denseLimit);
    Map<List<Integer>, Double> met = new HashMap<>();
    double conversions = 0;
    double value = 0;
    for (ConversionPath p : list) {
      conversions += p.conversions();
      value += p.value();
      double journeys = p.conversions() + p.nulls();
      int[] history = new int[p.channels().size()];
      int previous = START;
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

}

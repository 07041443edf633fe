package io.engagekit.scoring.attribution;

import io.engagekit.core.ConversionPath;
import io.engagekit.scoring.attribution.Attribution.Credit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Shapley values of the conversion-rate game over channels, exact or sampled; see {@link
 * Attributions#shapley(java.util.Collection)}. Not thread-safe; one instance per computation.
 */
final class Shapley {
  /** The confidence of the sampled estimates' error bounds, for all channels at once. */
  static final double CONFIDENCE = 0.95;

  private final List<String> names;
  private final int n;
  /** Each distinct channel set met: its channels, and the conversions, value and journeys of its paths. */
  private final List<int[]> sets = new ArrayList<>();
  private final List<double[]> setTotals = new ArrayList<>();
  /** Each distinct order of first touches met, and its journeys. */
  private final List<int[]> orders = new ArrayList<>();
  private final List<Double> orderJourneys = new ArrayList<>();
  private final double conversions;
  private final double value;
  private final double journeys;

  Shapley(List<ConversionPath> paths, List<String> names) {
    this.names = names;
    this.n = names.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(names.get(i), i);
    }
    Map<List<Integer>, Integer> setIndex = new HashMap<>();
    Map<List<Integer>, Integer> orderIndex = new HashMap<>();
    double c = 0;
    double v = 0;
    double w = 0;
    for (ConversionPath p : paths) {
      double weight = p.conversions() + p.nulls();
      c += p.conversions();
      v += p.value();
      w += weight;
      if (weight == 0) {
        continue; // no journeys: nothing to attribute (its value is 0 too)
      }
      boolean[] seen = new boolean[n];
      List<Integer> order = new ArrayList<>();
      for (String channel : p.channels()) {
        int i = index.get(channel);
        if (!seen[i]) {
          seen[i] = true;
          order.add(i);
        }
      }
      List<Integer> set = new ArrayList<>(order);
      set.sort(null);
      Integer s = setIndex.computeIfAbsent(set, k -> {
        sets.add(k.stream().mapToInt(Integer::intValue).toArray());
        setTotals.add(new double[3]);
        return sets.size() - 1;
      });
      double[] t = setTotals.get(s);
      t[0] += p.conversions();
      t[1] += p.value();
      t[2] += weight;
      Integer o = orderIndex.computeIfAbsent(order, k -> {
        orders.add(k.stream().mapToInt(Integer::intValue).toArray());
        orderJourneys.add(0.0);
        return orders.size() - 1;
      });
      orderJourneys.set(o, orderJourneys.get(o) + weight);
    }
    this.conversions = c;
    this.value = v;
    this.journeys = w;
  }

  /** The exact values, by enumerating every coalition; {@code n <= 30}, in practice 15. */
  Attribution exact(boolean ordered) {
    int size = 1 << n;
    double[] rate = new double[size];
    double[] valueRate = new double[size];
    double[] w = new double[size];
    for (int k = 0; k < sets.size(); k++) {
      int mask = mask(sets.get(k));
      double[] t = setTotals.get(k);
      rate[mask] += t[0];
      valueRate[mask] += t[1];
      w[mask] += t[2];
    }
    // Sums over subsets (the zeta transform): the journeys whose channels all lie in each coalition.
    for (int bit = 1; bit < size; bit <<= 1) {
      for (int mask = 0; mask < size; mask++) {
        if ((mask & bit) != 0) {
          rate[mask] += rate[mask ^ bit];
          valueRate[mask] += valueRate[mask ^ bit];
          w[mask] += w[mask ^ bit];
        }
      }
    }
    for (int mask = 0; mask < size; mask++) {
      rate[mask] = w[mask] > 0 ? rate[mask] / w[mask] : 0;
      valueRate[mask] = w[mask] > 0 ? valueRate[mask] / w[mask] : 0;
    }
    double[] phi = new double[n];
    double[] phiValue = new double[n];
    int full = size - 1;
    if (!ordered) {
      residual(full, 0, 1, rate, valueRate, phi, phiValue);
    } else if (journeys > 0) {
      Map<Integer, Double> byPrefix = new LinkedHashMap<>();
      for (int k = 0; k < orders.size(); k++) {
        int[] order = orders.get(k);
        double share = orderJourneys.get(k) / journeys;
        int prefix = 0;
        for (int c : order) {
          int next = prefix | 1 << c;
          phi[c] += share * (rate[next] - rate[prefix]);
          phiValue[c] += share * (valueRate[next] - valueRate[prefix]);
          prefix = next;
        }
        byPrefix.merge(prefix, share, Double::sum);
      }
      for (Map.Entry<Integer, Double> e : byPrefix.entrySet()) {
        residual(full & ~e.getKey(), e.getKey(), e.getValue(), rate, valueRate, phi, phiValue);
      }
    }
    return result(ordered, phi, phiValue, Map.of());
  }

  /**
   * Adds {@code share} times the Shapley values of the players in {@code players} in the game
   * S ↦ v(base ∪ S) − v(base).
   */
  private static void residual(int players, int base, double share, double[] rate, double[] valueRate,
      double[] phi, double[] phiValue) {
    int m = Integer.bitCount(players);
    if (m == 0) {
      return;
    }
    // s!(m − 1 − s)!/m!, by its ratio from s − 1 to s.
    double[] weight = new double[m];
    weight[0] = share / m;
    for (int s = 1; s < m; s++) {
      weight[s] = weight[s - 1] * s / (m - s);
    }
    for (int sub = players; ; sub = (sub - 1) & players) {
      if (sub == players) {
        continue; // no player left to join
      }
      double wt = weight[Integer.bitCount(sub)];
      int coalition = base | sub;
      double r = rate[coalition];
      double rv = valueRate[coalition];
      for (int rest = players & ~sub; rest != 0; rest &= rest - 1) {
        int j = Integer.numberOfTrailingZeros(rest);
        int with = coalition | 1 << j;
        phi[j] += wt * (rate[with] - r);
        phiValue[j] += wt * (valueRate[with] - rv);
      }
      if (sub == 0) {
        break;
      }
    }
  }

  /**
   * Estimates from {@code samples} random orders of the channels (uniform, or for the ordered
   * value a journey's order of first touches drawn by journeys, completed at random), with
   * empirical Bernstein error bounds (Maurer &amp; Pontil 2009, Theorem 4).
   */
  Attribution sampled(boolean ordered, int samples, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] sum = new double[n];
    double[] sumSquares = new double[n];
    double[] sumValue = new double[n];
    double[] sumValueSquares = new double[n];
    double[] cumulative = new double[orders.size()];
    double running = 0;
    for (int k = 0; k < orders.size(); k++) {
      running += orderJourneys.get(k);
      cumulative[k] = running;
    }
    double maxValueRate = 0;
    for (double[] t : setTotals) {
      maxValueRate = Math.max(maxValueRate, t[1] / t[2]);
    }
    int[] permutation = new int[n];
    int[] position = new int[n];
    double[] addedC = new double[n];
    double[] addedV = new double[n];
    double[] addedW = new double[n];
    boolean[] placed = new boolean[n];
    for (int sample = 0; sample < samples && journeys > 0; sample++) {
      int start = 0;
      Arrays.fill(placed, false);
      if (ordered) {
        double u = random.nextDouble() * running;
        int k = Arrays.binarySearch(cumulative, u);
        k = k >= 0 ? k + 1 : -k - 1;
        k = Math.min(k, orders.size() - 1);
        for (int c : orders.get(k)) {
          permutation[start++] = c;
          placed[c] = true;
        }
      }
      int fill = start;
      for (int c = 0; c < n; c++) {
        if (!placed[c]) {
          permutation[fill++] = c;
        }
      }
      for (int i = n - 1; i > start; i--) { // Fisher–Yates over the unplaced tail
        int j = start + random.nextInt(i - start + 1);
        int t = permutation[i];
        permutation[i] = permutation[j];
        permutation[j] = t;
      }
      for (int i = 0; i < n; i++) {
        position[permutation[i]] = i;
      }
      Arrays.fill(addedC, 0);
      Arrays.fill(addedV, 0);
      Arrays.fill(addedW, 0);
      // A channel set joins the coalition when its last channel arrives.
      for (int k = 0; k < sets.size(); k++) {
        int step = 0;
        for (int c : sets.get(k)) {
          step = Math.max(step, position[c]);
        }
        double[] t = setTotals.get(k);
        addedC[step] += t[0];
        addedV[step] += t[1];
        addedW[step] += t[2];
      }
      double c = 0;
      double v = 0;
      double w = 0;
      double previousRate = 0;
      double previousValueRate = 0;
      for (int i = 0; i < n; i++) {
        c += addedC[i];
        v += addedV[i];
        w += addedW[i];
        double r = w > 0 ? c / w : 0;
        double rv = w > 0 ? v / w : 0;
        int player = permutation[i];
        double d = r - previousRate;
        double dv = rv - previousValueRate;
        sum[player] += d;
        sumSquares[player] += d * d;
        sumValue[player] += dv;
        sumValueSquares[player] += dv * dv;
        previousRate = r;
        previousValueRate = rv;
      }
    }
    double[] phi = new double[n];
    double[] phiValue = new double[n];
    Map<String, Credit> bounds = new LinkedHashMap<>();
    double log = Math.log(4.0 * Math.max(n, 1) / (1 - CONFIDENCE));
    for (int j = 0; j < n; j++) {
      phi[j] = journeys > 0 ? sum[j] / samples : 0;
      phiValue[j] = journeys > 0 ? sumValue[j] / samples : 0;
      double bound = bound(sum[j], sumSquares[j], samples, 2, log);
      double valueBound = bound(sumValue[j], sumValueSquares[j], samples, 2 * maxValueRate, log);
      bounds.put(names.get(j), new Credit(journeys * bound, journeys * valueBound));
    }
    return result(ordered, phi, phiValue, bounds);
  }

  /**
   * The empirical Bernstein half-width for a mean of {@code m} values in a range of width {@code
   * range}: sqrt(2 V ln(4n/δ) / m) + 7 range ln(4n/δ) / (3 (m − 1)), V the sample variance; it
   * holds for each channel with probability 1 − δ/n, so for all at once with probability 1 − δ.
   */
  private static double bound(double sum, double sumSquares, int m, double range, double log) {
    double mean = sum / m;
    double variance = Math.max(0, (sumSquares - m * mean * mean) / (m - 1));
    return Math.sqrt(2 * variance * log / m) + 7 * range * log / (3.0 * (m - 1));
  }

  private Attribution result(boolean ordered, double[] phi, double[] phiValue, Map<String, Credit> bounds) {
    Map<String, Credit> out = new LinkedHashMap<>();
    for (int j = 0; j < n; j++) {
      out.put(names.get(j), new Credit(journeys * phi[j], journeys * phiValue[j]));
    }
    return new Attribution(ordered ? "shapley-ordered" : "shapley", 0, conversions, value, out, Map.of(), Map.of(),
        Map.of(), bounds);
  }

  private static int mask(int[] set) {
    int mask = 0;
    for (int c : set) {
      mask |= 1 << c;
    }
    return mask;
  }
}

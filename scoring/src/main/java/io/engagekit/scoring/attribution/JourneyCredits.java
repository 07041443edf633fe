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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Attribution from whole journeys rather than aggregated paths: the paths the journeys make ({@link
 * Attributions#paths}) and time-decay credit within each completed journey ({@link
 * Attributions#timeDecay(Collection, Duration)}). Stateless.
 */
final class JourneyCredits {
  private JourneyCredits() {}

  static List<ConversionPath> paths(Collection<JourneyPath> journeys) {
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
  static Attribution timeDecay(Collection<JourneyPath> journeys, Duration halfLife) {
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
  }}

package io.engagekit.scoring.plans;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.decay.Decay;
import io.engagekit.scoring.decay.DecayedSum;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A strategy read from a scoring plan ({@link Plans}): each rule's points are summed over the
 * touchpoints it matches, decayed by the plan's half-life if it has one, capped per rule; the score
 * is {@code 100 · total / max}, bounded to [0, 100]: the bound is part of the plan's meaning, and the
 * raw total stays visible as the measure {@code points}, each rule's as {@code points.NAME}.
 * Contributions are the rules that fired, by name, in the plan's order: {@code 100 · points / max}
 * each; above the max, each rule's share of the total, {@code 100 · points / total}; below zero,
 * none (the score is 0). Should rounding keep the parts from adding up (rules of opposite sign and
 * enormous size), one contribution {@code points} carries the score. A customer no rule matched has
 * no evidence. The label is the segment of the highest threshold the score reaches, when the plan
 * has segments.
 *
 * <p>The state is one or two decayed sums per rule (matching touchpoints, and their values, in units
 * of 2^32 so that no sum of valid values overflows, when the rule pays per value): fixed size,
 * mergeable, order-independent up to rounding, written to snapshots. Survey answers are ignored. A
 * measure whose points exceed the range of a double is left out.
 */
final class ScoringPlan implements ScoringStrategy<ScoringPlan.State> {
  private final String name;
  private final String description;
  private final Decay decay;
  private final double max;
  private final List<Rule> rules;
  private final TreeMap<Double, String> segments;

  ScoringPlan(String name, String description, Decay decay, double max, List<Rule> rules,
      TreeMap<Double, String> segments) {
    this.name = requireNonNull(name, "name");
    this.description = requireNonNull(description, "description");
    this.decay = requireNonNull(decay, "decay");
    this.max = max;
    this.rules = List.copyOf(rules);
    this.segments = new TreeMap<>(segments);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String family() {
    return "plan";
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public State newState() {
    return new State(this);
  }

  @Override
  public Score score(State state, Instant asOf) {
    requireNonNull(asOf, "asOf");
    Map<String, Double> fired = new LinkedHashMap<>();
    double total = 0;
    for (int i = 0; i < rules.size(); i++) {
      if (state.counts[i].isEmpty()) {
        continue;
      }
      double count = state.counts[i].valueAt(asOf);
      double value = state.values[i] == null ? 0 : state.values[i].valueAt(asOf);
      double points = rules.get(i).scaledOf(count, value);
      fired.put(rules.get(i).name(), points);
      total += points;
    }
    if (fired.isEmpty()) {
      return Score.noEvidence("no touchpoint matches a rule of " + name);
    }
    // In units of 2^32 points: finite for any valid events. A measure that exceeds the range of a
    // double in points is left out, as loyalty.clv leaves out such a value.
    double scaledMax = Math.scalb(max, -32);
    double value = total < 0 ? 0 : total > scaledMax ? 100 : 100 * total / scaledMax;
    double scale = total > scaledMax ? total : scaledMax;
    List<Contribution> parts = new ArrayList<>(fired.size());
    double sum = 0;
    Map<String, Double> measures = new LinkedHashMap<>();
    putPoints(measures, "points", total);
    for (Map.Entry<String, Double> rule : fired.entrySet()) {
      putPoints(measures, "points." + rule.getKey(), rule.getValue());
      if (total >= 0) {
        double part = 100 * rule.getValue() / scale;
        parts.add(new Contribution(rule.getKey(), part));
        sum += part;
      }
    }
    if (!(Math.abs(sum - value) <= Score.TOLERANCE / 2)) {
      parts = List.of(new Contribution("points", value));
    }
    Score score = new Score(value, parts, Optional.empty(), measures);
    Map.Entry<Double, String> segment = segments.floorEntry(value);
    return segment == null ? score : score.withLabel(segment.getValue());
  }

  private static void putPoints(Map<String, Double> measures, String name, double scaled) {
    double points = Math.scalb(scaled, 32);
    if (Math.abs(points) <= Double.MAX_VALUE) {
      measures.put(name, points);
    }
  }

  @Override
  public State readState(DataInput in) throws IOException {
    State s = new State(this);
    for (int i = 0; i < rules.size(); i++) {
      s.counts[i] = DecayedSum.readFrom(decay, in);
      if (s.values[i] != null) {
        s.values[i] = DecayedSum.readFrom(decay, in);
      }
    }
    return s;
  }

  @Override
  public String toString() {
    return name + "[plan, " + rules.size() + " rules, decay " + decay + "]";
  }

  /** Per rule, the decayed count of matching touchpoints and, for rules paid per value, their decayed value. */
  static final class State implements ScoreState<State> {
    private final List<Rule> rules;
    final DecayedSum[] counts;
    final DecayedSum[] values;

    State(ScoringPlan plan) {
      this.rules = plan.rules;
      counts = new DecayedSum[rules.size()];
      values = new DecayedSum[rules.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = plan.decay.newSum();
        values[i] = rules.get(i).perValue() != 0 ? plan.decay.newSum() : null;
      }
    }

    @Override
    public void accept(EngagementEvent event) {
      if (event instanceof Touchpoint t) {
        for (int i = 0; i < counts.length; i++) {
          if (rules.get(i).matches(t)) {
            counts[i].add(t.at(), 1.0);
            if (values[i] != null) {
              values[i].add(t.at(), Math.scalb(t.valueOr(0.0), -32));
            }
          }
        }
      }
    }

    @Override
    public void combine(State other) {
      for (int i = 0; i < counts.length; i++) {
        counts[i].combine(other.counts[i]);
        if (values[i] != null) {
          values[i].combine(other.values[i]);
        }
      }
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      for (int i = 0; i < counts.length; i++) {
        counts[i].writeTo(out);
        if (values[i] != null) {
          values[i].writeTo(out);
        }
      }
    }
  }
}

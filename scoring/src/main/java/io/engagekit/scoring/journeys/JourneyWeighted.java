package io.engagekit.scoring.journeys;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Journey;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.io.EventCodec;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.journeys.JourneyScorer;
import io.engagekit.scoring.journeys.JourneySettings;
import io.engagekit.scoring.journeys.Journeys;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code journey.weighted}: λ · journey score + (1 − λ) · touchpoint score, λ = 0.7 by default.
 *
 * <p>It follows the finding that journeys predict outcomes better than single touchpoints (a
 * customer can have five pleasant contacts and still a frustrating journey), so journey-level
 * signals outweigh touchpoint-level ones; λ is a parameter a researcher varies, and {@link
 * io.engagekit.scoring.evaluation.LambdaSweep} measures which λ predicts best.
 *
 * <p>A customer's touchpoints are assembled into journeys as of the scoring instant by {@link
 * Journeys#assemble} (journey ids, known journeys, else sessions cut by the gap and terminal
 * events) and scored by {@link JourneyScorer#customer}: the mean journey score and the touchpoint
 * score of the same touchpoints. Survey answers are ignored. No touchpoints: {@link Score#noEvidence no evidence}.
 *
 * <p>The state keeps the customer's touchpoints (references to the immutable values), not a
 * fixed-size summary: cutting sessions needs the gaps between consecutive contacts, and a journey's
 * channel switches need their order, neither of which a fixed-size summary can give back after a
 * merge. Memory grows with the customer's touchpoints. Order-independent: the touchpoints are put
 * in one canonical order before assembly, so any arrival order, split and merge give the same
 * score. Snapshots are supported: the state is written as its touchpoints in {@link EventCodec}'s
 * layout, so a host that keeps states (an engine snapshot, Flink keyed state) keeps journeys too.
 */
final class JourneyWeighted implements ScoringStrategy<JourneyWeighted.State> {
  static final double DEFAULT_LAMBDA = 0.7;

  private final double lambda;
  private final JourneyScorer scorer;
  private final Map<String, List<Journey>> known;

  JourneyWeighted(double lambda, JourneySettings settings, Collection<Journey> known) {
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException("the journeys' weight lambda must be in [0, 1] but was " + lambda);
    }
    this.lambda = lambda;
    this.scorer = new JourneyScorer(requireNonNull(settings, "settings"));
    Map<String, List<Journey>> byCustomer = new HashMap<>();
    for (Journey j : requireNonNull(known, "known")) {
      byCustomer.computeIfAbsent(requireNonNull(j, "journey").customer(), c -> new ArrayList<>()).add(j);
    }
    byCustomer.replaceAll((c, list) -> List.copyOf(list));
    this.known = Map.copyOf(byCustomer);
  }

  @Override
  public String name() {
    return "journey.weighted";
  }

  @Override
  public String family() {
    return "journey";
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "%.2f x mean journey score (outcome, duration, channel switches, response"
        + " times, failures, repeat contacts) + %.2f x touchpoint score.", lambda, 1 - lambda);
  }

  @Override
  public State newState() {
    return new State();
  }

  /**
   * Reads the touchpoint count, then each touchpoint in {@link EventCodec} layout {@value
   * EventCodec#VERSION}; all must be touchpoints of one customer.
   */
  @Override
  public State readState(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("invalid journey.weighted state: " + n + " touchpoints");
    }
    State s = new State();
    for (int i = 0; i < n; i++) {
      if (!(EventCodec.read(in, EventCodec.VERSION) instanceof Touchpoint t)) {
        throw new IOException("invalid journey.weighted state: event " + i + " is not a touchpoint");
      }
      if (i > 0 && !t.customer().equals(s.touchpoints.get(0).customer())) {
        throw new IOException("invalid journey.weighted state: touchpoint " + i + " belongs to customer "
            + t.customer() + ", not " + s.touchpoints.get(0).customer());
      }
      s.accept(t);
    }
    return s;
  }

  @Override
  public Score score(State state, Instant asOf) {
    if (state.touchpoints.isEmpty()) {
      return Score.noEvidence("no touchpoints");
    }
    Instant at = asOf.isBefore(state.latest) ? state.latest : asOf;
    List<Journey> mine = known.getOrDefault(state.touchpoints.get(0).customer(), List.of());
    return scorer.customer(Journeys.assemble(state.touchpoints, mine, scorer.settings(), at), lambda);
  }

  /** A customer's touchpoints. */
  static final class State implements ScoreState<State> {
    private final List<Touchpoint> touchpoints = new ArrayList<>();
    private Instant latest = Instant.MIN;

    @Override
    public void accept(EngagementEvent event) {
      if (event instanceof Touchpoint t) {
        touchpoints.add(t);
        if (t.at().isAfter(latest)) {
          latest = t.at();
        }
      }
    }

    @Override
    public void combine(State other) {
      touchpoints.addAll(other.touchpoints);
      if (other.latest.isAfter(latest)) {
        latest = other.latest;
      }
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      out.writeInt(touchpoints.size());
      for (Touchpoint t : touchpoints) {
        EventCodec.write(t, out);
      }
    }
  }
}

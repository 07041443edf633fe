package io.engagekit.scoring;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.time.Instant;
import java.util.List;

/**
 * A user-written strategy, as a third party would write one: registered by the single line in
 * {@code src/test/resources/META-INF/services/io.engagekit.scoring.ScoringStrategy}. Score:
 * {@code 100 · (1 − 2^(−visits / 5))}, so five visits make 50.
 */
public final class VisitCounter implements ScoringStrategy<VisitCounter.Visits> {
  /** Public no-argument constructor, as ServiceLoader requires. */
  public VisitCounter() {}

  @Override
  public String name() {
    return "test.visits";
  }

  @Override
  public String family() {
    return "custom";
  }

  @Override
  public String description() {
    return "Counts visits: five make 50.";
  }

  @Override
  public Visits newState() {
    return new Visits();
  }

  @Override
  public Score score(Visits state, Instant asOf) {
    if (state.count == 0) {
      return Score.noEvidence("no visit");
    }
    double value = 100.0 * (1.0 - Math.pow(2.0, -state.count / 5.0));
    return new Score(value, List.of(new Contribution("visits", value)));
  }

  /** The number of visits. */
  public static final class Visits implements ScoreState<Visits> {
    long count;

    /** An empty count. */
    public Visits() {}

    @Override
    public void accept(EngagementEvent event) {
      if (event instanceof Touchpoint && ((Touchpoint) event).kind() == TouchpointKind.VISIT) {
        count++;
      }
    }

    @Override
    public void combine(Visits other) {
      count += other.count;
    }
  }
}

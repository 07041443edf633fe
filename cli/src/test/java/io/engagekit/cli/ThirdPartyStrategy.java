package io.engagekit.cli;

import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import java.time.Instant;
import java.util.List;

/**
 * A third-party strategy as a user would ship it: a public class with a public no-argument
 * constructor, registered by the one line in {@code META-INF/services/io.engagekit.scoring.ScoringStrategy}
 * of the test resources. Score: 10 points an event, at most 100.
 */
public final class ThirdPartyStrategy implements ScoringStrategy<ThirdPartyStrategy.Events> {
  /** For ServiceLoader. */
  public ThirdPartyStrategy() {}

  @Override
  public String name() {
    return "acme.events";
  }

  @Override
  public String family() {
    return "custom";
  }

  @Override
  public String description() {
    return "Ten points an event, at most 100.";
  }

  @Override
  public Events newState() {
    return new Events();
  }

  @Override
  public Score score(Events state, Instant asOf) {
    double value = Math.min(100, 10.0 * state.count);
    return new Score(value, List.of(new Contribution("events", value)));
  }

  /** Counts events. */
  public static final class Events implements ScoreState<Events> {
    long count;

    /** An empty count. */
    public Events() {}

    @Override
    public void accept(EngagementEvent event) {
      count++;
    }

    @Override
    public void combine(Events other) {
      count += other.count;
    }
  }
}

package io.engagekit.benchmarks.stress;

import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Counts events exactly (score = the count, at most 100): what the concurrency tests observe. */
final class Counting implements ScoringStrategy<Counting.Count> {
  static final String NAME = "stress.count";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String family() {
    return "custom";
  }

  @Override
  public String description() {
    return "Counts events.";
  }

  @Override
  public Count newState() {
    return new Count();
  }

  @Override
  public Score score(Count state, Instant asOf) {
    return new Score(state.n, state.n == 0 ? List.of() : List.of(new Contribution("events", state.n)));
  }

  @Override
  public Count readState(DataInput in) throws IOException {
    Count c = new Count();
    c.n = in.readInt();
    return c;
  }

  /** The number of events. */
  static final class Count implements ScoreState<Count> {
    int n;

    @Override
    public void accept(EngagementEvent event) {
      n++;
    }

    @Override
    public void combine(Count other) {
      n += other.n;
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      out.writeInt(n);
    }
  }
}

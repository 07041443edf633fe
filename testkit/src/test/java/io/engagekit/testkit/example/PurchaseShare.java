package io.engagekit.testkit.example;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A third party's strategy, as the README's "Write a strategy" shows: the share of a customer's
 * touchpoints that were purchases, 0 to 100. Outside EngageKit's packages, written against the
 * public API only, with snapshots supported. Its test is {@link PurchaseShareTest}; {@code
 * BrokenStrategies} breaks it one law at a time to show that the contract notices.
 */
public class PurchaseShare implements ScoringStrategy<PurchaseShare.Counts> {
  @Override
  public String name() {
    return "example.purchase_share";
  }

  @Override
  public String family() {
    return "example";
  }

  @Override
  public String description() {
    return "The share of touchpoints that were purchases.";
  }

  @Override
  public Counts newState() {
    return new Counts();
  }

  @Override
  public Score score(Counts state, Instant asOf) {
    if (state.touchpoints == 0) {
      return Score.noEvidence("no touchpoint");
    }
    double value = 100.0 * state.purchases / state.touchpoints;
    return new Score(value, List.of(new Contribution("purchase_share", value)));
  }

  @Override
  public Counts readState(DataInput in) throws IOException {
    Counts c = new Counts();
    c.touchpoints = in.readLong();
    c.purchases = in.readLong();
    return c;
  }

  /** Touchpoints and purchases seen. Not thread-safe; the engine confines each state. */
  public static class Counts implements ScoreState<Counts> {
    long touchpoints;
    long purchases;

    @Override
    public void accept(EngagementEvent event) {
      if (event instanceof Touchpoint) {
        touchpoints++;
        if (((Touchpoint) event).kind() == TouchpointKind.PURCHASE) {
          purchases++;
        }
      }
    }

    @Override
    public void combine(Counts other) {
      touchpoints += other.touchpoints;
      purchases += other.purchases;
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      out.writeLong(touchpoints);
      out.writeLong(purchases);
    }
  }
}

package io.engagekit.testkit.example;

import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.testkit.ScoringStrategyContract;
import java.io.DataInput;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * {@link PurchaseShare} broken one law at a time, each with the contract test a third party would
 * write for it. {@link ContractCatchesBreaksTest} runs them and checks that exactly the broken
 * properties fail. They are static nested classes, so Surefire does not run them on its own.
 */
final class BrokenStrategies {
  private BrokenStrategies() {}

  /** Says 0 where it knows nothing: "no evidence" shown as the worst score. */
  static final class ZeroForNothing extends PurchaseShare {
    @Override
    public Score score(Counts state, Instant asOf) {
      return state.touchpoints == 0 ? new Score(0, List.of()) : super.score(state, asOf);
    }
  }

  /** Writes its state but reads back an empty one. */
  static final class ForgetsOnRead extends PurchaseShare {
    @Override
    public Counts readState(DataInput in) {
      return new Counts();
    }
  }

  /** Merges by keeping the other state: the last shard merged wins. */
  static final class LastMergeWins extends PurchaseShare {
    @Override
    public Counts newState() {
      return new LastWins();
    }

    @Override
    public Counts readState(DataInput in) throws IOException {
      Counts read = super.readState(in);
      Counts c = newState();
      c.touchpoints = read.touchpoints;
      c.purchases = read.purchases;
      return c;
    }

    private static final class LastWins extends Counts {
      @Override
      public void combine(Counts other) {
        touchpoints = other.touchpoints;
        purchases = other.purchases;
      }
    }
  }

  /** Has a name that is not lower-case dotted words. */
  static final class Misnamed extends PurchaseShare {
    @Override
    public String name() {
      return "PurchaseShare";
    }
  }

  static final class ZeroForNothingContract extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return new ZeroForNothing();
    }
  }

  static final class ForgetsOnReadContract extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return new ForgetsOnRead();
    }
  }

  static final class LastMergeWinsContract extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return new LastMergeWins();
    }
  }

  static final class MisnamedContract extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return new Misnamed();
    }
  }

  /** Asks for no seeds at all. */
  static final class NoSeedsContract extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return new PurchaseShare();
    }

    @Override
    protected int seeds() {
      return 0;
    }
  }
}

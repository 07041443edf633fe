package io.engagekit.scoring;

import io.engagekit.core.EngagementEvent;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A user-written strategy whose state layout changed between two releases, as a third party's
 * would: {@code test.counter} counts events; score {@code min(100, events)}.
 *
 * <ul>
 *   <li>State version 1 wrote the count as an int.
 *   <li>State version 2 writes it as a long, followed by the latest event's epoch second ({@code
 *       Long.MIN_VALUE} when unknown), and still reads version 1 (the latest event then unknown).
 * </ul>
 *
 * Hosts that keep states across an upgrade (engine snapshots, Flink state) must read version-1
 * bytes with the version-2 strategy: the tests of both use it.
 */
public final class VersionedCounter implements ScoringStrategy<VersionedCounter.Count> {
  private final int version;

  /**
   * A counter writing the given layout.
   *
   * @param version 1 or 2
   */
  public VersionedCounter(int version) {
    if (version != 1 && version != 2) {
      throw new IllegalArgumentException("version must be 1 or 2 but was " + version);
    }
    this.version = version;
  }

  @Override
  public String name() {
    return "test.counter";
  }

  @Override
  public String family() {
    return "custom";
  }

  @Override
  public String description() {
    return "Counts events (state version " + version + ").";
  }

  @Override
  public int stateVersion() {
    return version;
  }

  @Override
  public Count newState() {
    return new Count(version);
  }

  @Override
  public Count readState(DataInput in) throws IOException {
    return readState(in, version);
  }

  @Override
  public Count readState(DataInput in, int written) throws IOException {
    if (written < 1 || written > version) {
      throw new IOException("strategy test.counter state version " + written
          + " is not supported; this strategy reads 1 to " + version);
    }
    Count c = new Count(version);
    if (written == 1) {
      c.count = in.readInt();
    } else {
      c.count = in.readLong();
      c.latest = in.readLong();
    }
    if (c.count < 0) {
      throw new IOException("invalid test.counter state: count " + c.count);
    }
    return c;
  }

  @Override
  public Score score(Count state, Instant asOf) {
    double value = Math.min(100, state.count);
    return new Score(value, List.of(new Contribution("events", value)));
  }

  /** The event count, and in version 2 the latest event's epoch second. */
  public static final class Count implements ScoreState<Count> {
    private final int version;
    long count;
    long latest = Long.MIN_VALUE;

    Count(int version) {
      this.version = version;
    }

    /**
     * Returns the number of events counted.
     *
     * @return the count
     */
    public long count() {
      return count;
    }

    @Override
    public void accept(EngagementEvent event) {
      count++;
      latest = Math.max(latest, event.at().getEpochSecond());
    }

    @Override
    public void combine(Count other) {
      count += other.count;
      latest = Math.max(latest, other.latest);
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      if (version == 1) {
        out.writeInt(Math.toIntExact(count));
      } else {
        out.writeLong(count);
        out.writeLong(latest);
      }
    }
  }
}

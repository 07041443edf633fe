package io.engagekit.flink;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.io.EventCodec;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.StateRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/**
 * Writes a customer's keyed state in a compact, self-describing layout, so that a job upgraded to
 * new strategy versions reads state written before the upgrade.
 *
 * <p>Layout {@value #LAYOUT}, per customer: the layout byte; the number of strategies; for each,
 * its state version and the length and bytes of {@link ScoreState#writeTo}; the applied-event count
 * and the count since the last emission (varints); the next periodic timer (a long); the summary
 * instant the population strategies' states are next sent at (a long; layout 2 on, layout 1 reads as
 * none due); the {@link
 * EventCodec} layout and the events waiting for the watermark; the pending request instants. Each
 * record carries its strategies' state versions, so records written before and after an upgrade can
 * sit side by side (as they do in RocksDB) and each is read with {@link
 * ScoringStrategy#readState(java.io.DataInput, int)} at the version it was written in.
 *
 * <p>The serializer's {@link Snapshot} keeps the strategy names and versions. A restore is refused
 * with the reason when the job's strategies differ by name or order, or a state was written by a
 * newer strategy version than the job's.
 */
final class CustomerStateSerializer extends TypeSerializer<CustomerState> {
  private static final long serialVersionUID = 1L;
  /** The per-record layout this serializer writes. */
  static final int LAYOUT = 2;

  private final @Nullable StrategyFactory factory;
  private final List<String> names;
  private final int[] versions;
  private transient @Nullable List<ScoringStrategy<?>> strategies;

  private CustomerStateSerializer(@Nullable StrategyFactory factory, List<String> names, int[] versions,
      @Nullable List<ScoringStrategy<?>> strategies) {
    this.factory = factory;
    this.names = List.copyOf(names);
    this.versions = versions.clone();
    this.strategies = strategies;
  }

  /** A serializer for the job's strategies. */
  static CustomerStateSerializer of(StrategyFactory factory, List<ScoringStrategy<?>> strategies) {
    int[] versions = strategies.stream().mapToInt(ScoringStrategy::stateVersion).toArray();
    return new CustomerStateSerializer(requireNonNull(factory, "factory"),
        strategies.stream().map(ScoringStrategy::name).toList(), versions, strategies);
  }

  private @Nullable List<ScoringStrategy<?>> strategies() {
    if (strategies == null && factory != null) {
      strategies = List.copyOf(factory.create());
    }
    return strategies;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<CustomerState> duplicate() {
    return new CustomerStateSerializer(factory, names, versions, null);
  }

  @Override
  public CustomerState createInstance() {
    List<ScoringStrategy<?>> s = strategies();
    if (s == null) {
      throw new IllegalStateException("a restore serializer has no strategies to create states with");
    }
    return new CustomerState(s);
  }

  @Override
  public CustomerState copy(CustomerState from) {
    DataOutputSerializer out = new DataOutputSerializer(256);
    try {
      serialize(from, out);
      return deserialize(new org.apache.flink.core.memory.DataInputDeserializer(out.getSharedBuffer(), 0,
          out.length()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot copy a customer state: " + e.getMessage(), e);
    }
  }

  @Override
  public CustomerState copy(CustomerState from, CustomerState reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(CustomerState record, DataOutputView out) throws IOException {
    out.writeByte(LAYOUT);
    if (record.isRaw()) {
      requireNonNull(record.raw()).write(out);
    } else {
      ScoreState<?>[] states = record.readStates();
      if (states.length != versions.length) {
        throw new IOException("a state of " + states.length + " strategies given to a serializer of " + names);
      }
      StateRecord.write(out, versions, states);
    }
    Codecs.writeVarLong(out, record.events);
    Codecs.writeVarLong(out, record.sinceEmission);
    out.writeLong(record.nextTimer);
    out.writeLong(record.updateAt);
    out.writeByte(EventCodec.VERSION);
    Codecs.writeVarLong(out, record.pending.size());
    for (EngagementEvent e : record.pending) {
      EventCodec.write(e, out);
    }
    Codecs.writeVarLong(out, record.requests.size());
    for (Instant at : record.requests) {
      Codecs.writeInstant(out, at);
    }
  }

  @Override
  public CustomerState deserialize(DataInputView in) throws IOException {
    return read(in, strategies());
  }

  private static CustomerState read(DataInputView in, @Nullable List<ScoringStrategy<?>> strategies)
      throws IOException {
    int layout = in.readUnsignedByte();
    if (layout != 1 && layout != LAYOUT) {
      throw new IOException("customer state layout " + layout + " is not supported; this serializer reads 1 to "
          + LAYOUT);
    }
    StateRecord record = StateRecord.read(in);
    CustomerState state = strategies == null
        ? new CustomerState(record)
        : new CustomerState(record.states(strategies));
    state.events = Codecs.readVarLong(in);
    state.sinceEmission = Codecs.readVarLong(in);
    state.nextTimer = in.readLong();
    if (layout >= 2) {
      state.updateAt = in.readLong();
    }
    int eventLayout = in.readUnsignedByte();
    int pending = Codecs.readVarInt(in, "pending event count");
    for (int i = 0; i < pending; i++) {
      state.pending.add(EventCodec.read(in, eventLayout));
    }
    int requests = Codecs.readVarInt(in, "request count");
    for (int i = 0; i < requests; i++) {
      state.requests.add(Codecs.readInstant(in));
    }
    return state;
  }

  @Override
  public CustomerState deserialize(CustomerState reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(read(source, null), target);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CustomerStateSerializer other && names.equals(other.names)
        && Arrays.equals(versions, other.versions);
  }

  @Override
  public int hashCode() {
    return names.hashCode() * 31 + Arrays.hashCode(versions);
  }

  @Override
  public TypeSerializerSnapshot<CustomerState> snapshotConfiguration() {
    return new Snapshot(names, versions);
  }

  /**
   * The strategy names and state versions a savepoint's customer states were written with. Reading
   * the states back needs no strategies (they stay bytes until the job's strategies read them), so a
   * savepoint restores whatever the factory of the job that wrote it was.
   */
  public static final class Snapshot implements TypeSerializerSnapshot<CustomerState> {
    private static final int VERSION = 1;
    private List<String> names = List.of();
    private int[] versions = new int[0];

    /** Called by Flink on restore. */
    public Snapshot() {}

    Snapshot(List<String> names, int[] versions) {
      this.names = names;
      this.versions = versions.clone();
    }

    @Override
    public int getCurrentVersion() {
      return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeInt(names.size());
      for (int i = 0; i < names.size(); i++) {
        out.writeUTF(names.get(i));
        out.writeInt(versions[i]);
      }
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
      if (readVersion != VERSION) {
        throw new IOException("EngageKit customer state snapshot version " + readVersion
            + " is not supported; this release reads " + VERSION);
      }
      int n = in.readInt();
      if (n < 0 || n > 1 << 16) {
        throw new IOException("invalid strategy count " + n);
      }
      List<String> read = new ArrayList<>(n);
      versions = new int[n];
      for (int i = 0; i < n; i++) {
        read.add(in.readUTF());
        versions[i] = in.readInt();
      }
      names = List.copyOf(read);
    }

    @Override
    public TypeSerializer<CustomerState> restoreSerializer() {
      return new CustomerStateSerializer(null, names, versions, null);
    }

    /**
     * Compatible as is when the job keeps the same strategies in the same order, each at a state
     * version no older than the savepoint's: records carry their versions, and each strategy reads
     * its earlier layouts (or refuses them with the reason when it meets one).
     *
     * @throws IllegalStateException naming both lists, if the strategies differ, or a strategy's
     *     state was written by a newer version than the job's
     */
    @Override
    public TypeSerializerSchemaCompatibility<CustomerState> resolveSchemaCompatibility(
        TypeSerializerSnapshot<CustomerState> previous) {
      if (!(previous instanceof Snapshot old)) {
        return TypeSerializerSchemaCompatibility.incompatible();
      }
      if (!old.names.equals(names)) {
        throw new IllegalStateException("cannot restore EngageKit scoring state: the savepoint holds states of the "
            + "strategies " + old.names + " but the job keeps " + names
            + "; keep the same strategies in the same order");
      }
      for (int i = 0; i < names.size(); i++) {
        if (old.versions[i] > versions[i]) {
          throw new IllegalStateException("cannot restore EngageKit scoring state: strategy " + names.get(i)
              + " state version " + old.versions[i] + " was written by a newer release; this job's strategy writes "
              + versions[i]);
        }
      }
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
  }
}

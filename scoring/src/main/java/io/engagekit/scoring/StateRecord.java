package io.engagekit.scoring;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * One customer's states, one per strategy, each with the {@linkplain ScoringStrategy#stateVersion()
 * state version} it was written in: the per-customer record that every host keeps, in one format
 * with one versioning rule. {@link EngagementEngine}'s snapshots hold one per customer, and the
 * {@code engagekit-flink} operator keeps one per key, so state moves between them byte for byte.
 *
 * <p>Layout: the number of states n (an unsigned LEB128 varint), then n times the state version
 * (varint), the length of the state's bytes (varint) and the bytes, as {@link ScoreState#writeTo}
 * wrote them. A record is read without the strategies ({@link #read}); {@link #states} then reads
 * each state with its own version ({@link ScoringStrategy#readState(DataInput, int)}), so a
 * strategy that still reads its earlier layouts reads records written before an upgrade, and a
 * state that its strategy reads only in part is refused.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2
 */
public final class StateRecord {
  /** The most states a record may hold, so that a damaged count cannot make a reader allocate without bound. */
  static final int MAX_STATES = 1 << 16;
  /** The longest state a record may hold (256 MiB), for the same reason. */
  static final int MAX_STATE_BYTES = 1 << 28;

  private final int[] versions;
  private final byte[][] bytes;

  private StateRecord(int[] versions, byte[][] bytes) {
    this.versions = versions;
    this.bytes = bytes;
  }

  /**
   * Returns the record of some states.
   *
   * @param strategies the strategies, in order
   * @param states one state of each strategy, in the same order
   * @return the record
   * @throws IllegalArgumentException if the counts differ
   * @throws UnsupportedOperationException if a strategy does not support snapshots
   */
  public static StateRecord of(List<? extends ScoringStrategy<?>> strategies, ScoreState<?>[] states) {
    int[] versions = versionsOf(strategies, states);
    byte[][] bytes = new byte[states.length][];
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    for (int i = 0; i < states.length; i++) {
      bytes[i] = bytesOf(states[i], buffer);
    }
    return new StateRecord(versions, bytes);
  }

  /**
   * Writes the record of some states without keeping it: what {@code of(strategies,
   * states).write(out)} writes.
   *
   * @param out where to write
   * @param strategies the strategies, in order
   * @param states one state of each strategy, in the same order
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if the counts differ
   * @throws UnsupportedOperationException if a strategy does not support snapshots
   */
  public static void write(DataOutput out, List<? extends ScoringStrategy<?>> strategies, ScoreState<?>[] states)
      throws IOException {
    write(out, versionsOf(strategies, states), states);
  }

  /**
   * Writes the record of some states, given their strategies' state versions rather than the
   * strategies (for hosts that keep the versions, such as a serializer restored without them).
   *
   * @param out where to write
   * @param versions each state's version, in order, {@code >= 0}
   * @param states the states
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if the counts differ or a version is negative
   * @throws UnsupportedOperationException if a strategy does not support snapshots
   */
  public static void write(DataOutput out, int[] versions, ScoreState<?>[] states) throws IOException {
    if (versions.length != states.length) {
      throw new IllegalArgumentException(states.length + " states for " + versions.length + " versions");
    }
    for (int v : versions) {
      if (v < 0) {
        throw new IllegalArgumentException("state versions must be >= 0 but one is " + v);
      }
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    writeVarint(out, states.length);
    for (int i = 0; i < states.length; i++) {
      buffer.reset();
      states[i].writeTo(new DataOutputStream(buffer));
      writeVarint(out, versions[i]);
      writeVarint(out, buffer.size());
      buffer.writeTo(new java.io.OutputStream() {
        @Override
        public void write(int b) throws IOException {
          out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }
      });
    }
  }

  private static int[] versionsOf(List<? extends ScoringStrategy<?>> strategies, ScoreState<?>[] states) {
    requireNonNull(strategies, "strategies");
    if (states.length != strategies.size()) {
      throw new IllegalArgumentException(states.length + " states for " + strategies.size() + " strategies");
    }
    int[] versions = new int[states.length];
    for (int i = 0; i < versions.length; i++) {
      requireNonNull(states[i], "state");
      versions[i] = strategies.get(i).stateVersion();
      if (versions[i] < 0) {
        throw new IllegalArgumentException("strategy " + strategies.get(i).name() + " has a negative state version "
            + versions[i]);
      }
    }
    return versions;
  }

  private static byte[] bytesOf(ScoreState<?> state, ByteArrayOutputStream buffer) {
    buffer.reset();
    try {
      state.writeTo(new DataOutputStream(buffer));
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return buffer.toByteArray();
  }

  /** The bytes of state i, for tests in this package. */
  byte[] bytes(int i) {
    return bytes[i].clone();
  }

  /**
   * Returns how many states the record holds.
   *
   * @return the count
   */
  public int size() {
    return versions.length;
  }

  /**
   * Returns the state version of one state.
   *
   * @param i the state's position
   * @return its version
   */
  public int version(int i) {
    return versions[i];
  }

  /**
   * Returns the state versions, in order.
   *
   * @return a copy of the versions
   */
  public int[] versions() {
    return versions.clone();
  }

  /**
   * Reads the states with the strategies that wrote them (each with its own version).
   *
   * @param strategies the strategies, in the order of the states
   * @return new states
   * @throws IOException if the counts differ, a version is not one its strategy reads, or a state's
   *     bytes are invalid or not read whole
   */
  public ScoreState<?>[] states(List<? extends ScoringStrategy<?>> strategies) throws IOException {
    if (strategies.size() != versions.length) {
      throw new IOException("the record holds " + versions.length + " strategies' states but "
          + strategies.size() + " strategies read it");
    }
    ScoreState<?>[] states = new ScoreState<?>[versions.length];
    for (int i = 0; i < states.length; i++) {
      ScoringStrategy<?> s = strategies.get(i);
      ByteArrayInputStream in = new ByteArrayInputStream(bytes[i]);
      states[i] = requireNonNull(s.readState(new DataInputStream(in), versions[i]),
          () -> "strategy " + s.name() + " read a null state");
      if (in.available() != 0) {
        throw new IOException("strategy " + s.name() + " read " + (bytes[i].length - in.available()) + " of the "
            + bytes[i].length + " bytes of its state version " + versions[i]);
      }
    }
    return states;
  }

  /**
   * Writes the record.
   *
   * @param out where to write
   * @throws IOException if writing fails
   */
  public void write(DataOutput out) throws IOException {
    writeVarint(out, versions.length);
    for (int i = 0; i < versions.length; i++) {
      writeVarint(out, versions[i]);
      writeVarint(out, bytes[i].length);
      out.write(bytes[i]);
    }
  }

  /**
   * Reads a record written by {@link #write}, without reading the states.
   *
   * @param in where to read
   * @return the record
   * @throws IOException if reading fails or the record is malformed
   */
  public static StateRecord read(DataInput in) throws IOException {
    int n = readVarint(in, "state count");
    if (n > MAX_STATES) {
      throw new IOException("a record of " + n + " states is more than the " + MAX_STATES + " a record may hold");
    }
    int[] versions = new int[n];
    byte[][] bytes = new byte[n][];
    for (int i = 0; i < n; i++) {
      versions[i] = readVarint(in, "state version");
      int length = readVarint(in, "state length");
      if (length > MAX_STATE_BYTES) {
        throw new IOException("a state of " + length + " bytes is more than the " + MAX_STATE_BYTES
            + " a record may hold");
      }
      bytes[i] = new byte[length];
      in.readFully(bytes[i]);
    }
    return new StateRecord(versions, bytes);
  }

  private static void writeVarint(DataOutput out, int value) throws IOException {
    int v = value;
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int readVarint(DataInput in, String what) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (value > Integer.MAX_VALUE) {
          break;
        }
        return (int) value;
      }
    }
    throw new IOException("invalid " + what + ": not a varint of at most " + Integer.MAX_VALUE);
  }

  /** Records are equal when they hold the same versions and bytes. */
  @Override
  public boolean equals(Object o) {
    return o instanceof StateRecord && Arrays.equals(versions, ((StateRecord) o).versions)
        && Arrays.deepEquals(bytes, ((StateRecord) o).bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(versions) + Arrays.deepHashCode(bytes);
  }

  @Override
  public String toString() {
    return "StateRecord[versions=" + Arrays.toString(versions) + ", bytes="
        + Arrays.stream(bytes).mapToInt(b -> b.length).sum() + "]";
  }
}

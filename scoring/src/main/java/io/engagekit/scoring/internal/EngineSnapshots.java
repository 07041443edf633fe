package io.engagekit.scoring.internal;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Customer;
import io.engagekit.core.RelationshipType;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.StateRecord;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The byte format of {@code EngagementEngine.snapshot} and {@code EngagementEngine.restore}: a magic
 * number, the format version, the strategies' names, the event count, every customer (id, what was
 * registered, their {@link StateRecord}) in id order, and a CRC-32 of all of it.
 */
public final class EngineSnapshots {
  /** "EKSN": the first four bytes of a snapshot. */
  public static final int MAGIC = 0x454B534E;
  /** The format written: per customer, a {@link StateRecord}. */
  public static final int FORMAT_VERSION = 3;
  /** The earlier format still read: strategy versions once in the header, states unframed. */
  public static final int FORMAT_VERSION_2 = 2;

  private EngineSnapshots() {}

  /** What a snapshot held: the customers' entries, by id, and the event count. */
  public record Read(Map<String, CustomerEntry> customers, long events) {}

  public static void write(OutputStream out, List<ScoringStrategy<?>> strategies, Map<String, CustomerEntry> customers,
      long events) throws IOException {
    for (ScoringStrategy<?> s : strategies) {
      try {
        s.newState().writeTo(new DataOutputStream(OutputStream.nullOutputStream()));
      } catch (UnsupportedOperationException e) {
        throw new UnsupportedOperationException(
            "cannot snapshot: strategy " + s.name() + " does not support snapshots", e);
      }
    }
    CRC32 crc = new CRC32();
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(
        new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() {
            // the caller owns the stream
          }
        }, crc)));
    data.writeInt(MAGIC);
    data.writeShort(FORMAT_VERSION);
    data.writeShort(strategies.size());
    for (ScoringStrategy<?> s : strategies) {
      data.writeUTF(s.name());
    }
    data.writeLong(events);
    // Customers in id order, so that equal engines write equal bytes.
    String[] ids = customers.keySet().toArray(new String[0]);
    Arrays.sort(ids);
    for (String id : ids) {
      CustomerEntry entry = customers.get(id);
      if (entry == null) {
        continue; // folded into another customer meanwhile
      }
      StateRecord record;
      Customer registered;
      synchronized (entry) {
        record = StateRecord.of(strategies, entry.states);
        registered = entry.customer;
      }
      data.writeBoolean(true);
      data.writeUTF(id);
      writeCustomer(data, registered);
      record.write(data);
    }
    data.writeBoolean(false);
    data.flush();
    DataOutputStream trailer = new DataOutputStream(out);
    trailer.writeLong(crc.getValue());
    trailer.flush();
  }

  /** Reads and checks a whole snapshot; nothing is returned unless all of it is valid. */
  public static Read read(InputStream in, List<ScoringStrategy<?>> strategies) throws IOException {
    BufferedInputStream raw = new BufferedInputStream(in);
    CRC32 crc = new CRC32();
    DataInputStream data = new DataInputStream(new CheckedInputStream(raw, crc));
    Map<String, CustomerEntry> fresh = new HashMap<>();
    try {
      if (data.readInt() != MAGIC) {
        throw new IOException("not an EngageKit engine snapshot");
      }
      int version = data.readUnsignedShort();
      if (version != FORMAT_VERSION && version != FORMAT_VERSION_2) {
        throw new IOException("format version " + version + " is not supported; this engine reads "
            + FORMAT_VERSION_2 + " and " + FORMAT_VERSION);
      }
      int n = data.readUnsignedShort();
      List<String> names = new ArrayList<>();
      int[] versions = new int[n];
      for (int i = 0; i < n; i++) {
        names.add(data.readUTF());
        if (version == FORMAT_VERSION_2) {
          versions[i] = data.readInt();
        }
      }
      List<String> mine = strategies.stream().map(ScoringStrategy::name).toList();
      if (!names.equals(mine)) {
        throw new IOException("the snapshot keeps " + names + " but this engine keeps " + mine);
      }
      long count = data.readLong();
      if (count < 0) {
        throw new IOException("negative event count " + count);
      }
      while (data.readBoolean()) {
        String customer = data.readUTF();
        Customer.checkId(customer);
        Customer registered = readCustomer(data, customer);
        ScoreState<?>[] states;
        if (version == FORMAT_VERSION_2) {
          states = new ScoreState<?>[strategies.size()];
          for (int i = 0; i < states.length; i++) {
            states[i] = requireNonNull(strategies.get(i).readState(data, versions[i]), "readState returned null");
          }
        } else {
          states = StateRecord.read(data).states(strategies);
        }
        CustomerEntry entry = new CustomerEntry(customer, states, 0);
        entry.customer = registered;
        if (fresh.put(customer, entry) != null) {
          throw new IOException("customer " + customer + " appears twice");
        }
      }
      long expected = new DataInputStream(raw).readLong();
      if (expected != crc.getValue()) {
        throw new IOException("checksum mismatch: the snapshot is corrupted");
      }
      return new Read(fresh, count);
    } catch (EOFException e) {
      throw new IOException("snapshot refused: it is truncated", e);
    } catch (IOException | RuntimeException e) {
      throw new IOException("snapshot refused: " + e.getMessage(), e);
    }
  }

  /** A registered customer: a flag, then relationship code (or ""), segment (or ""), attributes. */
  private static void writeCustomer(DataOutputStream data, @Nullable Customer c) throws IOException {
    data.writeBoolean(c != null);
    if (c == null) {
      return;
    }
    data.writeUTF(c.relationship().map(RelationshipType::code).orElse(""));
    data.writeUTF(c.segment().orElse(""));
    String[] keys = c.attributes().keySet().toArray(new String[0]);
    Arrays.sort(keys);
    data.writeInt(keys.length);
    for (String k : keys) {
      data.writeUTF(k);
      data.writeUTF(c.attributes().get(k));
    }
  }

  private static @Nullable Customer readCustomer(DataInputStream data, String id) throws IOException {
    if (!data.readBoolean()) {
      return null;
    }
    String relationship = data.readUTF();
    String segment = data.readUTF();
    int n = data.readInt();
    if (n < 0 || n > 1 << 20) {
      throw new IOException("customer " + id + " has an invalid attribute count " + n);
    }
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String k = data.readUTF();
      if (attributes.put(k, data.readUTF()) != null) {
        throw new IOException("customer " + id + " has attribute " + k + " twice");
      }
    }
    return new Customer(id,
        relationship.isEmpty() ? Optional.empty() : Optional.of(RelationshipType.fromCode(relationship)),
        segment.isEmpty() ? Optional.empty() : Optional.of(segment), attributes);
  }
}

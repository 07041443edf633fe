package io.engagekit.flink;

import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binary layouts shared by the serializers: instants, varints, scores. */
final class Codecs {
  private Codecs() {}

  static void writeInstant(DataOutput out, Instant at) throws IOException {
    out.writeLong(at.getEpochSecond());
    out.writeInt(at.getNano());
  }

  static Instant readInstant(DataInput in) throws IOException {
    long seconds = in.readLong();
    int nanos = in.readInt();
    try {
      if (nanos < 0 || nanos > 999_999_999) {
        throw new DateTimeException("nanosecond " + nanos);
      }
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException e) {
      throw new IOException("invalid instant: " + e.getMessage(), e);
    }
  }

  /** An unsigned LEB128 varint: 1 byte below 128, at most 10. */
  static void writeVarLong(DataOutput out, long value) throws IOException {
    if (value < 0) {
      throw new IllegalArgumentException("a varint must be >= 0 but was " + value);
    }
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  static long readVarLong(DataInput in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (value < 0) {
          break;
        }
        return value;
      }
    }
    throw new IOException("invalid varint: too long or negative");
  }

  static int readVarInt(DataInput in, String what) throws IOException {
    long v = readVarLong(in);
    if (v > Integer.MAX_VALUE) {
      throw new IOException("invalid " + what + ": " + v);
    }
    return (int) v;
  }

  static void writeScore(DataOutput out, Score s) throws IOException {
    out.writeDouble(s.value());
    writeVarLong(out, s.contributions().size());
    for (Contribution c : s.contributions()) {
      out.writeUTF(c.name());
      out.writeDouble(c.value());
    }
    // 0 no label, 1 a label, 2 no evidence and its reason (issue 23; records before it hold 0 or 1).
    if (s.absence().isPresent()) {
      out.writeByte(2);
      out.writeUTF(s.absence().get());
    } else {
      out.writeByte(s.label().isPresent() ? 1 : 0);
      if (s.label().isPresent()) {
        out.writeUTF(s.label().get());
      }
    }
    writeVarLong(out, s.measures().size());
    for (Map.Entry<String, Double> m : s.measures().entrySet()) {
      out.writeUTF(m.getKey());
      out.writeDouble(m.getValue());
    }
  }

  static Score readScore(DataInput in) throws IOException {
    double value = in.readDouble();
    int n = readVarInt(in, "contribution count");
    List<Contribution> contributions = new ArrayList<>(Math.min(n, 64));
    try {
      for (int i = 0; i < n; i++) {
        contributions.add(new Contribution(in.readUTF(), in.readDouble()));
      }
      int flag = in.readUnsignedByte();
      if (flag > 2) {
        throw new IOException("invalid score: label flag " + flag);
      }
      Optional<String> label = flag == 1 ? Optional.of(in.readUTF()) : Optional.empty();
      Optional<String> absence = flag == 2 ? Optional.of(in.readUTF()) : Optional.empty();
      int m = readVarInt(in, "measure count");
      Map<String, Double> measures = new LinkedHashMap<>();
      for (int i = 0; i < m; i++) {
        measures.put(in.readUTF(), in.readDouble());
      }
      return new Score(value, contributions, label, measures, absence);
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid score: " + e.getMessage(), e);
    }
  }
}

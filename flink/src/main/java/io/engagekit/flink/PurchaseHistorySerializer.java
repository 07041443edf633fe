package io.engagekit.flink;

import io.engagekit.scoring.models.PurchaseHistory;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A customer's purchase days in keyed state: the layout byte ({@value #LAYOUT}), the number of days,
 * then each epoch day (int) and its spend (double), days increasing.
 */
final class PurchaseHistorySerializer extends TypeSerializerSingleton<PurchaseHistory> {
  private static final long serialVersionUID = 1L;
  static final int LAYOUT = 1;
  static final PurchaseHistorySerializer INSTANCE = new PurchaseHistorySerializer();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public PurchaseHistory createInstance() {
    return new PurchaseHistory();
  }

  @Override
  public PurchaseHistory copy(PurchaseHistory from) {
    return new PurchaseHistory().merge(from);
  }

  @Override
  public PurchaseHistory copy(PurchaseHistory from, PurchaseHistory reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(PurchaseHistory record, DataOutputView out) throws IOException {
    out.writeByte(LAYOUT);
    Codecs.writeVarLong(out, record.days());
    for (int i = 0; i < record.days(); i++) {
      out.writeInt((int) record.day(i).toEpochDay());
      out.writeDouble(record.spend(i));
    }
  }

  @Override
  public PurchaseHistory deserialize(DataInputView in) throws IOException {
    int layout = in.readUnsignedByte();
    if (layout != LAYOUT) {
      throw new IOException("purchase history layout " + layout + " is not supported; this serializer reads " + LAYOUT);
    }
    int n = Codecs.readVarInt(in, "purchase day count");
    PurchaseHistory h = new PurchaseHistory();
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      int day = in.readInt();
      double spend = in.readDouble();
      if (day <= previous || day < LocalDate.MIN.toEpochDay() || day > LocalDate.MAX.toEpochDay()) {
        throw new IOException("invalid purchase history: day " + i + " is epoch day " + day + " (days must increase)");
      }
      previous = day;
      try {
        h.add(LocalDate.ofEpochDay(day), spend);
      } catch (IllegalArgumentException e) {
        throw new IOException("invalid purchase history: " + e.getMessage(), e);
      }
    }
    return h;
  }

  @Override
  public PurchaseHistory deserialize(PurchaseHistory reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public TypeSerializerSnapshot<PurchaseHistory> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores {@link PurchaseHistorySerializer}. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<PurchaseHistory> {
    /** Called by Flink on restore. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}

package io.engagekit.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/**
 * A stateless serializer of an immutable EngageKit value: the records that flow between operators
 * (events, requests, scores, alerts, patterns). Each has a hand-written compact layout, so no value
 * of EngageKit's ever falls back to Kryo.
 */
abstract class ValueSerializer<T> extends TypeSerializerSingleton<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public final boolean isImmutableType() {
    return true;
  }

  @Override
  public final @Nullable T createInstance() {
    return null; // immutable values: there is nothing to reuse
  }

  @Override
  public final T copy(T from) {
    return from;
  }

  @Override
  public final T copy(T from, T reuse) {
    return from;
  }

  @Override
  public final int getLength() {
    return -1;
  }

  @Override
  public final T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public final void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  /** The snapshot of a stateless serializer: the same class reads what it wrote. */
  abstract static class Snapshot<T> extends SimpleTypeSerializerSnapshot<T> {
    Snapshot(java.util.function.Supplier<? extends TypeSerializer<T>> supplier) {
      super(supplier);
    }
  }
}

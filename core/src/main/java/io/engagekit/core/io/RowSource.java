package io.engagekit.core.io;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Produces rows one at a time: each call to {@link #advance()} either sets {@link #value} (an
 * accepted row) or {@link #reject} (a rejected one), or returns false at the end of the input.
 */
abstract class RowSource<T> implements Closeable {
  @Nullable T value;
  @Nullable Reject reject;
  /** The line (1-based) where the current row starts; 0 if the source does not know. */
  long line;

  /**
   * Reads the next row.
   *
   * @return false at the end of the input
   * @throws IOException if reading fails
   * @throws IllegalArgumentException if the input as a whole is unreadable (a bad header)
   */
  abstract boolean advance() throws IOException;

  final void accept(T v) {
    value = v;
    reject = null;
  }

  final void reject(long line, @Nullable String field, String reason) {
    value = null;
    reject = new Reject(line, java.util.Optional.ofNullable(field), reason);
  }
}

package io.engagekit.core.io;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

/**
 * Writes values in a canonical format, one row each. Whatever a writer writes, the matching
 * reader reads back as equal values. Not thread-safe; closing the writer closes the output.
 *
 * @param <T> the type of value written
 * @since 0.1
 */
public interface RowWriter<T> extends Closeable, Flushable {
  /**
   * Writes one value as one row.
   *
   * @param value the value
   * @throws IOException if writing fails
   */
  void write(T value) throws IOException;
}

package io.engagekit.core.io;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the accepted rows of an input, one at a time, with bounded memory. Every row is counted
 * ({@link #stats()}) and every rejected row is handed to the reader's {@link RejectSink}; a strict
 * reader then throws {@link RejectedRowException} and reads nothing more.
 *
 * <p>Not thread-safe. Closing the reader closes the underlying input.
 *
 * @param <T> the type of value read
 * @since 0.1
 */
public final class RowReader<T> implements Iterator<T>, Closeable {
  private static final Logger logger = LoggerFactory.getLogger(RowReader.class);

  private final RowSource<T> source;
  private final boolean strict;
  private final RejectSink sink;
  private @Nullable T next;
  private boolean done;
  private long nextLine;
  private long line;
  private long accepted;
  private long rejected;

  RowReader(RowSource<T> source, ReadOptions options, RejectSink sink) {
    this.source = requireNonNull(source, "source");
    this.strict = requireNonNull(options, "options").strict();
    this.sink = requireNonNull(sink, "sink");
  }

  /**
   * Returns whether another accepted row follows, reading ahead past rejected rows.
   *
   * @return whether {@link #next()} will return a value
   * @throws RejectedRowException in strict mode, at the first rejected row
   * @throws UncheckedIOException if reading fails
   * @throws IllegalArgumentException if the input is unreadable (a bad header)
   */
  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      boolean more;
      try {
        more = source.advance();
      } catch (IOException e) {
        done = true;
        throw new UncheckedIOException("reading failed after " + (accepted + rejected) + " rows", e);
      } catch (RuntimeException e) {
        done = true;
        throw e;
      }
      if (!more) {
        done = true;
        logger.debug("read {} rows: {} accepted, {} rejected", accepted + rejected, accepted, rejected);
        break;
      }
      Reject reject = source.reject;
      if (reject != null) {
        rejected++;
        sink.reject(reject);
        if (strict) {
          done = true;
          throw new RejectedRowException(reject);
        }
      } else {
        accepted++;
        next = source.value;
        nextLine = source.line;
      }
    }
    return next != null;
  }

  /**
   * Returns the next accepted row.
   *
   * @return the value
   * @throws NoSuchElementException if there is none
   * @throws RejectedRowException in strict mode, at the first rejected row
   */
  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more rows");
    }
    T value = requireNonNull(next);
    next = null;
    line = nextLine;
    return value;
  }

  /**
   * Returns the line number (1-based) where the row last returned by {@link #next()} starts, so
   * that a caller that refuses an accepted value (a duplicate, say) can name its line.
   *
   * @return the line number, or 0 before the first row
   */
  public long line() {
    return line;
  }

  /**
   * Returns the counts so far: rows read, accepted and rejected. A row read ahead by {@link
   * #hasNext()} is counted.
   *
   * @return the counts
   */
  public ReadStats stats() {
    return new ReadStats(accepted + rejected, accepted, rejected);
  }

  /**
   * Returns the remaining accepted rows as a sequential stream; closing the stream closes this
   * reader.
   *
   * @return a stream over the rest of the input
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(
            () -> {
              try {
                close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /**
   * Closes the underlying input.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    done = true;
    source.close();
  }
}

package io.engagekit.core.io;

/**
 * Receives each rejected row, in input order, on the thread that reads.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RejectSink {
  /**
   * Takes one rejected row.
   *
   * @param reject the rejected row
   */
  void reject(Reject reject);
}

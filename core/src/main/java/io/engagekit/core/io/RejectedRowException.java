package io.engagekit.core.io;

import static java.util.Objects.requireNonNull;

/**
 * Thrown by a strict reader at the first rejected row. Nothing after that row has been read.
 *
 * @since 0.1
 */
public final class RejectedRowException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Reject reject;

  /**
   * Creates the exception.
   *
   * @param reject the rejected row
   */
  public RejectedRowException(Reject reject) {
    super(requireNonNull(reject, "reject").toString());
    this.reject = reject;
  }

  /**
   * Returns the rejected row.
   *
   * @return its line, field and reason
   */
  public Reject reject() {
    return reject;
  }
}

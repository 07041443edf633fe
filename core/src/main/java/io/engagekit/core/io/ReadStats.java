package io.engagekit.core.io;

/**
 * Counts of what a reader has read so far. Header lines and blank lines are not rows.
 *
 * @param rows rows read, {@code accepted + rejected}
 * @param accepted rows that became values
 * @param rejected rows that were reported as rejects
 * @since 0.1
 */
public record ReadStats(long rows, long accepted, long rejected) {
  /**
   * Checks the counts.
   *
   * @param rows see the class description
   * @param accepted see the class description
   * @param rejected see the class description
   * @throws IllegalArgumentException if a count is negative or {@code rows != accepted +
   *      rejected}
   */
  public ReadStats {
    if (accepted < 0 || rejected < 0 || rows != accepted + rejected) {
      throw new IllegalArgumentException(
          "rows must equal accepted + rejected, all >= 0, but was "
              + rows + " = " + accepted + " + " + rejected);
    }
  }
}

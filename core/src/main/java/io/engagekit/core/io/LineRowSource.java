package io.engagekit.core.io;

import java.io.IOException;

/**
 * A row source over physical lines: blank lines are not rows, an over-long line and a line with
 * undecodable bytes are rejected rows, and every other line goes to {@link #line(long, char[], int,
 * int)}.
 */
abstract class LineRowSource<T> extends RowSource<T> {
  private final LineReader lines;

  LineRowSource(LineReader lines) {
    this.lines = lines;
  }

  /**
   * Handles one non-blank line, {@code chars[start, end)} (which the source may rewrite in place):
   * sets a value or a reject and returns true, or returns false when the line is not a row (a
   * header).
   */
  abstract boolean line(long number, char[] chars, int start, int end) throws IOException;

  /** Handles an over-long line; rejects it unless a subclass must fail (an over-long header). */
  void tooLong(long number) {
    reject(number, null, "line is longer than " + lines.maxLength() + " characters");
  }

  /**
   * Handles a line holding bytes that could not be decoded; rejects it unless a subclass must fail
   * (a header).
   *
   * @param reason why, starting "is not valid …"
   */
  void malformed(long number, String reason) {
    reject(number, null, "line " + reason);
  }

  @Override
  final boolean advance() throws IOException {
    while (lines.next()) {
      if (lines.blank()) {
        continue;
      }
      line = lines.lineNumber();
      if (lines.tooLong()) {
        tooLong(line);
        return true;
      }
      String malformed = lines.malformed();
      if (malformed != null) {
        malformed(line, malformed);
        return true;
      }
      if (line(line, lines.chars(), lines.start(), lines.end())) {
        return true;
      }
    }
    atEnd();
    return false;
  }

  /** Called once the input is exhausted; a subclass may throw if the input was unreadable. */
  void atEnd() {}

  final int maxLineLength() {
    return lines.maxLength();
  }

  @Override
  public final void close() throws IOException {
    lines.close();
  }
}

package io.engagekit.core.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads physical lines with bounded memory. A line ends at {@code \n}; one {@code \r} before it is
 * dropped. A line longer than the limit is not kept: {@link #tooLong()} is set and its text is
 * empty. A byte-order mark at the very start is dropped.
 *
 * <p>The current line is {@code chars()[start(), end())}: a range of the read buffer, or of a
 * second buffer when the line spans two reads, valid until the next call to {@link #next()}. A
 * caller may rewrite characters inside that range (a CSV splitter unescaping quotes in place).
 * {@link #line()} copies it into a {@code String} only when asked. Over a {@link DecodingReader},
 * {@link #malformed()} says whether the line held bytes that could not be decoded.
 */
final class LineReader implements java.io.Closeable {
  private final Reader in;
  private final int maxLength;
  private final char[] buf = new char[1 << 14];
  private int pos;
  private int limit;
  private boolean eof;
  private char[] pending = new char[256];
  private int pendingLength;
  private long lineNumber;
  private char[] chars = buf;
  private int start;
  private int end;
  private boolean tooLong;
  private boolean first = true;
  /** Characters read before {@code buf[0]}. */
  private long consumed;
  /** The decoder, when the input is one that reports undecodable bytes by position. */
  private final @Nullable DecodingReader decoding;
  private @Nullable String malformed;

  LineReader(Reader in, int maxLength) {
    this.in = in;
    this.maxLength = maxLength;
    this.decoding = in instanceof DecodingReader d ? d : null;
  }

  /** Reads the next line; returns false at the end of input. */
  boolean next() throws IOException {
    pendingLength = 0;
    tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        if (eof || !fill()) {
          if (!any) {
            return false;
          }
          finish(false, 0, 0);
          return true;
        }
      }
      any = true;
      int from = pos;
      int to = from;
      while (to < limit && buf[to] != '\n') {
        to++;
      }
      if (to < limit) {
        pos = to + 1;
        finish(true, from, to);
        return true;
      }
      append(from, limit);
      pos = limit;
    }
  }

  private void append(int from, int to) {
    if (!tooLong) {
      int length = to - from;
      if (pendingLength + length > maxLength + 1) {
        tooLong = true;
        pendingLength = 0;
      } else {
        if (pendingLength + length > pending.length) {
          pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
        }
        System.arraycopy(buf, from, pending, pendingLength, length);
        pendingLength += length;
      }
    }
  }

  /** Ends the current line: {@code buf[from, to)} is its last part if {@code inBuffer}. */
  private void finish(boolean inBuffer, int from, int to) {
    lineNumber++;
    malformed = decoding == null ? null : decoding.claim(inBuffer ? consumed + to + 1 : Long.MAX_VALUE);
    if (inBuffer && pendingLength == 0 && !tooLong) {
      chars = buf;
      start = from;
      end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
    } else {
      if (inBuffer) {
        append(from, to);
      }
      chars = pending;
      start = 0;
      end = pendingLength > 0 && pending[pendingLength - 1] == '\r' ? pendingLength - 1 : pendingLength;
    }
    if (tooLong || end - start > maxLength) {
      tooLong = true;
      start = end = 0;
    }
    if (first) {
      first = false;
      if (end > start && chars[start] == '\uFEFF') {
        start++;
      }
    }
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      consumed += limit;
      pos = limit = 0;
      return false;
    }
    consumed += limit;
    pos = 0;
    limit = n;
    return true;
  }

  long lineNumber() {
    return lineNumber;
  }

  /** The current line as a new string. */
  String line() {
    return new String(chars, start, end - start);
  }

  /** The array holding the current line. */
  char[] chars() {
    return chars;
  }

  /** Where the current line starts in {@link #chars()}. */
  int start() {
    return start;
  }

  /** Where the current line ends (exclusive) in {@link #chars()}, without its line break. */
  int end() {
    return end;
  }

  /**
   * Why the current line holds bytes its decoder could not decode (see {@link DecodingReader}), or
   * null if it holds none.
   */
  @Nullable String malformed() {
    return malformed;
  }

  boolean tooLong() {
    return tooLong;
  }

  int maxLength() {
    return maxLength;
  }

  /** Whether the current line is empty or only spaces and tabs: not a row. */
  boolean blank() {
    if (tooLong) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = chars[i];
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

package io.engagekit.core.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads physical lines with bounded memory. A line ends at {@code \n}; one {@code \r} before it is
 * dropped. A line longer than the limit is not kept: {@link #tooLong()} is set and its text is
 * empty. A byte-order mark at the very start is dropped.
 */
final class LineReader implements java.io.Closeable {
  private final Reader in;
  private final int maxLength;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private final StringBuilder pending = new StringBuilder();
  private long lineNumber;
  private String line = "";
  private boolean tooLong;
  private boolean first = true;

  LineReader(Reader in, int maxLength) {
    this.in = in;
    this.maxLength = maxLength;
  }

  /** Reads the next line; returns false at the end of input. */
  boolean next() throws IOException {
    pending.setLength(0);
    tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        if (eof || !fill()) {
          if (!any) {
            return false;
          }
          finish(null, 0, 0);
          return true;
        }
      }
      any = true;
      int start = pos;
      int end = start;
      while (end < limit && buf[end] != '\n') {
        end++;
      }
      if (end < limit) {
        pos = end + 1;
        finish(buf, start, end);
        return true;
      }
      append(start, limit);
      pos = limit;
    }
  }

  private void append(int from, int to) {
    if (!tooLong) {
      if (pending.length() + (to - from) > maxLength + 1) {
        tooLong = true;
        pending.setLength(0);
      } else {
        pending.append(buf, from, to - from);
      }
    }
  }

  private void finish(char[] b, int from, int to) {
    lineNumber++;
    if (b != null && pending.length() == 0 && !tooLong) {
      int end = to > from && b[to - 1] == '\r' ? to - 1 : to;
      if (end - from > maxLength) {
        tooLong = true;
        line = "";
      } else {
        line = new String(b, from, end - from);
      }
    } else {
      if (b != null) {
        append(from, to);
      }
      int len = pending.length();
      if (len > 0 && pending.charAt(len - 1) == '\r') {
        pending.setLength(len - 1);
      }
      if (tooLong || pending.length() > maxLength) {
        tooLong = true;
        line = "";
      } else {
        line = pending.toString();
      }
    }
    if (first) {
      first = false;
      if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
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
      pos = limit = 0;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  long lineNumber() {
    return lineNumber;
  }

  String line() {
    return line;
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
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
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

package io.engagekit.core.io;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Builds canonical CSV rows straight into a character buffer, field by field, exactly as FastCSV
 * writes them with this project's settings (comma, double quote, LF, quotes only where required:
 * a field holding a comma, a quote, CR or LF, or a first field starting with {@code #}; quotes
 * doubled; absent and empty fields written as nothing). Numbers and timestamps are appended as
 * characters, with no {@code String} per field. Flushes to the writer in blocks. Not thread-safe.
 */
final class CsvText {
  private static final int FLUSH_AT = 1 << 14;

  private final Writer out;
  private final StringBuilder row = new StringBuilder(FLUSH_AT + 1024);
  private char[] block = new char[0];
  private int field;

  CsvText(Writer out) {
    this.out = out;
  }

  private void separate() {
    if (field++ > 0) {
      row.append(',');
    }
  }

  /** Free text: quoted when it must be. */
  void text(@Nullable String value) {
    separate();
    if (value == null || value.isEmpty()) {
      return;
    }
    boolean quote = field == 1 && value.charAt(0) == '#';
    for (int i = 0; !quote && i < value.length(); i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      row.append(value);
      return;
    }
    row.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        row.append('"');
      }
      row.append(c);
    }
    row.append('"');
  }

  /** A code: a token of {@code [a-z0-9_-]}, which never needs quotes. */
  void code(@Nullable String value) {
    separate();
    if (value != null) {
      row.append(value);
    }
  }

  /** A timestamp, as {@link Instant#toString} writes it. */
  void instant(@Nullable Instant value) {
    separate();
    if (value != null) {
      Values.appendInstant(value, row);
    }
  }

  /** A whole number, as {@link Long#toString} writes it. */
  void number(long value) {
    separate();
    row.append(value);
  }

  /** A decimal, as {@link Double#toString} writes it. */
  void decimal(double value) {
    separate();
    row.append(value);
  }

  /** An absent field. */
  void absent() {
    separate();
  }

  /** Ends the row; writes the buffer out when it is full. */
  void endRow() throws IOException {
    row.append('\n');
    field = 0;
    if (row.length() >= FLUSH_AT) {
      drain();
    }
  }

  /** Writes what is buffered to the writer. */
  void drain() throws IOException {
    int n = row.length();
    if (block.length < n) {
      block = new char[Math.max(n, FLUSH_AT + 1024)];
    }
    row.getChars(0, n, block, 0);
    out.write(block, 0, n);
    row.setLength(0);
  }
}

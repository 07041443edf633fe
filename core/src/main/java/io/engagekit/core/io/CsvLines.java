package io.engagekit.core.io;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits one physical line into RFC 4180 fields. A quoted field may contain the delimiter and
 * doubled quotes; a quote inside an unquoted field, text after a closing quote and an unclosed
 * quote are errors (none is silently repaired). Records cannot span lines: no field of the
 * canonical schemas may contain a line break.
 */
final class CsvLines {
  private CsvLines() {}

  /** The fields of one line, as ranges of the line's array; grows with the widest line seen. */
  static final class Fields {
    private int[] bounds = new int[32];
    private int count;

    /** How many fields the line has. */
    int count() {
      return count;
    }

    /** Where field {@code f} starts. */
    int start(int f) {
      return bounds[2 * f];
    }

    /** Where field {@code f} ends (exclusive). */
    int end(int f) {
      return bounds[2 * f + 1];
    }

    private void add(int start, int end) {
      if (2 * count + 2 > bounds.length) {
        bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
      }
      bounds[2 * count] = start;
      bounds[2 * count + 1] = end;
      count++;
    }
  }

  /** Splits {@code chars[from, to)} at runs of spaces and tabs, ignoring them at either end. */
  static void whitespace(char[] chars, int from, int to, Fields out) {
    out.count = 0;
    int i = from;
    while (true) {
      while (i < to && (chars[i] == ' ' || chars[i] == '\t')) {
        i++;
      }
      if (i == to) {
        return;
      }
      int start = i;
      while (i < to && chars[i] != ' ' && chars[i] != '\t') {
        i++;
      }
      out.add(start, i);
    }
  }

  /**
   * Splits {@code line} into {@code out} (cleared first).
   *
   * @return null on success, else the reason the line is malformed
   */
  static @Nullable String split(String line, char delimiter, List<String> out) {
    out.clear();
    char[] chars = line.toCharArray();
    Fields fields = new Fields();
    String error = split(chars, 0, chars.length, delimiter, fields);
    if (error == null) {
      for (int f = 0; f < fields.count; f++) {
        out.add(new String(chars, fields.start(f), fields.end(f) - fields.start(f)));
      }
    }
    return error;
  }

  /**
   * Splits {@code chars[from, to)} in place into {@code out}: a quoted field loses its quotes and
   * its doubled quotes become single, its text moving left inside its own range.
   *
   * @return null on success, else the reason the line is malformed
   */
  static @Nullable String split(char[] chars, int from, int to, char delimiter, Fields out) {
    out.count = 0;
    int i = from;
    while (true) {
      if (i < to && chars[i] == '"') {
        i++;
        int start = i;
        int write = i;
        while (true) {
          if (i >= to) {
            return "unclosed quote in field " + (out.count + 1);
          }
          char c = chars[i];
          if (c == '"') {
            if (i + 1 < to && chars[i + 1] == '"') {
              chars[write++] = '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            chars[write++] = c;
            i++;
          }
        }
        out.add(start, write);
        if (i == to) {
          return null;
        }
        if (chars[i] != delimiter) {
          return "text after the closing quote of field " + out.count;
        }
        i++;
      } else {
        int start = i;
        while (i < to && chars[i] != delimiter) {
          if (chars[i] == '"') {
            return "quote inside unquoted field " + (out.count + 1);
          }
          i++;
        }
        out.add(start, i);
        if (i == to) {
          return null;
        }
        i++;
      }
    }
  }
}

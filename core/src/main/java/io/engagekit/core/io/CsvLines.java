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

  /**
   * Splits {@code line} into {@code out} (cleared first).
   *
   * @return null on success, else the reason the line is malformed
   */
  static @Nullable String split(String line, char delimiter, List<String> out) {
    out.clear();
    int n = line.length();
    int i = 0;
    while (true) {
      if (i < n && line.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            return "unclosed quote in field " + (out.size() + 1);
          }
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              sb.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            sb.append(c);
            i++;
          }
        }
        out.add(sb.toString());
        if (i == n) {
          return null;
        }
        if (line.charAt(i) != delimiter) {
          return "text after the closing quote of field " + (out.size());
        }
        i++;
      } else {
        int start = i;
        while (i < n && line.charAt(i) != delimiter) {
          if (line.charAt(i) == '"') {
            return "quote inside unquoted field " + (out.size() + 1);
          }
          i++;
        }
        out.add(line.substring(start, i));
        if (i == n) {
          return null;
        }
        i++;
      }
    }
  }
}

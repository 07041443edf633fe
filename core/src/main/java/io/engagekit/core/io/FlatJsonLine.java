package io.engagekit.core.io;

/**
 * Reads the common JSON Lines row, a flat object of known keys with plain strings, numbers and
 * nulls, straight from the line's characters into {@link Cells}: no parser object and no string
 * per value. It reads only what is certainly valid and means the same to Jackson; at anything else
 * (an escape, a control character, a surrogate, a duplicate or unknown key, a value of the wrong
 * JSON type, a null where a value is required, {@code true}, a nested value, malformed text) it
 * gives up, and the caller parses the line with Jackson, which accepts it or names the error.
 * Immutable and thread-safe.
 */
final class FlatJsonLine {
  private final char[][] names;
  private final Schema.Field[] fields;

  FlatJsonLine(Schema<?> schema) {
    fields = schema.fields();
    names = new char[fields.length][];
    for (int f = 0; f < fields.length; f++) {
      names[f] = fields[f].name().toCharArray();
    }
  }

  /**
   * Reads {@code d[s, e)} into {@code cells} (cleared first).
   *
   * @return false if Jackson must read the line
   */
  boolean read(char[] d, int s, int e, Cells cells) {
    cells.clear();
    cells.data = d;
    long seen = 0; // keys read so far, null ones included: a repeated key is Jackson's to refuse
    int i = space(d, s, e);
    if (i == e || d[i] != '{') {
      return false;
    }
    i = space(d, i + 1, e);
    if (i < e && d[i] == '}') {
      return space(d, i + 1, e) == e;
    }
    while (true) {
      if (i == e || d[i] != '"') {
        return false;
      }
      int nameStart = ++i;
      while (i < e && d[i] != '"') {
        if (d[i] == '\\' || d[i] < 0x20) {
          return false;
        }
        i++;
      }
      if (i == e) {
        return false;
      }
      int f = field(d, nameStart, i);
      if (f < 0 || f >= 64 || (seen & (1L << f)) != 0) {
        return false;
      }
      seen |= 1L << f;
      i = space(d, i + 1, e);
      if (i == e || d[i] != ':') {
        return false;
      }
      i = space(d, i + 1, e);
      if (i == e) {
        return false;
      }
      char c = d[i];
      if (c == '"') {
        if (fields[f].type() != Schema.Type.STRING) {
          return false;
        }
        int start = ++i;
        while (i < e && d[i] != '"') {
          char x = d[i];
          if (x == '\\' || x < 0x20 || Character.isSurrogate(x)) {
            return false;
          }
          i++;
        }
        if (i == e) {
          return false;
        }
        cells.set(f, start, i);
        i++;
      } else if (c == 'n') {
        if (fields[f].required() || i + 4 > e || d[i + 1] != 'u' || d[i + 2] != 'l' || d[i + 3] != 'l') {
          return false;
        }
        i += 4;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        int start = i;
        int end = number(d, i, e);
        if (end < 0) {
          return false;
        }
        boolean whole = true;
        for (int k = start; k < end; k++) {
          if (d[k] == '.' || d[k] == 'e' || d[k] == 'E') {
            whole = false;
          }
        }
        Schema.Type type = fields[f].type();
        if (type == Schema.Type.STRING || (type == Schema.Type.INTEGER && !whole)) {
          return false;
        }
        cells.set(f, start, end);
        i = end;
      } else {
        return false;
      }
      i = space(d, i, e);
      if (i == e) {
        return false;
      }
      if (d[i] == '}') {
        return space(d, i + 1, e) == e;
      }
      if (d[i] != ',') {
        return false;
      }
      i = space(d, i + 1, e);
    }
  }

  /**
   * The end of the JSON number at {@code i} ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?},
   * followed by whitespace, a comma or a brace), or -1.
   */
  private static int number(char[] d, int i, int e) {
    int start = i;
    if (d[i] == '-') {
      i++;
    }
    if (i == e || !digit(d[i])) {
      return -1;
    }
    if (d[i] == '0') {
      i++;
    } else {
      while (i < e && digit(d[i])) {
        i++;
      }
    }
    if (i < e && d[i] == '.') {
      int from = ++i;
      while (i < e && digit(d[i])) {
        i++;
      }
      if (i == from) {
        return -1;
      }
    }
    if (i < e && (d[i] == 'e' || d[i] == 'E')) {
      i++;
      if (i < e && (d[i] == '+' || d[i] == '-')) {
        i++;
      }
      int from = i;
      while (i < e && digit(d[i])) {
        i++;
      }
      if (i == from) {
        return -1;
      }
    }
    if (i - start > 100 || (i < e && d[i] != ',' && d[i] != '}' && !space(d[i]))) {
      return -1;
    }
    return i;
  }

  private int field(char[] d, int from, int to) {
    for (int f = 0; f < names.length; f++) {
      char[] name = names[f];
      if (name.length == to - from && java.util.Arrays.equals(name, 0, name.length, d, from, to)) {
        return f;
      }
    }
    return -1;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static int space(char[] d, int i, int e) {
    while (i < e && space(d[i])) {
      i++;
    }
    return i;
  }
}

package io.engagekit.core.io;

import io.engagekit.core.Channel;
import io.engagekit.core.InvalidFieldException;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointBuilder;
import io.engagekit.core.TouchpointKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One row's field texts as ranges of a character array, so that the built-in schemas parse
 * numbers, timestamps and codes straight from the reader's buffer: a row costs its value and its
 * free-text strings, not a {@code String} per field. Every check and every message is the one the
 * text-based {@link Values} gives for the same text.
 *
 * <p>Customer ids, journey ids and types, segments and user-defined codes are interned per reader
 * in small caches of fixed size, so a file that repeats them (as every event log does) shares one
 * string per value while memory stays bounded whatever the input. One instance per reader; not
 * thread-safe.
 */
final class Cells {
  private static final int ID_CACHE = 1 << 10;
  private static final int CODE_CACHE = 32;

  /** Turns a row's cells into a value; the built-in schemas' rows read their fields in place. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(Cells cells, ZoneId zone);
  }

  /** Where the current row's field texts are. */
  char[] data = new char[0];

  private final int[] start;
  private final int[] end;
  private char[] scratch = new char[256];
  private int used;
  private final String[] ids = new String[ID_CACHE];
  private final int[] idHashes = new int[ID_CACHE];
  private final String[] texts = new String[ID_CACHE];
  private final int[] textHashes = new int[ID_CACHE];
  private final String[][] codeKeys = new String[Codes.OPEN_TABLES][CODE_CACHE];
  private final Object[][] codeValues = new Object[Codes.OPEN_TABLES][CODE_CACHE];
  private @Nullable TouchpointBuilder builder;

  /** Whether codes are read without case ({@link ReadOptions#foldCase()}). */
  boolean foldCase;
  /** The decimal separator of numbers ({@link ReadOptions#decimalSeparator()}). */
  char decimalSeparator = '.';

  Cells(int fields) {
    start = new int[fields];
    end = new int[fields];
  }

  /** Takes the options that change how cells read. */
  Cells reading(ReadOptions options) {
    foldCase = options.foldCase();
    decimalSeparator = options.decimalSeparator();
    return this;
  }

  /** Marks every field absent, for a new row. */
  void clear() {
    Arrays.fill(start, -1);
    used = 0;
  }

  /** Sets a field to the range {@code [from, to)} of {@link #data}. */
  void set(int field, int from, int to) {
    start[field] = from;
    end[field] = to;
  }

  /**
   * Copies a field's text into this row's own buffer, which then becomes {@link #data}: for
   * parsers (Jackson) whose buffer changes from token to token.
   */
  void copy(int field, char[] text, int offset, int length) {
    if (used + length > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, used + length));
    }
    System.arraycopy(text, offset, scratch, used, length);
    data = scratch;
    set(field, used, used + length);
    used += length;
  }

  /** Makes {@link #data} this row's own buffer, the one {@link #copy} fills. */
  void useScratch() {
    data = scratch;
  }

  boolean has(int field) {
    return start[field] >= 0;
  }

  /** A field's text as a new string, or null when absent. */
  @Nullable String text(int field) {
    int s = start[field];
    return s < 0 ? null : new String(data, s, end[field] - s);
  }

  /** Every field's text, in order, null when absent: what a {@link Schema.Parser} receives. */
  @Nullable String[] texts() {
    @Nullable String[] out = new String[start.length];
    for (int f = 0; f < out.length; f++) {
      out[f] = text(f);
    }
    return out;
  }

  private void require(int field, String name) {
    if (start[field] < 0) {
      throw new InvalidFieldException(name, "is required but was absent");
    }
  }

  /** This reader's touchpoint builder, set to the required fields with no optional one. */
  TouchpointBuilder touchpoint(String customer, Instant at, Channel channel, TouchpointKind kind) {
    TouchpointBuilder b = builder;
    if (b == null) {
      b = builder = Touchpoint.builder(customer, at, channel, kind);
      return b;
    }
    return b.customer(customer).at(at).channel(channel).kind(kind).clearOptional();
  }

  /** A required free-text field, shared as {@link #shared} does. */
  String required(int field, String name) {
    require(field, name);
    return shared(field);
  }

  /**
   * A required customer id: equal ids read close together share one string, found by hash (of the
   * length and the first 32 characters) in a cache of {@value #ID_CACHE} entries.
   */
  String id(int field, String name) {
    require(field, name);
    return intern(field, ids, idHashes);
  }

  /**
   * A present free-text field that repeats across rows (a journey id, a journey type, a segment):
   * shared like {@link #id}, in a cache of its own so that it does not push the ids out.
   */
  String shared(int field) {
    return intern(field, texts, textHashes);
  }

  private String intern(int field, String[] cache, int[] hashes) {
    int s = start[field];
    int e = end[field];
    int h = e - s;
    for (int i = s, hashed = Math.min(e, s + 32); i < hashed; i++) {
      h = 31 * h + data[i];
    }
    int slot = (h ^ (h >>> 16)) & (ID_CACHE - 1);
    String cached = cache[slot];
    if (cached != null && hashes[slot] == h && equal(cached, s, e)) {
      return cached;
    }
    String text = new String(data, s, e - s);
    cache[slot] = text;
    hashes[slot] = h;
    return text;
  }

  private boolean equal(String text, int s, int e) {
    if (text.length() != e - s) {
      return false;
    }
    for (int i = s; i < e; i++) {
      if (text.charAt(i - s) != data[i]) {
        return false;
      }
    }
    return true;
  }

  /** A required enumerated field. */
  <T> T code(int field, String name, Codes<T> codes) {
    require(field, name);
    return code(field, codes);
  }

  /** A present enumerated field: a built-in constant, a cached user-defined value or a new one. */
  @SuppressWarnings("unchecked")
  <T> T code(int field, Codes<T> codes) {
    int s = start[field];
    int e = end[field];
    if (foldCase) {
      lowerCase(field);
      s = start[field];
      e = end[field];
    }
    T builtIn = codes.builtIn(data, s, e);
    if (builtIn != null) {
      return builtIn;
    }
    if (codes.slot < 0) {
      return codes.make(new String(data, s, e - s));
    }
    String[] keys = codeKeys[codes.slot];
    int i = 0;
    for (; i < CODE_CACHE && keys[i] != null; i++) {
      if (equal(keys[i], s, e)) {
        return (T) codeValues[codes.slot][i];
      }
    }
    String code = new String(data, s, e - s);
    T made = codes.make(code);
    if (i < CODE_CACHE) {
      keys[i] = code;
      codeValues[codes.slot][i] = made;
    }
    return made;
  }

  double decimal(int field, String name) {
    int s = start[field];
    if (decimalSeparator == ',') {
      return Values.decimalComma(name, data, s, end[field]);
    }
    return Values.decimal(name, data, s, end[field]);
  }

  /** Lower-cases a field's ASCII letters, in this row's own buffer when it has any upper-case one. */
  private void lowerCase(int field) {
    int s = start[field];
    int e = end[field];
    boolean upper = false;
    for (int i = s; i < e && !upper; i++) {
      upper = data[i] >= 'A' && data[i] <= 'Z';
    }
    if (!upper) {
      return;
    }
    char[] lowered = new char[e - s];
    for (int i = s; i < e; i++) {
      char c = data[i];
      lowered[i - s] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    char[] row = data;
    copy(field, lowered, 0, lowered.length);
    if (row != data) {
      // copy() made the scratch buffer this row's data: carry the other fields over.
      for (int f = 0; f < start.length; f++) {
        if (f != field && start[f] >= 0) {
          char[] text = java.util.Arrays.copyOfRange(row, start[f], end[f]);
          copy(f, text, 0, text.length);
        }
      }
    }
  }

  long integer(int field, String name) {
    return Values.integer(name, data, start[field], end[field]);
  }

  int int32(int field, String name) {
    return Values.int32(name, data, start[field], end[field]);
  }

  Instant timestamp(int field, String name, ZoneId zone) {
    require(field, name);
    return Values.timestamp(name, data, start[field], end[field], zone);
  }
}

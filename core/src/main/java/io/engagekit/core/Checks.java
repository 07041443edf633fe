package io.engagekit.core;

import io.engagekit.core.internal.Text;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Argument checks shared by the model's values. Messages follow "field must …: actual". */
final class Checks {
  /** The earliest instant the model accepts: 0000-01-01T00:00:00Z. */
  static final Instant MIN_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
  /** The latest instant the model accepts: 9999-12-31T23:59:59.999999999Z. */
  static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  static final int MAX_ID_LENGTH = 256;

  /** Code → constant, per enum type; built once, read by every row a reader parses. */
  private static final ClassValue<Map<String, Enum<?>>> CODES =
      new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
          Map<String, Enum<?>> codes = new HashMap<>();
          for (Object constant : type.getEnumConstants()) {
            codes.put(code((Enum<?>) constant), (Enum<?>) constant);
          }
          return Map.copyOf(codes);
        }
      };

  private Checks() {}

  /** Checks an identifier: non-blank, at most 256 characters, no control characters. */
  static String id(String field, String value) {
    // One pass for the common id: printable ASCII, so not blank and free of control characters.
    int n = value.length();
    boolean printable = n > 0 && n <= MAX_ID_LENGTH;
    boolean visible = false;
    for (int i = 0; printable && i < n; i++) {
      char c = value.charAt(i);
      printable = c >= ' ' && c < 0x7f;
      visible |= c != ' ';
    }
    if (printable && visible) {
      return value;
    }
    if (value.isBlank()) {
      throw new InvalidFieldException(field, "must not be blank but was " + quote(value));
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw new InvalidFieldException(
          field, "must be at most " + MAX_ID_LENGTH + " characters but was " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new InvalidFieldException(
            field,
            String.format(Locale.ROOT, "must not contain control characters but has U+%04X at index %d", (int) c, i));
      }
    }
    return value;
  }

  static Instant instant(String field, Instant value) {
    if (value.isBefore(MIN_INSTANT) || value.isAfter(MAX_INSTANT)) {
      throw new InvalidFieldException(
          field, "must be between years 0000 and 9999 but was " + value);
    }
    return value;
  }

  static String quote(String value) {
    return Text.quote(value);
  }

  /** Returns the lower_snake_case code of an enum constant. */
  static String code(Enum<?> constant) {
    return NAMES.get(constant.getDeclaringClass())[constant.ordinal()];
  }

  /** Constant → code, per enum type by ordinal: lower-cased once, not for every row a writer writes. */
  private static final ClassValue<String[]> NAMES =
      new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
          Object[] constants = type.getEnumConstants();
          String[] names = new String[constants.length];
          for (int i = 0; i < names.length; i++) {
            names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
          }
          return names;
        }
      };

  /** Parses a lower_snake_case code into one of an enum's constants, naming the field on failure. */
  static <E extends Enum<E>> E fromCode(String field, Class<E> type, String code) {
    Enum<?> found = CODES.get(type).get(code);
    if (found != null) {
      return type.cast(found);
    }
    StringBuilder expected = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      expected.append(expected.length() == 0 ? "" : ", ").append(code(constant));
    }
    throw new InvalidFieldException(
        field, "must be one of [" + expected + "] but was " + quote(code));
  }
}

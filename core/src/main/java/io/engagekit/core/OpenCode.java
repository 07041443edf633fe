package io.engagekit.core;

import java.util.Map;

import java.util.function.Function;

/**
 * A code from an open set: built-in constants plus user-defined tokens matching
 * {@code [a-z0-9][a-z0-9_-]*}. Equal codes of the same type are equal values.
 */
abstract class OpenCode {
  static final int MAX_LENGTH = 64;

  private final String code;
  private final boolean builtIn;

  OpenCode(String code, boolean builtIn) {
    this.code = code;
    this.builtIn = builtIn;
  }

  /**
   * Returns the code as written in the canonical file formats.
   *
   * @return the code, such as {@code face_to_face}
   */
  public final String code() {
    return code;
  }

  /**
   * Returns whether this is one of the built-in constants rather than a user-defined code.
   *
   * @return whether the code is built in
   */
  public final boolean isBuiltIn() {
    return builtIn;
  }

  @Override
  public final boolean equals(Object o) {
    return o == this
        || (o != null && o.getClass() == getClass() && ((OpenCode) o).code.equals(code));
  }

  @Override
  public final int hashCode() {
    return code.hashCode();
  }

  /** Returns the code. */
  @Override
  public final String toString() {
    return code;
  }

  /**
   * Returns the built-in value for a code, or a new user-defined one after checking the token.
   * User-defined values are not interned: the set of codes a reader can see is unbounded.
   */
  static <T extends OpenCode> T of(
      String field, String code, Map<String, T> builtIns, Function<String, T> userDefined) {
    T builtIn = builtIns.get(code);
    if (builtIn != null) {
      return builtIn;
    }
    return userDefined.apply(checkToken(field, code));
  }

  static String checkToken(String field, String code) {
    boolean ok = !code.isEmpty() && code.length() <= MAX_LENGTH && isLeading(code.charAt(0));
    for (int i = 1; ok && i < code.length(); i++) {
      char c = code.charAt(i);
      ok = isLeading(c) || c == '_' || c == '-';
    }
    if (!ok) {
      throw new InvalidFieldException(
          field,
          "must be a built-in code or a token matching [a-z0-9][a-z0-9_-]* of at most "
              + MAX_LENGTH
              + " characters but was "
              + Checks.quote(code));
    }
    return code;
  }

  private static boolean isLeading(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

}

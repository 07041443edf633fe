package io.engagekit.core;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kind of content exchanged at a touchpoint. The built-in types are in-house, user-generated,
 * news and analytical; users add their own with {@link #of(String)}.
 *
 * <p>Values are immutable and thread-safe; two content types with the same code are equal.
 *
 * @since 0.1
 */
public final class ContentType extends OpenCode implements Comparable<ContentType> {
  /** Content the company made. */
  public static final ContentType IN_HOUSE = new ContentType("in_house", true);
  /** Content customers made (reviews, posts, videos). */
  public static final ContentType USER_GENERATED = new ContentType("user_generated", true);
  /** News and announcements. */
  public static final ContentType NEWS = new ContentType("news", true);
  /** Analyses, reports, benchmarks and other data-driven content. */
  public static final ContentType ANALYTICAL = new ContentType("analytical", true);

  private static final Map<String, ContentType> BUILT_INS;

  static {
    Map<String, ContentType> builtIns = new LinkedHashMap<>();
    for (ContentType value : List.of(IN_HOUSE, USER_GENERATED, NEWS, ANALYTICAL)) {
      builtIns.put(value.code(), value);
    }
    BUILT_INS = java.util.Collections.unmodifiableMap(builtIns);
  }

  private ContentType(String code, boolean builtIn) {
    super(code, builtIn);
  }

  /**
   * Returns the content type with the given code: a built-in constant, or a user-defined one.
   *
   * @param code a built-in code such as {@code in_house}, or a user-defined token
   *     matching {@code [a-z0-9][a-z0-9_-]*} of at most 64 characters
   * @return the content type
   * @throws InvalidFieldException (field {@code content_type}) if the code is not a valid token
   * @throws NullPointerException if {@code code} is null
   */
  public static ContentType of(String code) {
    return of("content_type", requireNonNull(code, "code"), BUILT_INS, c -> new ContentType(c, false));
  }

  /**
   * Returns the built-in constants in declaration order.
   *
   * @return the built-in values
   */
  public static List<ContentType> builtIns() {
    return List.copyOf(BUILT_INS.values());
  }

  /**
   * Orders by code.
   *
   * @param other another value
   * @return the comparison of the codes
   */
  @Override
  public int compareTo(ContentType other) {
    return code().compareTo(other.code());
  }
}

package io.engagekit.core;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a touchpoint happens. The built-in channels are those of the engagement literature (face
 * to face, retail, mobile, social, web, kiosk, virtual, video) plus phone, email and chat; users
 * add their own with {@link #of(String)}.
 *
 * <p>Values are immutable and thread-safe; two channels with the same code are equal.
 *
 * @since 0.1
 */
public final class Channel extends OpenCode implements Comparable<Channel> {
  /** In person, outside a shop (events, visits, meetings). */
  public static final Channel FACE_TO_FACE = new Channel("face_to_face", true);
  /** In a shop or branch. */
  public static final Channel RETAIL = new Channel("retail", true);
  /** A mobile app or mobile messaging. */
  public static final Channel MOBILE = new Channel("mobile", true);
  /** Social networks. */
  public static final Channel SOCIAL = new Channel("social", true);
  /** A web site. */
  public static final Channel WEB = new Channel("web", true);
  /** A self-service kiosk or terminal. */
  public static final Channel KIOSK = new Channel("kiosk", true);
  /** Virtual worlds, virtual assistants, online events. */
  public static final Channel VIRTUAL = new Channel("virtual", true);
  /** Video: streams, video calls, video content. */
  public static final Channel VIDEO = new Channel("video", true);
  /** A phone call. */
  public static final Channel PHONE = new Channel("phone", true);
  /** Email. */
  public static final Channel EMAIL = new Channel("email", true);
  /** Live or bot chat. */
  public static final Channel CHAT = new Channel("chat", true);

  private static final Map<String, Channel> BUILT_INS;

  static {
    Map<String, Channel> builtIns = new LinkedHashMap<>();
    for (Channel value : List.of(FACE_TO_FACE, RETAIL, MOBILE, SOCIAL, WEB, KIOSK, VIRTUAL, VIDEO, PHONE, EMAIL, CHAT)) {
      builtIns.put(value.code(), value);
    }
    BUILT_INS = java.util.Collections.unmodifiableMap(builtIns);
  }

  private Channel(String code, boolean builtIn) {
    super(code, builtIn);
  }

  /**
   * Returns the channel with the given code: a built-in constant, or a user-defined one.
   *
   * @param code a built-in code such as {@code face_to_face}, or a user-defined token
   *     matching {@code [a-z0-9][a-z0-9_-]*} of at most 64 characters
   * @return the channel
   * @throws InvalidFieldException (field {@code channel}) if the code is not a valid token
   * @throws NullPointerException if {@code code} is null
   */
  public static Channel of(String code) {
    return of("channel", requireNonNull(code, "code"), BUILT_INS, c -> new Channel(c, false));
  }

  /**
   * Returns the built-in constants in declaration order.
   *
   * @return the built-in values
   */
  public static List<Channel> builtIns() {
    return List.copyOf(BUILT_INS.values());
  }

  /**
   * Orders by code.
   *
   * @param other another value
   * @return the comparison of the codes
   */
  @Override
  public int compareTo(Channel other) {
    return code().compareTo(other.code());
  }
}

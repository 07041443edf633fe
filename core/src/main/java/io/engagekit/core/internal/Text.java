package io.engagekit.core.internal;

import java.util.Locale;

/** Text helpers shared by the model and its readers. Not exported: not API. */
public final class Text {
  private Text() {}

  /**
   * Quotes a value for an error message: single quotes, at most 64 characters shown, control
   * characters escaped so that a message stays on one line.
   *
   * @param value the value as given
   * @return the quoted value
   */
  public static String quote(String value) {
    String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
    StringBuilder sb = new StringBuilder(shown.length() + 2).append('\'');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (Character.isISOControl(c)) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }
}

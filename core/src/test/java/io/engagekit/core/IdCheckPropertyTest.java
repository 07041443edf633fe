package io.engagekit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code Checks.id} reads the common id (printable ASCII) in one pass and everything else with the
 * full rules. Over seeded random ids drawn from printable ASCII, spaces, tabs, control characters
 * and non-ASCII letters and spaces, of lengths around the 256 limit, it gives exactly what the full
 * rules give: the id, or the same error. A failing seed is printed.
 */
final class IdCheckPropertyTest {
  private static final String ALPHABET = "ab9-_ .,\"' \t\u0007\u001f\u007f\u0085\u00a0\u2003é日😀";

  /** The rules as written before the one-pass check: blank, then length, then control characters. */
  private static String reference(String value) {
    if (value.isBlank()) {
      return "must not be blank";
    }
    if (value.length() > 256) {
      return "must be at most 256 characters but was " + value.length();
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return String.format(Locale.ROOT, "must not contain control characters but has U+%04X at index %d",
            (int) value.charAt(i), i);
      }
    }
    return "ok";
  }

  private static String actual(String value) {
    try {
      assertEquals(value, Checks.id("customer", value));
      return "ok";
    } catch (InvalidFieldException e) {
      String reason = e.reason();
      return reason.startsWith("must not be blank") ? "must not be blank" : reason;
    }
  }

  @Test
  void onePass_agreesWithTheFullRules() {
    SplittableRandom seeds = new SplittableRandom(5);
    for (int i = 0; i < 100_000; i++) {
      long seed = seeds.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      int length = r.nextInt(8) == 0 ? 250 + r.nextInt(12) : r.nextInt(12);
      StringBuilder b = new StringBuilder();
      boolean ascii = r.nextBoolean();
      while (b.length() < length) {
        b.append(ascii ? (char) (' ' + r.nextInt(95)) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
      String id = b.toString();
      assertEquals(reference(id), actual(id), "seed " + seed + ": " + id);
    }
  }
}

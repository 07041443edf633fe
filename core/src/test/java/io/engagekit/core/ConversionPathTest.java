package io.engagekit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The text form of a path: channels separated by {@code >}, spaces around it ignored, an empty
 * channel refused (issue 22: {@code a>b>c} was one channel and {@code a > > c} gave a channel named
 * {@code > c}, both silently).
 */
final class ConversionPathTest {
  @Test
  void unspacedSeparators_separateChannels() {
    assertEquals(List.of("a", "b", "c"), ConversionPath.parse("a>b>c", 1, 1, 0).channels());
    assertEquals(List.of("a", "b", "c"), ConversionPath.parse("a >b> c", 1, 1, 0).channels());
    assertEquals(List.of("Google Ads", "Mailing"), ConversionPath.parse("Google Ads > Mailing", 1, 1, 0).channels());
  }

  @Test
  void anEmptyChannel_isRefused_namingIt() {
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> ConversionPath.parse("a > > c", 1, 1, 0));
    assertEquals("path", e.field());
    assertEquals("channel 2 of 'a > > c' is empty (channels are separated by '>')", e.reason());
    assertThrows(InvalidFieldException.class, () -> ConversionPath.parse("a >", 1, 1, 0));
    assertThrows(InvalidFieldException.class, () -> ConversionPath.parse("> a", 1, 1, 0));
    assertThrows(InvalidFieldException.class, () -> ConversionPath.parse("   ", 1, 1, 0));
  }

  @Test
  void aChannelNamedWithTheSeparator_isRefused() {
    InvalidFieldException e = assertThrows(InvalidFieldException.class,
        () -> new ConversionPath(List.of("a", "b>c"), 1, 1, 0));
    assertEquals("channel 2 'b>c' must not contain '>', which separates channels", e.reason());
  }

  /** Any valid path's text parses back to it, over seeded random channel lists. */
  @Test
  void text_parsesBackToThePath() {
    String alphabet = "ab c-_.日😀";
    for (long seed = 1; seed <= 2_000; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<String> channels = new ArrayList<>();
      for (int k = 0, n = 1 + r.nextInt(6); k < n; k++) {
        StringBuilder c = new StringBuilder();
        for (int i = 0, len = 1 + r.nextInt(8); i < len; i++) {
          c.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        String channel = c.toString().strip();
        channels.add(channel.isEmpty() ? "x" : channel);
      }
      ConversionPath p = new ConversionPath(channels, 1, 2, 3);
      assertEquals(p, ConversionPath.parse(p.text(), 1, 2, 3), "seed " + seed);
    }
  }
}

package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LineReaderTest {
  private static List<String> lines(String text, int max) throws IOException {
    List<String> out = new ArrayList<>();
    try (LineReader r = new LineReader(new StringReader(text), max)) {
      while (r.next()) {
        out.add(r.lineNumber() + (r.tooLong() ? "!" : ":") + r.line());
      }
    }
    return out;
  }

  @Test
  void next_splitsOnLfAndDropsOneCr() throws IOException {
    assertEquals(List.of("1:a", "2:b\r", "3:", "4:c"), lines("a\r\nb\r\r\n\nc", 100));
    assertEquals(List.of("1:a"), lines("a\n", 100));
    assertEquals(List.of(), lines("", 100));
  }

  @Test
  void next_overLongLines_areFlaggedAndSkippedInBoundedMemory() throws IOException {
    String longLine = "y".repeat(200_000);
    assertEquals(List.of("1:ok", "2!", "3:ok"), lines("ok\n" + longLine + "\nok", 1000));
    assertEquals(List.of("1!"), lines(longLine, 1000));
    assertEquals(List.of("1:" + "z".repeat(10)), lines("z".repeat(10) + "\r\n", 10));
  }

  @Test
  void next_readsAcrossBufferBoundariesFromATrickleReader() throws IOException {
    String text = "first line\nsecond\n" + "w".repeat(70_000) + "\nlast";
    Reader trickle = new Reader() {
      int pos;

      @Override
      public int read(char[] buf, int off, int len) {
        if (pos == text.length()) {
          return -1;
        }
        int n = Math.min(3, Math.min(len, text.length() - pos));
        text.getChars(pos, pos + n, buf, off);
        pos += n;
        return n;
      }

      @Override
      public void close() {}
    };
    List<String> out = new ArrayList<>();
    try (LineReader r = new LineReader(trickle, 100_000)) {
      while (r.next()) {
        out.add(r.line());
      }
    }
    assertEquals(List.of("first line", "second", "w".repeat(70_000), "last"), out);
  }

  @Test
  void blank_isOnlySpacesAndTabs() throws IOException {
    try (LineReader r = new LineReader(new StringReader(" \t\n x\n"), 100)) {
      assertTrue(r.next());
      assertTrue(r.blank());
      assertTrue(r.next());
      assertFalse(r.blank());
    }
  }
}

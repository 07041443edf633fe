package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Touchpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: one byte that is not valid in the input's charset cost the whole file ("reading failed
 * after 0 rows", or after 48,513 rows when it was in row 50,001, from the decoder's read-ahead).
 * Through a {@link DecodingReader} it costs its line, named with the byte and its offset; the rest is
 * read, and a file in another charset is read as that.
 */
final class DecodingReaderTest {
  private static final String HEADER = "customer,timestamp,channel,kind,value\n";

  private static byte[] bytes(String text, Charset charset) {
    return text.getBytes(charset);
  }

  private static List<Touchpoint> read(byte[] input, Charset charset, List<Reject> rejects) throws IOException {
    List<Touchpoint> out = new ArrayList<>();
    try (RowReader<Touchpoint> r = Schema.TOUCHPOINTS.reader(DecodingReader.of(new ByteArrayInputStream(input), charset),
        Format.CSV, ReadOptions.lenient(), rejects::add)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void aLatin1Byte_inUtf8_rejectsItsLineOnly() throws IOException {
    String rows = HEADER + "a,2026-01-01T00:00:00Z,web,visit,\n" + "café,2026-01-02T00:00:00Z,web,visit,\n"
        + "b,2026-01-03T00:00:00Z,web,visit,\n";
    byte[] latin1 = bytes(rows, StandardCharsets.ISO_8859_1);
    List<Reject> rejects = new ArrayList<>();
    List<Touchpoint> read = read(latin1, StandardCharsets.UTF_8, rejects);
    assertEquals(List.of("a", "b"), read.stream().map(Touchpoint::customer).toList());
    int offset = rows.indexOf('é');
    assertEquals(List.of(new Reject(3, Optional.empty(), "line is not valid UTF-8: byte 0xE9 at offset " + offset
        + " of the input (if the file is in another encoding, read it as that)")), rejects);
    // Read as what it is, nothing is rejected and the id is whole.
    List<Reject> none = new ArrayList<>();
    assertEquals(List.of("a", "café", "b"),
        read(latin1, StandardCharsets.ISO_8859_1, none).stream().map(Touchpoint::customer).toList());
    assertEquals(List.of(), none);
  }

  @Test
  void aBadByteFarIntoTheFile_isRejectedAtItsLine_andEveryOtherRowRead() throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 1; i <= 60_000; i++) {
      text.append(i == 50_000 ? "caf\u00e9" : "c" + i).append(",2026-01-01T00:00:00Z,web,visit,\n");
    }
    byte[] input = bytes(text.toString(), StandardCharsets.ISO_8859_1);
    List<Reject> rejects = new ArrayList<>();
    assertEquals(59_999, read(input, StandardCharsets.UTF_8, rejects).size());
    assertEquals(1, rejects.size());
    assertEquals(50_001, rejects.get(0).line());
  }

  @Test
  void windows1252_decodesItsPunctuation_andRejectsItsUndefinedBytes() throws IOException {
    Charset cp1252 = Charset.forName("windows-1252");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(bytes(HEADER, cp1252));
    b.writeBytes(bytes("\u20acuro,2026-01-01T00:00:00Z,web,visit,\n", cp1252)); // 0x80 is the euro sign
    b.writeBytes(new byte[] {'x', (byte) 0x81}); // 0x81 is undefined in windows-1252
    b.writeBytes(bytes(",2026-01-01T00:00:00Z,web,visit,\n", cp1252));
    List<Reject> rejects = new ArrayList<>();
    List<Touchpoint> read = read(b.toByteArray(), cp1252, rejects);
    assertEquals(List.of("\u20acuro"), read.stream().map(Touchpoint::customer).toList());
    assertEquals(1, rejects.size());
    assertTrue(rejects.get(0).reason().startsWith("line is not valid windows-1252: byte 0x81 at offset "),
        rejects.get(0).reason());
  }

  @Test
  void aSequenceCutShortByTheEnd_aBomAndCrlf() throws IOException {
    byte[] start = bytes("\uFEFF" + HEADER.replace("\n", "\r\n") + "a,2026-01-01T00:00:00Z,web,visit,\r\nb",
        StandardCharsets.UTF_8);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(start);
    b.write(0xC3); // the first byte of a two-byte sequence, then the end
    List<Reject> rejects = new ArrayList<>();
    assertEquals(List.of("a"), read(b.toByteArray(), StandardCharsets.UTF_8, rejects).stream()
        .map(Touchpoint::customer).toList());
    assertEquals(3, rejects.size() == 1 ? rejects.get(0).line() : -1, rejects.toString());
  }

  @Test
  void anUndecodableHeader_makesTheInputUnreadable() {
    byte[] input = bytes("customér,timestamp,channel,kind\n", StandardCharsets.ISO_8859_1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read(input, StandardCharsets.UTF_8, new ArrayList<>()));
    assertTrue(e.getMessage().startsWith("line 1: the CSV header is not valid UTF-8: byte 0xE9 at offset 6"),
        e.getMessage());
    TransactionLogFormat log = TransactionLogFormat.of(Delimiter.COMMA, true, Column.number(1), Column.number(2),
        Column.number(3));
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> {
      try (RowReader<Touchpoint> r = log.reader(DecodingReader.of(new ByteArrayInputStream(input),
          StandardCharsets.UTF_8), ReadOptions.lenient(), x -> { })) {
        r.forEachRemaining(x -> { });
      }
    });
    assertTrue(t.getMessage().startsWith("line 1: the header is not valid UTF-8"), t.getMessage());
  }

  /**
   * The characters equal the JDK's own decoding with replacement (one U+FFFD per undecodable
   * sequence), whatever the read sizes, over seeded byte strings of valid text and junk.
   */
  @Test
  void decodesAsTheJdkDoes_overRandomBytesAndReadSizes() throws IOException {
    for (long seed = 1; seed <= 400; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int k = 0, n = r.nextInt(400); k < n; k++) {
        switch (r.nextInt(4)) {
          case 0 -> b.write(r.nextInt(256));
          case 1 -> b.writeBytes("é日😀\n".substring(r.nextInt(3)).getBytes(StandardCharsets.UTF_8));
          default -> b.write('a' + r.nextInt(26));
        }
      }
      byte[] input = b.toByteArray();
      for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
        String expected = new String(input, charset);
        StringBuilder got = new StringBuilder();
        try (Reader in = DecodingReader.of(trickle(input, r), charset)) {
          char[] buf = new char[1 + r.nextInt(9)];
          for (int n = in.read(buf, 0, 1 + r.nextInt(buf.length)); n >= 0; n = in.read(buf, 0, 1 + r.nextInt(buf.length))) {
            got.append(buf, 0, n);
          }
        }
        assertEquals(expected, got.toString(), "seed " + seed + ", " + charset);
      }
    }
  }

  /** A stream that hands out a few bytes at a time, as a pipe may. */
  private static InputStream trickle(byte[] input, SplittableRandom r) {
    return new ByteArrayInputStream(input) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + r.nextInt(7)));
      }
    };
  }
}

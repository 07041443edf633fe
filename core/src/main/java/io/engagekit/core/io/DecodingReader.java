package io.engagekit.core.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a byte stream for the readers of this package so that bytes that are not valid in the
 * charset cost one rejected row instead of the whole input: each malformed or unmappable sequence
 * becomes U+FFFD and is remembered with its byte offset, and a reader ({@link Schema#reader},
 * {@link TransactionLogFormat#reader}) given this {@code Reader} rejects the line holding it, naming
 * the line, the byte and its offset, and reads on. A header line that cannot be decoded makes the
 * input unreadable, as any malformed header does.
 *
 * <p>An {@code InputStreamReader} reports such bytes as an exception from its read-ahead, which a
 * reader can only turn into "the input is unreadable", with no line, after however many rows it
 * had buffered. Read any other {@code Reader} as before.
 *
 * <pre>{@code
 * try (RowReader<Touchpoint> rows = Schema.TOUCHPOINTS.reader(
 *     DecodingReader.of(Files.newInputStream(path), StandardCharsets.UTF_8), Format.CSV,
 *     ReadOptions.lenient(), rejects::add)) { ... }
 * }</pre>
 *
 * <p>Not thread-safe, like any {@code Reader} one reader consumes; closing it closes the stream.
 *
 * @since 0.3
 */
public final class DecodingReader extends Reader {
  private final InputStream in;
  private final Charset charset;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14).flip();
  /** The offset in the input of {@code bytes.array()[0]}. */
  private long bytesBefore;
  /** Characters handed out so far. */
  private long charsOut;
  private boolean eof;
  private boolean flushed;
  /** A character owed to the next read (a replacement, or the low half of a pair), or -1. */
  private int owed = -1;
  private final CharBuffer pair = CharBuffer.allocate(2);
  /** Undecodable sequences not yet claimed by a line: where each is in the characters, its byte offset, its first byte. */
  private long[] errorChars = new long[8];
  private long[] errorBytes = new long[8];
  private int[] errorByte = new int[8];
  private int errorHead;
  private int errorTail;

  private DecodingReader(InputStream in, Charset charset) {
    this.in = in;
    this.charset = charset;
    this.decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * Returns a reader of a byte stream in a charset.
   *
   * @param in the bytes
   * @param charset their charset, such as UTF-8, ISO-8859-1 or windows-1252
   * @return the reader
   */
  public static DecodingReader of(InputStream in, Charset charset) {
    return new DecodingReader(requireNonNull(in, "in"), requireNonNull(charset, "charset"));
  }

  /**
   * Returns the charset the bytes are decoded from.
   *
   * @return the charset
   */
  public Charset charset() {
    return charset;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    if (owed >= 0) {
      out.put((char) owed);
      owed = -1;
    }
    while (out.hasRemaining()) {
      CoderResult r;
      if (!eof) {
        r = decoder.decode(bytes, out, false);
      } else if (!flushed) {
        r = decoder.decode(bytes, out, true); // a sequence cut short by the end is malformed here
        if (r.isUnderflow()) {
          r = decoder.flush(out);
          flushed = r.isUnderflow();
        }
      } else {
        break;
      }
      if (r.isError()) {
        error(charsOut + (out.position() - off), bytesBefore + bytes.position(), bytes.get(bytes.position()) & 0xff);
        bytes.position(bytes.position() + r.length());
        if (out.hasRemaining()) {
          out.put('\uFFFD');
        } else {
          owed = '\uFFFD';
        }
      } else if (r.isOverflow()) {
        if (out.position() == off) { // room for one character, and the next is a pair: hand out its first half
          // (an undecodable sequence after it stays in the bytes, for the next decode to report)
          pair.clear();
          decoder.decode(bytes, pair, eof);
          pair.flip();
          if (!pair.hasRemaining()) {
            continue;
          }
          out.put(pair.get());
          if (pair.hasRemaining()) {
            owed = pair.get();
          }
        }
        break;
      } else if (!eof) { // underflow: more bytes, unless there are characters to hand out already
        if (out.position() > off) {
          break;
        }
        fill();
      }
    }
    int n = out.position() - off;
    charsOut += n;
    return n == 0 ? -1 : n;
  }

  private void fill() throws IOException {
    bytesBefore += bytes.position();
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void error(long atChar, long atByte, int firstByte) {
    if (errorTail == errorChars.length) {
      int live = errorTail - errorHead;
      if (errorHead > 0 && live < errorChars.length / 2) {
        System.arraycopy(errorChars, errorHead, errorChars, 0, live);
        System.arraycopy(errorBytes, errorHead, errorBytes, 0, live);
        System.arraycopy(errorByte, errorHead, errorByte, 0, live);
      } else {
        errorChars = Arrays.copyOf(errorChars, errorChars.length * 2);
        errorBytes = Arrays.copyOf(errorBytes, errorBytes.length * 2);
        errorByte = Arrays.copyOf(errorByte, errorByte.length * 2);
      }
      errorHead = 0;
      errorTail = live;
    }
    errorChars[errorTail] = atChar;
    errorBytes[errorTail] = atByte;
    errorByte[errorTail++] = firstByte;
  }

  /**
   * Claims the undecodable sequences among the characters before {@code end} (a line's end, lines
   * claimed in order) and describes the first of them, or returns null if there is none.
   */
  @Nullable String claim(long end) {
    if (errorHead == errorTail || errorChars[errorHead] >= end) {
      return null;
    }
    String reason = String.format(Locale.ROOT, "is not valid %s: byte 0x%02X at offset %d of the input%s",
        charset.name(), errorByte[errorHead], errorBytes[errorHead],
        charset.name().equals("UTF-8") ? " (if the file is in another encoding, read it as that)" : "");
    while (errorHead < errorTail && errorChars[errorHead] < end) {
      errorHead++;
    }
    if (errorHead == errorTail) {
      errorHead = errorTail = 0;
    }
    return reason;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

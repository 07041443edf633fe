package io.engagekit.core.io;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Cadence;
import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Initiator;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointBuilder;
import io.engagekit.core.TouchpointKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * A compact binary form of touchpoints and survey responses, for state that must keep events (a
 * strategy's snapshot, a stream processor's buffer or network records). Every field round-trips
 * exactly: {@code read(write(e)).equals(e)}.
 *
 * <p>Layout {@value #VERSION}: a tag byte ({@code 1} touchpoint, {@code 2} survey response), the
 * customer id, the instant (epoch second as a long, nanosecond as an int), then for a touchpoint
 * the channel and kind codes, a bit set of the optional fields present and those fields in a fixed
 * order; for a survey response the metric code, the answer and the channel if known. Codes are
 * written as text (modified UTF-8), so that new channels, kinds and enum constants never change the
 * meaning of old bytes. The layout carries no version of its own: whoever stores the bytes stores
 * {@link #VERSION} beside them, and {@link #read(DataInput, int)} reads every layout this class ever
 * wrote.
 *
 * <p>{@link #read} validates as the builders do: bytes that do not form a valid event are refused
 * with an {@link IOException} naming the field and the reason, never turned into a different event.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class EventCodec {
  /** The layout {@link #write} writes. */
  public static final int VERSION = 1;

  private static final byte TOUCHPOINT = 1;
  private static final byte SURVEY = 2;

  private static final int CONTENT_TYPE = 1;
  private static final int CADENCE = 1 << 1;
  private static final int INITIATOR = 1 << 2;
  private static final int VALUE = 1 << 3;
  private static final int QUANTITY = 1 << 4;
  private static final int REACH = 1 << 5;
  private static final int SENTIMENT = 1 << 6;
  private static final int RESPONSE = 1 << 7;
  private static final int JOURNEY = 1 << 8;
  private static final int STEP = 1 << 9;
  private static final int KNOWN = (1 << 10) - 1;

  private EventCodec() {}

  /**
   * Writes an event in layout {@value #VERSION}.
   *
   * @param event a touchpoint or survey response
   * @param out where to write
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if the event is of another type
   */
  public static void write(EngagementEvent event, DataOutput out) throws IOException {
    requireNonNull(event, "event");
    requireNonNull(out, "out");
    if (event instanceof Touchpoint t) {
      out.writeByte(TOUCHPOINT);
      writeHead(t, out);
      out.writeUTF(t.channel().code());
      out.writeUTF(t.kind().code());
      int flags = (t.contentType().isPresent() ? CONTENT_TYPE : 0)
          | (t.cadence().isPresent() ? CADENCE : 0)
          | (t.initiator().isPresent() ? INITIATOR : 0)
          | (t.value().isPresent() ? VALUE : 0)
          | (t.quantity().isPresent() ? QUANTITY : 0)
          | (t.reach().isPresent() ? REACH : 0)
          | (t.sentiment().isPresent() ? SENTIMENT : 0)
          | (t.responseSeconds().isPresent() ? RESPONSE : 0)
          | (t.journey().isPresent() ? JOURNEY : 0)
          | (t.step().isPresent() ? STEP : 0);
      out.writeShort(flags);
      if (t.contentType().isPresent()) {
        out.writeUTF(t.contentType().get().code());
      }
      if (t.cadence().isPresent()) {
        out.writeUTF(t.cadence().get().code());
      }
      if (t.initiator().isPresent()) {
        out.writeUTF(t.initiator().get().code());
      }
      if (t.value().isPresent()) {
        out.writeDouble(t.value().getAsDouble());
      }
      if (t.quantity().isPresent()) {
        out.writeLong(t.quantity().getAsLong());
      }
      if (t.reach().isPresent()) {
        out.writeLong(t.reach().getAsLong());
      }
      if (t.sentiment().isPresent()) {
        out.writeDouble(t.sentiment().getAsDouble());
      }
      if (t.responseSeconds().isPresent()) {
        out.writeDouble(t.responseSeconds().getAsDouble());
      }
      if (t.journey().isPresent()) {
        out.writeUTF(t.journey().get());
      }
      if (t.step().isPresent()) {
        out.writeInt(t.step().getAsInt());
      }
    } else if (event instanceof SurveyResponse s) {
      out.writeByte(SURVEY);
      writeHead(s, out);
      out.writeUTF(s.metric().code());
      out.writeInt(s.score());
      out.writeBoolean(s.channel().isPresent());
      if (s.channel().isPresent()) {
        out.writeUTF(s.channel().get().code());
      }
    } else {
      throw new IllegalArgumentException("cannot encode a " + event.getClass().getName()
          + ": only touchpoints and survey responses have a binary form");
    }
  }

  /**
   * Reads an event written by {@link #write}.
   *
   * @param in where to read
   * @return the event
   * @throws IOException if reading fails, or the bytes are not a valid event; the message names the
   *     field and the reason
   */
  public static EngagementEvent read(DataInput in) throws IOException {
    return read(in, VERSION);
  }

  /**
   * Reads an event written in a given layout.
   *
   * @param in where to read
   * @param version the layout the bytes were written in, from 1 to {@value #VERSION}
   * @return the event
   * @throws IOException if reading fails, the layout is unknown, or the bytes are not a valid event
   */
  public static EngagementEvent read(DataInput in, int version) throws IOException {
    requireNonNull(in, "in");
    if (version < 1 || version > VERSION) {
      throw new IOException("event layout " + version + " is not supported; this codec reads 1 to " + VERSION);
    }
    byte tag = in.readByte();
    try {
      if (tag == TOUCHPOINT) {
        return readTouchpoint(in);
      }
      if (tag == SURVEY) {
        String customer = in.readUTF();
        Instant at = readInstant(in);
        SurveyMetric metric = SurveyMetric.fromCode(in.readUTF());
        int score = in.readInt();
        Optional<Channel> channel = in.readBoolean() ? Optional.of(Channel.of(in.readUTF())) : Optional.empty();
        return new SurveyResponse(customer, at, metric, score, channel);
      }
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new IOException("not a valid event: " + e.getMessage(), e);
    }
    throw new IOException("not a valid event: unknown event tag " + tag);
  }

  private static Touchpoint readTouchpoint(DataInput in) throws IOException {
    String customer = in.readUTF();
    Instant at = readInstant(in);
    Channel channel = Channel.of(in.readUTF());
    TouchpointKind kind = TouchpointKind.fromCode(in.readUTF());
    TouchpointBuilder b = Touchpoint.builder(customer, at, channel, kind);
    int flags = in.readUnsignedShort();
    if ((flags & ~KNOWN) != 0) {
      throw new IOException("not a valid event: unknown optional-field flags " + Integer.toBinaryString(flags));
    }
    if ((flags & CONTENT_TYPE) != 0) {
      b.contentType(ContentType.of(in.readUTF()));
    }
    if ((flags & CADENCE) != 0) {
      b.cadence(Cadence.fromCode(in.readUTF()));
    }
    if ((flags & INITIATOR) != 0) {
      b.initiator(Initiator.fromCode(in.readUTF()));
    }
    if ((flags & VALUE) != 0) {
      b.value(in.readDouble());
    }
    if ((flags & QUANTITY) != 0) {
      b.quantity(in.readLong());
    }
    if ((flags & REACH) != 0) {
      b.reach(in.readLong());
    }
    if ((flags & SENTIMENT) != 0) {
      b.sentiment(in.readDouble());
    }
    if ((flags & RESPONSE) != 0) {
      b.responseSeconds(in.readDouble());
    }
    if ((flags & JOURNEY) != 0) {
      b.journey(in.readUTF());
    }
    if ((flags & STEP) != 0) {
      b.step(in.readInt());
    }
    return b.build();
  }

  private static void writeHead(EngagementEvent e, DataOutput out) throws IOException {
    out.writeUTF(e.customer());
    out.writeLong(e.at().getEpochSecond());
    out.writeInt(e.at().getNano());
  }

  private static Instant readInstant(DataInput in) throws IOException {
    long seconds = in.readLong();
    int nanos = in.readInt();
    if (nanos < 0 || nanos > 999_999_999) {
      throw new IOException("not a valid event: field timestamp has nanosecond " + nanos);
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }
}

package io.engagekit.core;


import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One interaction between a customer and the company: who, when, through which channel and of what
 * kind, with optional detail.
 *
 * <p>Customer, instant, channel and kind are required; everything else is optional:
 *
 * <ul>
 *   <li>{@code value}: monetary value (purchases), finite and {@code >= 0};
 *   <li>{@code quantity}: number of items (purchases from transaction logs), {@code >= 0};
 *   <li>{@code reach}: the audience of a public post, review or complaint, {@code >= 0};
 *   <li>{@code sentiment}: from {@code -1} (negative) to {@code 1} (positive);
 *   <li>{@code response_seconds}: how long the company took to respond (support contacts),
 *       finite and {@code >= 0};
 *   <li>{@code journey} and {@code step}: the journey the touchpoint belongs to and its position in
 *       it ({@code step >= 0}); a step requires a journey;
 *   <li>content type, cadence and initiator.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. Equality compares every field; doubles compare as by
 * {@link Double#compare}, so {@code 0.0} and {@code -0.0} differ. Build one with {@link
 * #builder(String, Instant, Channel, TouchpointKind)}:
 *
 * <pre>{@code
 * Touchpoint purchase = Touchpoint.builder("c-42", Instant.parse("2026-03-01T10:15:30Z"),
 *         Channel.WEB, TouchpointKind.PURCHASE)
 *     .value(59.90)
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class Touchpoint implements EngagementEvent {
  /** A double field that is absent: NaN, never exposed as a number. */
  static final double ABSENT = Double.NaN;

  private final String customer;
  private final Instant at;
  private final Channel channel;
  private final TouchpointKind kind;
  private final @Nullable ContentType contentType;
  private final @Nullable Cadence cadence;
  private final @Nullable Initiator initiator;
  private final double value; // NaN when absent: never exposed as a number
  private final long quantity; // -1 when absent
  private final long reach; // -1 when absent
  private final double sentiment; // NaN when absent
  private final double responseSeconds; // NaN when absent
  private final @Nullable String journey;
  private final int step; // -1 when absent

  Touchpoint(TouchpointBuilder b) {
    this.customer = b.customer;
    this.at = b.at;
    this.channel = b.channel;
    this.kind = b.kind;
    this.contentType = b.contentType;
    this.cadence = b.cadence;
    this.initiator = b.initiator;
    this.value = b.value;
    this.quantity = b.quantity;
    this.reach = b.reach;
    this.sentiment = b.sentiment;
    this.responseSeconds = b.responseSeconds;
    this.journey = b.journey;
    this.step = b.step;
    if (step >= 0 && journey == null) {
      throw new InvalidFieldException("step", "requires a journey but the journey was absent");
    }
  }

  /**
   * Returns a builder for a touchpoint with the required fields set.
   *
   * @param customer the customer id
   * @param at when it happened, between years 0000 and 9999
   * @param channel where it happened
   * @param kind what happened
   * @return a new builder
   * @throws InvalidFieldException if the customer id or instant is invalid
   * @throws NullPointerException if an argument is null
   */
  public static TouchpointBuilder builder(String customer, Instant at, Channel channel, TouchpointKind kind) {
    return new TouchpointBuilder(customer, at, channel, kind);
  }

  /**
   * Returns a touchpoint with only the required fields.
   *
   * @param customer the customer id
   * @param at when it happened
   * @param channel where it happened
   * @param kind what happened
   * @return the touchpoint
   * @throws InvalidFieldException if the customer id or instant is invalid
   * @throws NullPointerException if an argument is null
   */
  public static Touchpoint of(String customer, Instant at, Channel channel, TouchpointKind kind) {
    return builder(customer, at, channel, kind).build();
  }

  /**
   * Returns a builder initialised with this touchpoint's fields.
   *
   * @return a new builder
   */
  public TouchpointBuilder toBuilder() {
    TouchpointBuilder b = new TouchpointBuilder(customer, at, channel, kind);
    b.contentType = contentType;
    b.cadence = cadence;
    b.initiator = initiator;
    b.value = value;
    b.quantity = quantity;
    b.reach = reach;
    b.sentiment = sentiment;
    b.responseSeconds = responseSeconds;
    b.journey = journey;
    b.step = step;
    return b;
  }

  @Override
  public String customer() {
    return customer;
  }

  @Override
  public Instant at() {
    return at;
  }

  /**
   * Returns where the touchpoint happened.
   *
   * @return the channel
   */
  public Channel channel() {
    return channel;
  }

  /**
   * Returns what happened.
   *
   * @return the kind
   */
  public TouchpointKind kind() {
    return kind;
  }

  /**
   * Returns the kind of content exchanged, if known.
   *
   * @return the content type, or empty
   */
  public Optional<ContentType> contentType() {
    return Optional.ofNullable(contentType);
  }

  /**
   * Returns the content type, or a fallback when it is not known; does not allocate.
   *
   * @param fallback what to return when the content type is not known; may be null
   * @return the content type or the fallback
   */
  public @Nullable ContentType contentTypeOr(@Nullable ContentType fallback) {
    return contentType != null ? contentType : fallback;
  }

  /**
   * Returns the cadence of the contact, if known.
   *
   * @return the cadence, or empty
   */
  public Optional<Cadence> cadence() {
    return Optional.ofNullable(cadence);
  }

  /**
   * Returns who started the touchpoint, if known.
   *
   * @return the initiator, or empty
   */
  public Optional<Initiator> initiator() {
    return Optional.ofNullable(initiator);
  }

  /**
   * Returns who initiated the contact, or a fallback when it is not known; does not allocate.
   *
   * @param fallback what to return when the initiator is not known; may be null
   * @return the initiator or the fallback
   */
  public @Nullable Initiator initiatorOr(@Nullable Initiator fallback) {
    return initiator != null ? initiator : fallback;
  }

  /**
   * Returns the monetary value, if any.
   *
   * @return a finite value {@code >= 0}, or empty
   */
  public OptionalDouble value() {
    return value == value ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /**
   * Returns the monetary value, or a fallback when there is none; does not allocate.
   *
   * @param fallback what to return when the touchpoint has no value
   * @return the value or the fallback
   */
  public double valueOr(double fallback) {
    return value == value ? value : fallback;
  }

  /**
   * Returns the number of items, if known.
   *
   * @return a count {@code >= 0}, or empty
   */
  public OptionalLong quantity() {
    return quantity >= 0 ? OptionalLong.of(quantity) : OptionalLong.empty();
  }

  /**
   * Returns the audience that saw this touchpoint, if known.
   *
   * @return a count {@code >= 0}, or empty
   */
  public OptionalLong reach() {
    return reach >= 0 ? OptionalLong.of(reach) : OptionalLong.empty();
  }

  /**
   * Returns the audience that saw this touchpoint, or a fallback when it is not known; does not
   * allocate.
   *
   * @param fallback what to return when the reach is not known
   * @return a count {@code >= 0}, or the fallback
   * @since 0.3
   */
  public long reachOr(long fallback) {
    return reach >= 0 ? reach : fallback;
  }

  /**
   * Returns the sentiment, or a fallback when it is not known; does not allocate.
   *
   * @param fallback what to return when the sentiment is not known
   * @return a value in {@code [-1, 1]}, or the fallback
   */
  public double sentimentOr(double fallback) {
    return sentiment == sentiment ? sentiment : fallback;
  }

  /**
   * Returns the sentiment, if known.
   *
   * @return a value in {@code [-1, 1]}, or empty
   */
  public OptionalDouble sentiment() {
    return sentiment == sentiment ? OptionalDouble.of(sentiment) : OptionalDouble.empty();
  }

  /**
   * Returns how long the company took to respond, in seconds, or a fallback when it is not known;
   * does not allocate.
   *
   * @param fallback what to return when the response time is not known
   * @return a finite value {@code >= 0}, or the fallback
   */
  public double responseSecondsOr(double fallback) {
    return responseSeconds == responseSeconds ? responseSeconds : fallback;
  }

  /**
   * Returns how long the company took to respond, if known.
   *
   * @return a finite value {@code >= 0}, or empty
   */
  public OptionalDouble responseSeconds() {
    return responseSeconds == responseSeconds
        ? OptionalDouble.of(responseSeconds)
        : OptionalDouble.empty();
  }

  /**
   * Returns the id of the journey this touchpoint belongs to, if any.
   *
   * @return the journey id, or empty
   */
  public Optional<String> journey() {
    return Optional.ofNullable(journey);
  }

  /**
   * Returns the position of this touchpoint in its journey, if known.
   *
   * @return a step {@code >= 0}, or empty
   */
  public OptionalInt step() {
    return step >= 0 ? OptionalInt.of(step) : OptionalInt.empty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Touchpoint)) {
      return false;
    }
    Touchpoint t = (Touchpoint) o;
    return customer.equals(t.customer)
        && at.equals(t.at)
        && channel.equals(t.channel)
        && kind == t.kind
        && Objects.equals(contentType, t.contentType)
        && cadence == t.cadence
        && initiator == t.initiator
        && Double.compare(value, t.value) == 0
        && quantity == t.quantity
        && reach == t.reach
        && Double.compare(sentiment, t.sentiment) == 0
        && Double.compare(responseSeconds, t.responseSeconds) == 0
        && Objects.equals(journey, t.journey)
        && step == t.step;
  }

  @Override
  public int hashCode() {
    int h = customer.hashCode();
    h = 31 * h + at.hashCode();
    h = 31 * h + channel.hashCode();
    h = 31 * h + kind.hashCode();
    h = 31 * h + Objects.hashCode(contentType);
    h = 31 * h + Objects.hashCode(cadence);
    h = 31 * h + Objects.hashCode(initiator);
    h = 31 * h + Double.hashCode(value);
    h = 31 * h + Long.hashCode(quantity);
    h = 31 * h + Long.hashCode(reach);
    h = 31 * h + Double.hashCode(sentiment);
    h = 31 * h + Double.hashCode(responseSeconds);
    h = 31 * h + Objects.hashCode(journey);
    return 31 * h + step;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("Touchpoint[customer=")
            .append(customer)
            .append(", at=")
            .append(at)
            .append(", channel=")
            .append(channel)
            .append(", kind=")
            .append(kind.code());
    if (contentType != null) {
      sb.append(", content_type=").append(contentType);
    }
    if (cadence != null) {
      sb.append(", cadence=").append(cadence.code());
    }
    if (initiator != null) {
      sb.append(", initiator=").append(initiator.code());
    }
    if (value == value) {
      sb.append(", value=").append(value);
    }
    if (quantity >= 0) {
      sb.append(", quantity=").append(quantity);
    }
    if (reach >= 0) {
      sb.append(", reach=").append(reach);
    }
    if (sentiment == sentiment) {
      sb.append(", sentiment=").append(sentiment);
    }
    if (responseSeconds == responseSeconds) {
      sb.append(", response_seconds=").append(responseSeconds);
    }
    if (journey != null) {
      sb.append(", journey=").append(journey);
    }
    if (step >= 0) {
      sb.append(", step=").append(step);
    }
    return sb.append(']').toString();
  }
}

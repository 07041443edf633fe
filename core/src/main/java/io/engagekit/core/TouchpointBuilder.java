package io.engagekit.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Touchpoint} ({@link Touchpoint#builder}, {@link Touchpoint#toBuilder}). Each
 * setter validates its argument at once, so an error names the field that was wrong. Not
 * thread-safe; reusable (each {@link #build()} makes a new value). Before 0.2 this was the nested
 * class {@code Touchpoint.Builder}.
 *
 * @since 0.2
 */
public final class TouchpointBuilder {
  String customer;
  Instant at;
  Channel channel;
  TouchpointKind kind;
  @Nullable ContentType contentType;
  @Nullable Cadence cadence;
  @Nullable Initiator initiator;
  double value = Touchpoint.ABSENT;
  long quantity = -1;
  long reach = -1;
  double sentiment = Touchpoint.ABSENT;
  double responseSeconds = Touchpoint.ABSENT;
  @Nullable String journey;
  int step = -1;

  TouchpointBuilder(String customer, Instant at, Channel channel, TouchpointKind kind) {
    this.customer = Customer.checkId(requireNonNull(customer, "customer"));
    this.at = Checks.instant("timestamp", requireNonNull(at, "at"));
    this.channel = requireNonNull(channel, "channel");
    this.kind = requireNonNull(kind, "kind");
  }

  /**
   * Sets the customer id.
   *
   * @param id the customer id
   * @return this builder
   * @throws InvalidFieldException (field {@code customer}) if the id is invalid
   */
  public TouchpointBuilder customer(String id) {
    this.customer = Customer.checkId(requireNonNull(id, "id"));
    return this;
  }

  /**
   * Sets the instant.
   *
   * @param instant when it happened, between years 0000 and 9999
   * @return this builder
   * @throws InvalidFieldException (field {@code timestamp}) if out of range
   */
  public TouchpointBuilder at(Instant instant) {
    this.at = Checks.instant("timestamp", requireNonNull(instant, "instant"));
    return this;
  }

  /**
   * Sets the channel.
   *
   * @param channel where it happened
   * @return this builder
   */
  public TouchpointBuilder channel(Channel channel) {
    this.channel = requireNonNull(channel, "channel");
    return this;
  }

  /**
   * Sets the kind.
   *
   * @param kind what happened
   * @return this builder
   */
  public TouchpointBuilder kind(TouchpointKind kind) {
    this.kind = requireNonNull(kind, "kind");
    return this;
  }

  /**
   * Sets the content type.
   *
   * @param type the content type
   * @return this builder
   */
  public TouchpointBuilder contentType(ContentType type) {
    this.contentType = requireNonNull(type, "type");
    return this;
  }

  /**
   * Sets the cadence.
   *
   * @param cadence the cadence
   * @return this builder
   */
  public TouchpointBuilder cadence(Cadence cadence) {
    this.cadence = requireNonNull(cadence, "cadence");
    return this;
  }

  /**
   * Sets the initiator.
   *
   * @param initiator who started the touchpoint
   * @return this builder
   */
  public TouchpointBuilder initiator(Initiator initiator) {
    this.initiator = requireNonNull(initiator, "initiator");
    return this;
  }

  /**
   * Sets the monetary value.
   *
   * @param value a finite amount {@code >= 0}
   * @return this builder
   * @throws InvalidFieldException (field {@code value}) if negative, NaN or infinite
   */
  public TouchpointBuilder value(double value) {
    this.value = nonNegativeFinite("value", value);
    return this;
  }

  /**
   * Sets the number of items.
   *
   * @param quantity a count {@code >= 0}
   * @return this builder
   * @throws InvalidFieldException (field {@code quantity}) if negative
   */
  public TouchpointBuilder quantity(long quantity) {
    if (quantity < 0) {
      throw new InvalidFieldException("quantity", "must be >= 0 but was " + quantity);
    }
    this.quantity = quantity;
    return this;
  }

  /**
   * Sets the reach: the audience of a public post, review or complaint.
   *
   * @param reach a count {@code >= 0}
   * @return this builder
   * @throws InvalidFieldException (field {@code reach}) if negative
   */
  public TouchpointBuilder reach(long reach) {
    if (reach < 0) {
      throw new InvalidFieldException("reach", "must be >= 0 but was " + reach);
    }
    this.reach = reach;
    return this;
  }

  /**
   * Sets the sentiment.
   *
   * @param sentiment a value in {@code [-1, 1]}
   * @return this builder
   * @throws InvalidFieldException (field {@code sentiment}) if out of range or NaN
   */
  public TouchpointBuilder sentiment(double sentiment) {
    if (!(sentiment >= -1.0 && sentiment <= 1.0)) {
      throw new InvalidFieldException("sentiment", "must be in [-1, 1] but was " + sentiment);
    }
    this.sentiment = sentiment;
    return this;
  }

  /**
   * Sets the response time.
   *
   * @param seconds a finite number of seconds {@code >= 0}
   * @return this builder
   * @throws InvalidFieldException (field {@code response_seconds}) if negative, NaN or infinite
   */
  public TouchpointBuilder responseSeconds(double seconds) {
    this.responseSeconds = nonNegativeFinite("response_seconds", seconds);
    return this;
  }

  /**
   * Sets the journey this touchpoint belongs to.
   *
   * @param id the journey id: non-blank, at most 256 characters, no control characters
   * @return this builder
   * @throws InvalidFieldException (field {@code journey}) if the id is invalid
   */
  public TouchpointBuilder journey(String id) {
    this.journey = Checks.id("journey", requireNonNull(id, "id"));
    return this;
  }

  /**
   * Sets the position in the journey. A touchpoint with a step must also have a journey.
   *
   * @param step a position {@code >= 0}
   * @return this builder
   * @throws InvalidFieldException (field {@code step}) if negative
   */
  public TouchpointBuilder step(int step) {
    if (step < 0) {
      throw new InvalidFieldException("step", "must be >= 0 but was " + step);
    }
    this.step = step;
    return this;
  }

  /**
   * Unsets every optional field (content type, cadence, initiator, value, quantity, reach,
   * sentiment, response time, journey and step), keeping the customer, instant, channel and kind:
   * a producer that makes many touchpoints (a reader, a simulator) sets those four and the
   * optional fields it has, and builds, without a new builder for each.
   *
   * @return this builder
   * @since 0.2
   */
  public TouchpointBuilder clearOptional() {
    contentType = null;
    cadence = null;
    initiator = null;
    value = Touchpoint.ABSENT;
    quantity = -1;
    reach = -1;
    sentiment = Touchpoint.ABSENT;
    responseSeconds = Touchpoint.ABSENT;
    journey = null;
    step = -1;
    return this;
  }

  /**
   * Builds the touchpoint.
   *
   * @return a new touchpoint
   * @throws InvalidFieldException (field {@code step}) if a step was set without a journey
   */
  public Touchpoint build() {
    return new Touchpoint(this);
  }

  private static double nonNegativeFinite(String field, double x) {
    if (!(x >= 0.0 && x <= Double.MAX_VALUE)) {
      throw new InvalidFieldException(field, "must be finite and >= 0 but was " + x);
    }
    return x;
  }
}

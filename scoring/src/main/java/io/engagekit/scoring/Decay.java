package io.engagekit.scoring;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the weight of an event fades with its age: the one decay primitive every strategy shares.
 *
 * <ul>
 *   <li>{@link #exponential(Duration) exponential}: weight {@code 2^(-age / halfLife)};
 *   <li>{@link #linear(Duration) linear}: weight {@code max(0, 1 - age / horizon)};
 *   <li>{@link #window(Duration) window}: weight 1 while {@code age < length}, then 0 (points expire);
 *   <li>{@link #none() none}: weight 1 forever.
 * </ul>
 *
 * <p>A decay makes {@link DecayedSum}s: fixed-size, mergeable running sums of decayed values. Decay
 * values are immutable and thread-safe; equal kinds and scales are equal.
 *
 * @param kind the shape of the decay
 * @param scale the half-life, horizon or window length; {@link Duration#ZERO} for {@code none}
 * @since 0.1
 */
public record Decay(Kind kind, Duration scale) {
  /** The shapes of decay. */
  public enum Kind {
    /** Halves every {@code scale}. */
    EXPONENTIAL,
    /** Falls in a straight line to zero at {@code scale}. */
    LINEAR,
    /** Stays whole until {@code scale}, then drops to zero. */
    WINDOW,
    /** Never fades. */
    NONE
  }

  /**
   * Validates the decay.
   *
   * @param kind see the class description
   * @param scale see the class description
   * @throws IllegalArgumentException if the scale is not positive (or, for {@code NONE}, not zero)
   */
  public Decay {
    requireNonNull(kind, "kind");
    requireNonNull(scale, "scale");
    if (kind == Kind.NONE ? !scale.isZero() : (scale.isNegative() || scale.isZero())) {
      throw new IllegalArgumentException(
          kind == Kind.NONE
              ? "scale must be zero for decay none but was " + scale
              : "scale of " + kind.name().toLowerCase(java.util.Locale.ROOT) + " decay must be positive but was " + scale);
    }
  }

  /**
   * Returns exponential decay.
   *
   * @param halfLife the age at which an event weighs one half, positive
   * @return the decay
   */
  public static Decay exponential(Duration halfLife) {
    return new Decay(Kind.EXPONENTIAL, halfLife);
  }

  /**
   * Returns linear decay to zero.
   *
   * @param horizon the age at which an event weighs nothing, positive
   * @return the decay
   */
  public static Decay linear(Duration horizon) {
    return new Decay(Kind.LINEAR, horizon);
  }

  /**
   * Returns a sliding window: events count fully until they are {@code length} old.
   *
   * @param length the age at which events expire, positive
   * @return the decay
   */
  public static Decay window(Duration length) {
    return new Decay(Kind.WINDOW, length);
  }

  /**
   * Returns no decay.
   *
   * @return the decay under which every event weighs 1
   */
  public static Decay none() {
    return new Decay(Kind.NONE, Duration.ZERO);
  }

  /**
   * Returns the weight of an event of the given age.
   *
   * @param ageSeconds the age in seconds, {@code >= 0}
   * @return the weight, in {@code [0, 1]}
   * @throws IllegalArgumentException if the age is negative or NaN
   */
  public double weight(double ageSeconds) {
    if (!(ageSeconds >= 0)) {
      throw new IllegalArgumentException("age must be >= 0 seconds but was " + ageSeconds);
    }
    double s = scaleSeconds();
    switch (kind) {
      case EXPONENTIAL:
        return Math.pow(2.0, -ageSeconds / s);
      case LINEAR:
        return Math.max(0.0, 1.0 - ageSeconds / s);
      case WINDOW:
        return ageSeconds < s ? 1.0 : 0.0;
      case NONE:
        return 1.0;
      default:
        throw new AssertionError(kind);
    }
  }

  /**
   * Returns a new, empty running sum under this decay.
   *
   * @return an empty sum
   */
  public DecayedSum newSum() {
    return new DecayedSum(this);
  }

  /** The scale in seconds, with nanosecond resolution. */
  double scaleSeconds() {
    return scale.getSeconds() + scale.getNano() / 1e9;
  }
}

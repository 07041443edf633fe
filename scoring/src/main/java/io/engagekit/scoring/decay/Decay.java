package io.engagekit.scoring.decay;

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
  /**
   * The shapes of decay. Each knows its weight and how a {@link DecayedSum} keeps it: exponential
   * and none as one sum relative to the latest event, linear and window in slots.
   */
  public enum Kind {
    /** Halves every {@code scale}. */
    EXPONENTIAL {
      @Override
      double weight(double age, double scale) {
        return exp2(-age / scale);
      }
    },
    /** Falls in a straight line to zero at {@code scale}. */
    LINEAR {
      @Override
      double weight(double age, double scale) {
        return Math.max(0.0, 1.0 - age / scale);
      }

      @Override
      boolean slotted() {
        return true;
      }

      @Override
      double slotValue(double value, double moment, double age, double scale, double inverse) {
        // times 1/scale, not divided by scale twice: 1,290 -> ~910 ns a read (RESULTS.md 2026-11-22)
        return Math.max(0.0, value * (1.0 - age * inverse) + moment * inverse);
      }
    },
    /** Stays whole until {@code scale}, then drops to zero. */
    WINDOW {
      @Override
      double weight(double age, double scale) {
        return age < scale ? 1.0 : 0.0;
      }

      @Override
      boolean slotted() {
        return true;
      }

      @Override
      double slotValue(double value, double moment, double age, double scale, double inverse) {
        return age * value - moment < scale * value ? value : 0.0; // mean time of the slot within the window
      }
    },
    /** Never fades. */
    NONE {
      @Override
      double weight(double age, double scale) {
        return 1.0;
      }

      @Override
      double rate(double scale) {
        return 0.0; // a factor 2^(-age * 0) = 1: the exponential sum with an infinite half-life
      }
    };

    /** The weight of an event {@code age} seconds old under a scale of {@code scale} seconds. */
    abstract double weight(double age, double scale);

    /** Whether a running sum keeps slots (linear, window) rather than one rescaled sum. */
    boolean slotted() {
      return false;
    }

    /** The halvings per second of a rescaled sum's factor {@code 2^(-age · rate)}. */
    double rate(double scale) {
      return 1.0 / scale;
    }

    /**
     * The value as of an instant of one slot holding {@code value} and {@code moment} (the
     * value-weighted offsets from its start), whose start is {@code age} seconds old.
     */
    double slotValue(double value, double moment, double age, double scale, double inverse) {
      throw new AssertionError(this + " keeps no slots");
    }
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
    return kind.weight(ageSeconds, scaleSeconds());
  }

  /**
   * Returns a new, empty running sum under this decay.
   *
   * @return an empty sum
   */
  public DecayedSum newSum() {
    return new DecayedSum(this);
  }

  /* 2^(j/64) for j = 0..63, from Math.pow (within 1 ulp). */
  private static final double[] EXP2_TABLE = new double[64];

  static {
    for (int j = 0; j < 64; j++) {
      EXP2_TABLE[j] = Math.pow(2.0, j / 64.0);
    }
  }

  private static final double LN2 = 0.6931471805599453;

  /**
   * Returns {@code 2^x} for {@code x <= 0}, within a few ulps of {@link Math#pow(double, double)
   * Math.pow(2, x)} (the tests check 4e-16 relative), at a fraction of its cost: the exponential
   * factor is the one transcendental call on the per-event path of every exponentially decayed
   * strategy. {@code x = e + j/64 + r} with integer {@code e}, {@code j} in 0..63 and {@code r} in
   * [0, 1/64): {@code 2^x = 2^e · 2^(j/64) · exp(r ln 2)}, the middle factor from a table and the
   * last from a degree-6 Taylor polynomial (truncation below 3e-18 relative).
   *
   * @param x an exponent {@code <= 0}; NaN gives NaN
   * @return {@code 2^x}, in [0, 1]
   */
  public static double exp2(double x) {
    if (!(x > -1075.0)) {
      return x != x ? x : 0.0; // NaN stays NaN; below 2^-1075 rounds to 0
    }
    if (x >= 0.0) {
      return x == 0.0 ? 1.0 : Math.pow(2.0, x);
    }
    double scaled = x * 64.0; // exact: a power of two
    double whole = Math.floor(scaled);
    double y = (scaled - whole) * (LN2 / 64.0); // scaled - whole is exact, in [0, 1)
    int n = (int) whole; // in [-68800, -1]
    double p = 1.0 + y * (1.0 + y * (1.0 / 2 + y * (1.0 / 6 + y * (1.0 / 24 + y * (1.0 / 120 + y * (1.0 / 720))))));
    int e = n >> 6; // floor(n / 64)
    double m = EXP2_TABLE[n & 63] * p;
    if (e >= -1022) {
      return m * Double.longBitsToDouble((long) (e + 1023) << 52);
    }
    return Math.scalb(m, e); // subnormal results: one correctly rounded scaling
  }

  /**
   * The scale in seconds, with nanosecond resolution.
   * @return the scale in seconds
   */
  public double scaleSeconds() {
    return scale.getSeconds() + scale.getNano() / 1e9;
  }
}

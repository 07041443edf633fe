package io.engagekit.scoring.decay;

import static java.util.Objects.requireNonNull;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * A running sum of non-negative values, each weighted by its {@link Decay decayed} weight: {@code
 * Σ vᵢ · weight(asOf − tᵢ)}. Fixed size, and mergeable: {@code a.combine(b)} equals the sum of
 * both event sets, in any order and any split, within floating-point rounding (1e-12 relative).
 *
 * <ul>
 *   <li><b>Exponential</b> and <b>none</b> are exact in arithmetic, not in floating point: the
 *       rounding of each addition depends on the order of the events, so two orders agree to
 *       1e-12 relative, not to the last bit. The exponential sum is kept relative to a
 *       reference instant (the latest event) and rescaled when a later event or a merge moves it,
 *       so no weight ever exceeds 1 and nothing overflows however far apart the events are.
 *   <li><b>Linear</b> and <b>window</b> keep 64 slots of {@code scale / 64}, aligned to the epoch
 *       so that merges line up exactly. Within a slot, {@code Σv} and {@code Σv·(t − slot start)}
 *       make linear decay exact for every slot wholly inside the horizon; only the one slot that
 *       straddles the horizon is weighed as if its events stood at their value-weighted mean
 *       time, an error of at most {@code 1/64} of that slot's values. Window expiry is likewise
 *       exact to within one slot. Events more than 65 slots older than the latest have zero weight
 *       for every instant the sum can be read at, and are not kept.
 *   <li><b>As-of before the latest event.</b> A sum cannot forget: read as of an instant before
 *       the latest event it has taken, it is read as of that event ({@link #latest()}).
 *   <li>An empty sum is 0 at every instant.
 * </ul>
 *
 * <p>Not thread-safe. {@code add} does not allocate. Memory: exponential and none hold three
 * numbers (48 bytes a sum, the decay's constants shared by all its sums); linear and window two
 * arrays of 65 doubles besides.
 *
 * @since 0.1
 */
public final class DecayedSum {
  /* design note
   * Exponential: S_ref = Σ v_i 2^{-(ref - t_i)/h} with ref = max t_i. A later event at t > ref
   * rescales S by 2^{-(t - ref)/h} (a factor <= 1) and adds v; an earlier one adds v 2^{-(ref - t)/h}.
   * Reading at a >= ref multiplies by 2^{-(a - ref)/h}. All factors lie in [0, 1]: no overflow, no NaN.
   * Linear: Σ v_i (1 - (a - t_i)/H) over one slot = V (1 - (a - s)/H) + M / H, where V = Σ v_i and
   * M = Σ v_i (t_i - s), s the slot start: exact while every t_i in the slot is within H of a.
   */
  static final int SLOTS = 64;

  /** No slots: exponential and none keep one sum, and share this. */
  private static final double[] NO_SLOTS = new double[0];
  /**
   * The constants of each decay, shared by all its sums: a sum is part of a customer's state, kept
   * small. Bounded: past {@value #MAX_SHAPES} decays, a sum keeps its own copy.
   */
  private static final java.util.concurrent.ConcurrentHashMap<Decay, Shape> SHAPES =
      new java.util.concurrent.ConcurrentHashMap<>();
  static final int MAX_SHAPES = 4096;

  /**
   * What a decay's sums share.
   *
   * @param decay the decay
   * @param scale its scale in seconds
   * @param inverse the kind's rate (1 / scale, 0 for none): multiply, never divide, per slot
   * @param slotted whether sums keep slots
   * @param width the slot width in seconds (linear, window)
   */
  private record Shape(Decay decay, double scale, double inverse, boolean slotted, double width) {
    static Shape of(Decay decay) {
      double scale = decay.scaleSeconds();
      boolean slotted = decay.kind().slotted();
      return new Shape(decay, scale, decay.kind().rate(scale), slotted, slotted ? scale / SLOTS : 0.0);
    }
  }

  private final Shape shape;
  private double latest = Double.NEGATIVE_INFINITY; // epoch seconds of the latest event
  private double sum; // exponential: relative to latest; none: plain
  private long newestSlot = Long.MIN_VALUE;
  private final double[] values;
  private final double[] moments;

  DecayedSum(Decay decay) {
    Shape known = SHAPES.get(requireNonNull(decay, "decay"));
    if (known == null) {
      known = Shape.of(decay);
      if (SHAPES.size() < MAX_SHAPES) {
        Shape raced = SHAPES.putIfAbsent(decay, known);
        known = raced != null ? raced : known;
      }
    }
    this.shape = known;
    this.values = shape.slotted ? new double[SLOTS + 1] : NO_SLOTS;
    this.moments = shape.slotted ? new double[SLOTS + 1] : NO_SLOTS;
  }

  /**
   * Returns the decay of this sum.
   *
   * @return the decay
   */
  public Decay decay() {
    return shape.decay;
  }

  /**
   * Returns whether no event has been added.
   *
   * @return whether the sum is empty
   */
  public boolean isEmpty() {
    return latest == Double.NEGATIVE_INFINITY;
  }

  /**
   * Returns the instant of the latest event added, in epoch seconds.
   *
   * @return the latest event time, or negative infinity when empty
   */
  public double latest() {
    return latest;
  }

  /**
   * Adds a value at an instant.
   *
   * @param at when
   * @param value a finite value {@code >= 0}
   * @throws IllegalArgumentException if the value is negative or not finite
   */
  public void add(Instant at, double value) {
    add(seconds(requireNonNull(at, "at")), value);
  }

  /**
   * Adds a value at an instant given in epoch seconds.
   *
   * @param t epoch seconds, finite
   * @param value a finite value {@code >= 0}
   * @throws IllegalArgumentException if the value is negative or not finite, or t is not finite
   */
  public void add(double t, double value) {
    if (!(value >= 0 && value <= Double.MAX_VALUE) || !(Math.abs(t) <= Double.MAX_VALUE)) {
      throw badValue(t, value);
    }
    if (shape.slotted) {
      addToSlot(slotOf(t), value, value * (t - slotStart(slotOf(t))));
      latest = Math.max(latest, t);
    } else if (t > latest) {
      sum = isEmpty() ? value : finite(sum * factor(t - latest) + value);
      latest = t;
    } else {
      sum = finite(sum + value * factor(latest - t));
    }
  }

  /**
   * Adds another sum's events to this one; {@code other} is unchanged.
   *
   * @param other a sum with the same decay
   * @throws IllegalArgumentException if the decays differ
   */
  public void combine(DecayedSum other) {
    requireNonNull(other, "other");
    if (shape != other.shape && !shape.decay.equals(other.shape.decay)) {
      throw new IllegalArgumentException("cannot combine sums of " + shape.decay + " and " + other.shape.decay);
    }
    if (other.isEmpty()) {
      return;
    }
    if (shape.slotted) {
      for (int i = 0; i <= SLOTS; i++) {
        long slot = other.newestSlot - i;
        int k = index(slot);
        if (other.values[k] != 0 || other.moments[k] != 0) {
          addToSlot(slot, other.values[k], other.moments[k]);
        }
      }
    } else if (isEmpty()) {
      sum = other.sum;
    } else if (other.latest > latest) {
      sum = finite(sum * factor(other.latest - latest) + other.sum);
    } else {
      sum = finite(sum + other.sum * factor(latest - other.latest));
    }
    latest = Math.max(latest, other.latest);
  }

  /**
   * Returns the decayed sum as of an instant (as of the latest event, if that is later).
   *
   * @param asOf the instant
   * @return the sum, finite and {@code >= 0}
   */
  public double valueAt(Instant asOf) {
    return valueAt(seconds(requireNonNull(asOf, "asOf")));
  }

  /**
   * Returns the decayed sum as of an instant in epoch seconds (as of the latest event, if later).
   *
   * @param asOf epoch seconds
   * @return the sum, finite and {@code >= 0}
   */
  public double valueAt(double asOf) {
    if (isEmpty()) {
      return 0.0;
    }
    double a = Math.max(asOf, latest);
    if (!shape.slotted) {
      return sum * factor(a - latest);
    }
    Decay.Kind kind = shape.decay.kind();
    double total = 0.0;
    for (int i = 0; i <= SLOTS; i++) {
      long slot = newestSlot - i;
      int k = index(slot);
      double v = values[k];
      if (v != 0) {
        total += kind.slotValue(v, moments[k], a - slotStart(slot), shape.scale, shape.inverse);
      }
    }
    return total;
  }

  private double factor(double age) {
    // A table-and-polynomial 2^x, not Math.pow: see Decay.exp2 and benchmarks/RESULTS.md.
    return Decay.exp2(-age * shape.inverse);
  }

  private long slotOf(double t) {
    return (long) Math.floor(t / shape.width);
  }

  private double slotStart(long slot) {
    return slot * shape.width;
  }

  private static int index(long slot) {
    return (int) Math.floorMod(slot, (long) (SLOTS + 1));
  }

  private void addToSlot(long slot, double value, double moment) {
    if (newestSlot == Long.MIN_VALUE) {
      newestSlot = slot;
    } else if (slot > newestSlot) {
      long clear = Math.min(slot - newestSlot, SLOTS + 1);
      for (long s = 1; s <= clear; s++) {
        int k = index(newestSlot + s);
        values[k] = 0;
        moments[k] = 0;
      }
      newestSlot = slot;
    } else if (newestSlot - slot > SLOTS) {
      return; // older than every readable horizon: weight 0 at any instant the sum can be read at
    }
    int k = index(slot);
    values[k] = finite(values[k] + value);
    moments[k] += moment;
  }

  private static double finite(double x) {
    if (!(x <= Double.MAX_VALUE)) {
      throw new ArithmeticException("decayed sum overflowed the range of a double");
    }
    return x;
  }

  private static IllegalArgumentException badValue(double t, double value) {
    return new IllegalArgumentException(
        "value must be finite and >= 0 at a finite time but was " + value + " at " + t);
  }

  /**
   * Writes this sum's contents (not its decay, which the reader supplies) for a snapshot.
   *
   * @param out where to write
   * @throws IOException if writing fails
   */
  public void writeTo(DataOutput out) throws IOException {
    out.writeDouble(latest);
    out.writeDouble(sum);
    if (values.length > 0) {
      out.writeLong(newestSlot);
      for (int i = 0; i < values.length; i++) {
        out.writeDouble(values[i]);
        out.writeDouble(moments[i]);
      }
    }
  }

  /**
   * Reads a sum written by {@link #writeTo} under the same decay, checking that every number is in
   * range, so that a damaged snapshot cannot bring NaN or negative sums into an engine.
   *
   * @param decay the decay the sum was written under
   * @param in where to read
   * @return the sum
   * @throws IOException if reading fails or the data are not a valid sum
   */
  public static DecayedSum readFrom(Decay decay, DataInput in) throws IOException {
    DecayedSum s = decay.newSum();
    s.latest = in.readDouble();
    s.sum = in.readDouble();
    boolean empty = s.latest == Double.NEGATIVE_INFINITY;
    if (!(empty || Math.abs(s.latest) <= Double.MAX_VALUE) || !(s.sum >= 0 && s.sum <= Double.MAX_VALUE)) {
      throw new IOException("invalid decayed sum: latest " + s.latest + ", sum " + s.sum);
    }
    if (s.values.length > 0) {
      s.newestSlot = in.readLong();
      for (int i = 0; i < s.values.length; i++) {
        s.values[i] = in.readDouble();
        s.moments[i] = in.readDouble();
        if (!(s.values[i] >= 0 && s.values[i] <= Double.MAX_VALUE)
            || !(s.moments[i] >= 0 && s.moments[i] <= Double.MAX_VALUE)) {
          throw new IOException("invalid decayed sum slot " + i + ": " + s.values[i] + ", " + s.moments[i]);
        }
      }
    }
    return s;
  }

  /**
   * An instant as seconds since the epoch, with nanosecond resolution.
   * @param at an instant
   * @return seconds since 1970-01-01T00:00Z
   */
  public static double seconds(Instant at) {
    // Whole seconds (most data) skip the fraction: the same double, and a loyalty.decayed accept
    // measured 16-18 against 35 ns with it (benchmarks/RESULTS.md).
    int nano = at.getNano();
    return nano == 0 ? at.getEpochSecond() : at.getEpochSecond() + nano / 1e9;
  }

  @Override
  public String toString() {
    return "DecayedSum[" + shape.decay + ", latest=" + latest + ", sum=" + sum
        + (values.length == 0 ? "" : ", slots=" + Arrays.toString(values)) + "]";
  }
}

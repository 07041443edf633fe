package io.engagekit.scoring.models;

import io.engagekit.core.InvalidFieldException;
import io.engagekit.core.io.Schema;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One discrete-time repeat pattern shared by some number of customers: the input of the
 * {@link BgBb} model. Over n transaction opportunities after the first, a customer transacted at x
 * of them, the last at opportunity t<sub>x</sub>.
 *
 * @param frequency x, the number of repeat transactions, in {@code [0, recency]}
 * @param recency t<sub>x</sub>, the opportunity of the last transaction ({@code 0} when x = 0), in
 *     {@code [x, periods]}
 * @param periods n, the number of opportunities, in {@code [0, MAX_PERIODS]}
 * @param customers how many customers share this pattern (the data's {@code weights}), {@code >= 1}
 * @since 0.1
 */
public record DiscretePattern(long frequency, long recency, long periods, long customers) {
  /**
   * The most opportunities a pattern may have: 100,000. BG/BB's likelihood has a term per
   * opportunity after the last transaction, so one evaluation costs time in proportion to the
   * periods (about 2 ms a pattern at this bound, and a fit evaluates a hundred times or more);
   * discrete-time data count years, quarters or campaigns, far fewer.
   */
  public static final long MAX_PERIODS = 100_000;

  /**
   * The pattern file {@code engagekit fit bgbb} reads, in the layout of the donations data of Fader,
   * Hardie &amp; Shang (2010) as lifetimes ships it: {@code frequency, recency, periods, weights},
   * all whole numbers, read like every other input (columns in any order, rows rejected by line,
   * field and reason).
   *
   * @since 0.2
   */
  public static final Schema<DiscretePattern> SCHEMA = Schema.of("bgbb-patterns", List.of(
          new Schema.Field("frequency", Schema.Type.INTEGER, true),
          new Schema.Field("recency", Schema.Type.INTEGER, true),
          new Schema.Field("periods", Schema.Type.INTEGER, true),
          new Schema.Field("weights", Schema.Type.INTEGER, true)),
      DiscretePattern::parse,
      (p, out) -> {
        out[0] = Long.toString(p.frequency());
        out[1] = Long.toString(p.recency());
        out[2] = Long.toString(p.periods());
        out[3] = Long.toString(p.customers());
      });

  private static DiscretePattern parse(@Nullable String[] v, ZoneId zone) {
    long frequency = Schema.wholeNumber("frequency", v[0]);
    long recency = Schema.wholeNumber("recency", v[1]);
    long periods = Schema.wholeNumber("periods", v[2]);
    long weights = Schema.wholeNumber("weights", v[3]);
    try {
      return new DiscretePattern(frequency, recency, periods, weights);
    } catch (IllegalArgumentException e) {
      // The record's checks name the component first; its customers are the file's weights.
      String m = e.getMessage();
      throw new InvalidFieldException(m.startsWith("customers") ? "weights" : m.substring(0, m.indexOf(' ')),
          m.substring(m.indexOf(" must ") + 1));
    }
  }

  /**
   * Validates the components.
   *
   * @param frequency see the class description
   * @param recency see the class description
   * @param periods see the class description
   * @param customers see the class description
   * @throws IllegalArgumentException naming the component and the value, if one is out of range
   */
  public DiscretePattern {
    if (periods < 0 || periods > MAX_PERIODS) {
      throw new IllegalArgumentException("periods must be in [0, " + MAX_PERIODS + "] but was " + periods);
    }
    if (frequency < 0 || frequency > periods) {
      throw new IllegalArgumentException("frequency must be in [0, periods = " + periods + "] but was " + frequency);
    }
    if (frequency == 0 ? recency != 0 : recency < frequency || recency > periods) {
      throw new IllegalArgumentException("recency must be " + (frequency == 0 ? "0 when frequency is 0"
          : "in [frequency = " + frequency + ", periods = " + periods + "]") + " but was " + recency);
    }
    if (customers < 1) {
      throw new IllegalArgumentException("customers (weights) must be >= 1 but was " + customers);
    }
  }
}

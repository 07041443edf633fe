package io.engagekit.scoring.models;

import io.engagekit.core.InvalidFieldException;
import io.engagekit.core.io.Schema;
import java.util.List;

/**
 * One row of a cohort's survival: how many of the customers acquired together are still active
 * after {@code period} periods; the input of {@link Sbg}. Period 0 holds the cohort's size.
 *
 * @param period the number of periods since acquisition, {@code >= 0}
 * @param survivors the customers still active then, {@code >= 0}
 * @since 0.2
 */
public record SurvivorCount(long period, long survivors) {
  /**
   * The file {@code engagekit fit sbg} reads: a CSV with header {@code period,survivors}, whole
   * numbers, read like every other input (rows rejected by line, field and reason). The periods
   * must then run 0, 1, 2, … in order with survivors that never rise, which {@link #survivors(List)}
   * checks.
   */
  public static final Schema<SurvivorCount> SCHEMA = Schema.of("sbg-survivors", List.of(
          new Schema.Field("period", Schema.Type.INTEGER, true),
          new Schema.Field("survivors", Schema.Type.INTEGER, true)),
      (v, zone) -> new SurvivorCount(Schema.wholeNumber("period", v[0]), Schema.wholeNumber("survivors", v[1])),
      (c, out) -> {
        out[0] = Long.toString(c.period());
        out[1] = Long.toString(c.survivors());
      });

  /**
   * Validates the components.
   *
   * @param period see the record description
   * @param survivors see the record description
   * @throws InvalidFieldException naming the field, if a count is negative
   */
  public SurvivorCount {
    if (period < 0) {
      throw new InvalidFieldException("period", "must be >= 0 but was " + period);
    }
    if (survivors < 0) {
      throw new InvalidFieldException("survivors", "must be >= 0 but was " + survivors);
    }
  }

  /**
   * Returns the survivors by period of rows that run 0, 1, 2, … in order, as {@link Sbg#fit} takes
   * them.
   *
   * @param rows the rows, in file order
   * @return {@code survivors[t]} for each period t
   * @throws IllegalArgumentException naming the row (counted from 1) if a period is out of order or
   *     missing, or the survivors are not a cohort ({@link Sbg#fit})
   */
  public static long[] survivors(List<SurvivorCount> rows) {
    long[] out = new long[rows.size()];
    for (int i = 0; i < out.length; i++) {
      SurvivorCount row = rows.get(i);
      if (row.period() != i) {
        throw new IllegalArgumentException("row " + (i + 1) + ": period must be " + i + " (the periods run 0, 1, 2, "
            + "... in order, period 0 the cohort's size) but was " + row.period());
      }
      out[i] = row.survivors();
    }
    Sbg.check(out);
    return out;
  }
}

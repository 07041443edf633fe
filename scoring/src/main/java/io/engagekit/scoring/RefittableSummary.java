package io.engagekit.scoring;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A live population summary that scores against a fitted model: refitted on the engine's {@link
 * RefitPolicy}, never inside a read but the bootstrap one.
 */
public interface RefittableSummary {
  /**
   * Whether a fit has been published (reads before it return null from the summary).
   *
   * @return true once a fit is published
   */
  boolean fitted();

  /**
   * Called under the summary's lock: copies what a fit needs (the distinct patterns, not the
   * customers) and returns the task that fits outside the lock and publishes the fit.
   *
   * @param asOf the instant to score at
   * @return the task that fits and publishes
   */
  Runnable refit(Instant asOf);

  /**
   * The start of the latest purchase day the summary holds, for refits triggered by events; null if none.
   *
   * @return the latest purchase day, or null
   */
  @Nullable Instant latestPurchase();
}

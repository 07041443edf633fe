package io.engagekit.scoring;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * When an {@link EngagementEngine} refits the models behind its model-based strategies ({@code
 * loyalty.bgnbd}, {@code loyalty.paretonbd}, {@code loyalty.clv} without a model given): never
 * inside a read, except once to bootstrap. The engine keeps each strategy's repeat-pattern summary up
 * to date as purchases arrive; a refit fits the model on it (a pass over the distinct purchase
 * patterns, not over the customers), and every score until the next refit uses that fit and names
 * it in its measures ({@code fit_as_of}, {@code fit_customers}, {@code fit_log_likelihood}).
 *
 * <ul>
 *   <li>{@link #firstRead()}, the default: the first read that needs a model fits it, as of that
 *       read's instant (the one fit a batch user needs); after that, only {@link
 *       EngagementEngine#refit(java.time.Instant)}.
 *   <li>{@link #manual()}: only {@code refit}; a read before the first refit throws {@link
 *       IllegalStateException}.
 *   <li>{@link #everyEvents(long)}: as {@code firstRead}, and again after every {@code n} recorded
 *       events, as of the latest purchase day recorded, in the recording thread that crosses the
 *       count, or on an executor ({@link #withExecutor}) while reads go on with the previous fit.
 * </ul>
 *
 * <p>A refit that fails (the data do not identify the model) keeps the previous fit; an explicit
 * {@code refit} and the bootstrap read throw the {@link io.engagekit.scoring.models.ModelFitException},
 * a triggered refit logs it at WARN. Immutable and thread-safe.
 *
 * @since 0.2
 */
public final class RefitPolicy {
  private static final RefitPolicy FIRST_READ = new RefitPolicy(true, 0, null);
  private static final RefitPolicy MANUAL = new RefitPolicy(false, 0, null);

  private final boolean onFirstRead;
  private final long everyEvents;
  private final @Nullable Executor executor;

  private RefitPolicy(boolean onFirstRead, long everyEvents, @Nullable Executor executor) {
    this.onFirstRead = onFirstRead;
    this.everyEvents = everyEvents;
    this.executor = executor;
  }

  /**
   * Returns the default policy: fit on the first read that needs a model, then only on {@code refit}.
   *
   * @return the policy
   */
  public static RefitPolicy firstRead() {
    return FIRST_READ;
  }

  /**
   * Returns the policy that fits only on {@link EngagementEngine#refit(java.time.Instant)}.
   *
   * @return the policy
   */
  public static RefitPolicy manual() {
    return MANUAL;
  }

  /**
   * Returns the policy that fits on the first read that needs a model and again after every {@code
   * n} recorded events.
   *
   * @param n events between refits, positive
   * @return the policy
   * @throws IllegalArgumentException if {@code n} is not positive
   */
  public static RefitPolicy everyEvents(long n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive but was " + n);
    }
    return new RefitPolicy(true, n, null);
  }

  /**
   * Returns a copy whose event-triggered refits run on the executor, not in the recording thread;
   * reads use the previous fit until the new one is published, and a refit is not started while
   * another is running.
   *
   * @param executor where refits run
   * @return the policy
   * @throws IllegalStateException if this policy refits on no event count
   */
  public RefitPolicy withExecutor(Executor executor) {
    requireNonNull(executor, "executor");
    if (everyEvents == 0) {
      throw new IllegalStateException("an executor runs event-triggered refits, but this policy has none"
          + " (use everyEvents(n).withExecutor(executor))");
    }
    return new RefitPolicy(onFirstRead, everyEvents, executor);
  }

  /**
   * Returns whether the first read that needs a model fits it.
   *
   * @return true unless {@link #manual()}
   */
  public boolean onFirstRead() {
    return onFirstRead;
  }

  /**
   * Returns how many recorded events trigger a refit.
   *
   * @return the count, or 0 when events trigger none
   */
  public long everyEvents() {
    return everyEvents;
  }

  /**
   * Returns the executor that event-triggered refits run on.
   *
   * @return the executor, or empty when they run in the recording thread
   */
  public Optional<Executor> executor() {
    return Optional.ofNullable(executor);
  }

  @Override
  public String toString() {
    return everyEvents > 0 ? "RefitPolicy[everyEvents=" + everyEvents + (executor != null ? ", on executor]" : "]")
        : onFirstRead ? "RefitPolicy[firstRead]" : "RefitPolicy[manual]";
  }
}

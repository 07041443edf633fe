package io.engagekit.scoring.internal;

import io.engagekit.scoring.PopulationSummary;
import io.engagekit.scoring.RefitPolicy;
import io.engagekit.scoring.RefittableSummary;
import io.engagekit.scoring.ScoringStrategy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine's refits of its model-based strategies, on its {@link RefitPolicy}: explicit, the
 * bootstrap read, and those triggered by event counts (in the recording thread or on the policy's
 * executor). A refit copies the distinct patterns under the summary's lock and fits outside it.
 * Thread-safe.
 */
public final class ModelRefits {
  private static final Logger logger = LoggerFactory.getLogger("io.engagekit.scoring.EngagementEngine");

  private final RefitPolicy policy;
  private final List<ScoringStrategy<?>> strategies;
  private final Supplier<@Nullable PopulationSummary<?>[]> summaries;
  private final Runnable changed;
  /** Events since the last event-triggered refit. */
  private final AtomicLong since = new AtomicLong();
  /** Set while an event-triggered refit runs on the policy's executor. */
  private final AtomicBoolean running = new AtomicBoolean();
  private final Object bootstrap = new Object();

  public ModelRefits(RefitPolicy policy, List<ScoringStrategy<?>> strategies,
      Supplier<@Nullable PopulationSummary<?>[]> summaries, Runnable changed) {
    this.policy = policy;
    this.strategies = strategies;
    this.summaries = summaries;
    this.changed = changed;
  }

  /** Refits every model strategy as of an instant; throws the first failure. */
  public void refitAll(Instant asOf) {
    @Nullable PopulationSummary<?>[] live = summaries.get();
    for (PopulationSummary<?> summary : live) {
      if (summary instanceof RefittableSummary) {
        refit(summary, asOf);
      }
    }
  }

  private void refit(PopulationSummary<?> summary, Instant asOf) {
    Runnable fit;
    synchronized (summary) {
      fit = ((RefittableSummary) summary).refit(asOf);
    }
    fit.run(); // outside the lock: recording goes on
    changed.run(); // cached baselines are stale
  }

  /** Fits strategy i on its first read if the policy allows; refuses the read if not. */
  public void ensureFitted(int i, PopulationSummary<?> summary, Instant asOf) {
    if (!(summary instanceof RefittableSummary) || ((RefittableSummary) summary).fitted()) {
      return;
    }
    if (!policy.onFirstRead()) {
      throw new IllegalStateException("strategy " + strategies.get(i).name() + " has no fitted model yet;"
          + " call refit(asOf) first (the refit policy is " + policy + ")");
    }
    synchronized (bootstrap) { // one bootstrap fit at a time
      if (!((RefittableSummary) summary).fitted()) {
        refit(summary, asOf);
      }
    }
  }

  /** Counts a recorded event towards the policy's event-triggered refit. */
  public void countEvent() {
    if (since.incrementAndGet() % policy.everyEvents() != 0) {
      return;
    }
    Executor executor = policy.executor().orElse(null);
    if (executor == null) {
      refitTriggered();
    } else if (running.compareAndSet(false, true)) {
      try {
        executor.execute(() -> {
          try {
            refitTriggered();
          } finally {
            running.set(false);
          }
        });
      } catch (RuntimeException rejected) {
        running.set(false);
        logger.warn("refit not started: the executor refused it ({})", rejected.toString());
      }
    }
  }

  /** Refits every fitted model strategy as of its latest purchase day; a failure keeps the previous fit. */
  private void refitTriggered() {
    @Nullable PopulationSummary<?>[] live = summaries.get();
    for (int i = 0; i < live.length; i++) {
      PopulationSummary<?> summary = live[i];
      if (summary instanceof RefittableSummary) {
        Instant asOf;
        synchronized (summary) {
          asOf = ((RefittableSummary) summary).latestPurchase();
        }
        if (asOf == null) {
          continue;
        }
        try {
          refit(summary, asOf);
        } catch (RuntimeException e) {
          logger.warn("{}: refit as of {} failed, scores keep the previous fit: {}", strategies.get(i).name(), asOf,
              e.getMessage());
        }
      }
    }
  }
}

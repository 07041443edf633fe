package io.engagekit.cli;

import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.EngagementEngine;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Records events into an engine on a second thread while the caller parses the next ones: the
 * reader hands over batches of {@value #BATCH} events through a queue of {@value #QUEUED} (so at
 * most about 20,000 events are in flight), and one worker records them in the order read, so the
 * engine sees exactly the sequence a single thread would give it. An error in the worker is thrown
 * by the next {@link #accept} or by {@link #finish}. Used by one reading thread.
 */
final class BackgroundRecorder implements Consumer<EngagementEvent> {
  private static final int BATCH = 4096;
  private static final int QUEUED = 4;
  private static final EngagementEvent[] END = new EngagementEvent[0];

  private final BlockingQueue<EngagementEvent[]> queue = new ArrayBlockingQueue<>(QUEUED);
  private final Thread worker;
  private volatile RuntimeException failure;
  private EngagementEvent[] batch = new EngagementEvent[BATCH];
  private int size;
  private boolean finished;

  BackgroundRecorder(EngagementEngine engine) {
    worker = new Thread(() -> {
      try {
        while (true) {
          EngagementEvent[] events = queue.take();
          if (events == END) {
            return;
          }
          for (EngagementEvent e : events) {
            if (e == null) {
              break;
            }
            if (failure == null) {
              try {
                engine.record(e);
              } catch (RuntimeException ex) {
                failure = ex; // keep draining, so the reader never blocks on a full queue
              }
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "engagekit-recorder");
    worker.setDaemon(true);
    worker.start();
  }

  /** Whether a second thread can help: not on a single processor. */
  static boolean useful() {
    return Runtime.getRuntime().availableProcessors() > 1;
  }

  @Override
  public void accept(EngagementEvent event) {
    batch[size++] = event;
    if (size == BATCH) {
      hand(batch);
      batch = new EngagementEvent[BATCH];
      size = 0;
    }
  }

  private void hand(EngagementEvent[] events) {
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
    try {
      queue.put(events);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording events", e);
    }
  }

  /**
   * Records what is left, waits for the worker and throws its error if it had one. Call it before
   * reading the engine, however reading ended; calling it again does nothing.
   */
  void finish() {
    if (finished) {
      RuntimeException f = failure;
      if (f != null) {
        throw f;
      }
      return;
    }
    finished = true;
    if (size > 0 && failure == null) {
      hand(batch); // a short batch ends at its first null
    }
    try {
      queue.put(END);
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording events", e);
    }
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
  }
}

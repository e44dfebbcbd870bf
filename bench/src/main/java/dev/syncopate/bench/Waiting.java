package dev.syncopate.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits of the benchmark thread for work on a loop, bounded so a broken loop fails the run. */
final class Waiting {
  /** Far above any workload's duration; reaching it means the loop under test is stuck. */
  static final long LIMIT_SECONDS = 120;

  private Waiting() {}

  /**
   * Returns the value of {@code future}, waiting at most {@link #LIMIT_SECONDS}.
   *
   * @throws IllegalStateException if it failed or did not complete in time
   * @throws InterruptedException if interrupted
   */
  static <T> T join(CompletableFuture<T> future) throws InterruptedException {
    try {
      return future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the loop under test failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the loop under test did not finish within " + LIMIT_SECONDS + " s", e);
    }
  }
}

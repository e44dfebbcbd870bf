package dev.syncopate.bench;

import java.util.concurrent.CompletableFuture;

/**
 * The trivial callback of the workloads: counts down on the loop thread and completes {@code done}
 * when it reaches zero.
 *
 * <p><b>Threading:</b> confined to one loop thread; {@code done} is read from any thread.
 */
final class Countdown implements Runnable {
  private final CompletableFuture<Void> done;
  private int left;

  /**
   * @throws IllegalArgumentException if {@code count} is not positive
   */
  Countdown(int count, CompletableFuture<Void> done) {
    if (count <= 0) {
      throw new IllegalArgumentException("count must be positive, got " + count);
    }
    this.left = count;
    this.done = done;
  }

  @Override
  public void run() {
    if (--left == 0) {
      done.complete(null);
    }
  }
}

package dev.syncopate.runtime.internal;

import dev.syncopate.runtime.Future;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The FIFO wait list of a synchronization primitive: pending futures in arrival order.
 *
 * <p>A waiter that is cancelled is not removed at once (the primitive learns about it only in a
 * later iteration); it is skipped when it reaches the head, and the whole list is swept when it has
 * doubled since the last sweep, so cancelled waiters cost amortised O(1) and cannot pile up.
 *
 * <p><b>Threading:</b> loop-confined.
 *
 * @param <W> the waiter type
 */
public final class WaiterQueue<W extends Future<?>> {
  private static final int MIN_SWEEP = 64;

  private final ArrayDeque<W> waiters = new ArrayDeque<>();
  private int sweepAt = MIN_SWEEP;

  /** Appends {@code waiter}; it must be pending. */
  public void add(W waiter) {
    if (waiters.size() >= sweepAt) {
      waiters.removeIf(Future::isDone);
      sweepAt = Math.max(MIN_SWEEP, waiters.size() * 2);
    }
    waiters.addLast(waiter);
  }

  /** Removes and returns the oldest pending waiter, dropping done ones before it; null if none. */
  public W pollLive() {
    W waiter;
    while ((waiter = waiters.pollFirst()) != null) {
      if (!waiter.isDone()) {
        return waiter;
      }
    }
    return null;
  }

  /** Returns whether a pending waiter exists, dropping done ones at the head. */
  public boolean hasLive() {
    W waiter;
    while ((waiter = waiters.peekFirst()) != null) {
      if (!waiter.isDone()) {
        return true;
      }
      waiters.pollFirst();
    }
    return false;
  }

  /** Returns the number of pending waiters (a scan: for statistics). */
  public int countLive() {
    int live = 0;
    for (W waiter : waiters) {
      if (!waiter.isDone()) {
        live++;
      }
    }
    return live;
  }

  /**
   * Removes every waiter and passes the pending ones to {@code action}, oldest first. The action
   * may complete the waiter (completion never runs callbacks inline, so the list cannot change
   * under it).
   */
  public void drainLive(Consumer<? super W> action) {
    W waiter;
    while ((waiter = pollLive()) != null) {
      action.accept(waiter);
    }
  }
}

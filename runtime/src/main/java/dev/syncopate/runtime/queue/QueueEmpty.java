package dev.syncopate.runtime.queue;

import java.util.NoSuchElementException;

/**
 * Thrown by {@link AsyncQueue#getNowait()} when no item can be taken: asyncio's {@code
 * QueueEmpty}. Extends {@link NoSuchElementException}, what {@code java.util.Queue.remove} throws
 * when empty.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 */
public final class QueueEmpty extends NoSuchElementException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is empty, and what to do
   */
  public QueueEmpty(String message) {
    super(message);
  }
}

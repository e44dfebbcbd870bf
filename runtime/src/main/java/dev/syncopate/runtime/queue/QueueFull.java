package dev.syncopate.runtime.queue;

/**
 * Thrown by {@link AsyncQueue#putNowait(Object)} when the queue has no free slot: asyncio's {@code
 * QueueFull}. Extends {@link IllegalStateException}, what {@code java.util.Queue.add} throws when
 * full.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 */
public final class QueueFull extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is full, and what to do
   */
  public QueueFull(String message) {
    super(message);
  }
}

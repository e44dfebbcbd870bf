package dev.syncopate.runtime.queue;

/**
 * Thrown by a put on a queue that was shut down, and by a get on one that was shut down and has no
 * item left for the caller: asyncio's {@code QueueShutDown} (Python 3.13).
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 */
public final class QueueShutDown extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused
   */
  public QueueShutDown(String message) {
    super(message);
  }
}

package dev.syncopate.runtime;

/**
 * Thrown when work is handed to an event loop that has been closed.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 */
@ThreadSafe
public final class LoopClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  LoopClosedException(String message) {
    super(message);
  }
}

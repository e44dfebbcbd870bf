package dev.syncopate.runtime;

/**
 * Thrown when a {@link LoopConfined} entry point is called from a thread other than its event
 * loop's thread.
 *
 * <p>The message names the object, the loop, both threads, and the thread-safe alternative.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 */
@ThreadSafe
public final class WrongThreadException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  WrongThreadException(String message) {
    super(message);
  }
}

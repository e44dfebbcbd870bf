package dev.syncopate.runtime;

/**
 * An operation ran past its deadline: asyncio's {@code TimeoutError}.
 *
 * <p>Raised by timeout scopes, {@code waitFor} and the blocking bridge once the operation they
 * cancelled has finished. It is unchecked, so async and blocking signatures stay alike; the
 * operation's own {@link CancelledError}, if there was one, is its cause.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 */
@ThreadSafe
public class TimeoutError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a timeout error.
   *
   * @param message what timed out, and after how long
   * @param cause the cancellation that stopped the operation, or null
   */
  public TimeoutError(String message, Throwable cause) {
    super(message, cause);
  }
}

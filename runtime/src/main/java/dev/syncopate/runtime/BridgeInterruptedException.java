package dev.syncopate.runtime;

/**
 * The thread blocked in a bridge call was interrupted (or was already interrupted when it made
 * the call). The operation was cancelled and the bridge waited, up to {@link
 * LoopBridge#CANCEL_GRACE}, for the cancellation to settle; the thread's interrupt status is set
 * again before this is thrown.
 *
 * <p>Unchecked, so blocking twins keep the async method's {@code throws} clause. The cause, if
 * any, is the operation's outcome after the cancellation (usually its {@link CancelledError}).
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 */
@ThreadSafe
public final class BridgeInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BridgeInterruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.syncopate.runtime;

/**
 * A blocking bridge call ({@link LoopBridge#call}, {@link LoopBridge#invoke}, a {@link
 * CloseableIterator} step) was made on the thread of the loop that would have to run the
 * operation. Blocking there could never finish: the loop cannot run the operation while its only
 * thread waits for it. The call fails at once instead of deadlocking.
 *
 * <p>The message names the call, the loop, the task (if any) and the fix: compose the async API
 * directly ({@code thenCompose}) instead of its blocking twin, or move the blocking code off the
 * loop with {@link Aio#toThread}.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 */
@ThreadSafe
public final class BlockingOnLoopThreadException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  BlockingOnLoopThreadException(String message) {
    super(message);
  }
}

package dev.syncopate.runtime;

import java.util.concurrent.CancellationException;

/**
 * The outcome of a cancelled {@link Future} or {@link Task}: asyncio's {@code CancelledError}.
 *
 * <p>One instance travels unchanged from the future that was cancelled to every stage and task
 * that waited on it, and to every awaiter of those; it is never wrapped in a {@code
 * CompletionException} or {@code ExecutionException}.
 *
 * <p><b>Why it extends {@link CancellationException}:</b> so that {@code CompletableFuture} views
 * ({@link Future#toCompletableFuture()}) report {@code isCancelled()} and {@code join()} rethrows
 * it unwrapped. The price, which Python avoids by making {@code CancelledError} a {@code
 * BaseException}: a blanket {@code catch (RuntimeException e)} also catches cancellation. Code
 * that catches broadly must rethrow a {@code CancelledError} unless it means to refuse the
 * cancellation.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-exceptions.html">asyncio.CancelledError</a>
 */
@ThreadSafe
public final class CancelledError extends CancellationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a cancellation outcome.
   *
   * @param message the reason given to {@code cancel(message)}, or {@code null} for none
   */
  public CancelledError(String message) {
    super(message);
  }
}

package dev.syncopate.runtime;

/**
 * When {@link Aio#wait(java.util.Collection, ReturnWhen, java.time.Duration)} returns: asyncio's
 * {@code FIRST_COMPLETED}, {@code FIRST_EXCEPTION} and {@code ALL_COMPLETED}.
 *
 * <p><b>Threading:</b> immutable; thread-safe.
 */
@ThreadSafe
public enum ReturnWhen {
  /** As soon as any future is done (succeeded, failed or cancelled). */
  FIRST_COMPLETED,
  /**
   * As soon as any future fails with an exception other than a cancellation, or when all are
   * done.
   */
  FIRST_EXCEPTION,
  /** When all futures are done. */
  ALL_COMPLETED
}

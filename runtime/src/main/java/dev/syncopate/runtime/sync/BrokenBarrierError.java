package dev.syncopate.runtime.sync;

/**
 * Thrown to {@link Barrier} waiters when the barrier is aborted or reset while they wait, and to
 * callers of {@link Barrier#await()} while it is broken: asyncio's {@code BrokenBarrierError}.
 *
 * <p>Unchecked, unlike {@code java.util.concurrent.BrokenBarrierException}: it arrives through a
 * future, where checked exceptions buy nothing.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 */
public final class BrokenBarrierError extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what broke the barrier and what to do
   */
  public BrokenBarrierError(String message) {
    super(message);
  }
}

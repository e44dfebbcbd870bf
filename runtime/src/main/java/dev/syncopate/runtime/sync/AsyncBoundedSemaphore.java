package dev.syncopate.runtime.sync;

import dev.syncopate.runtime.LoopConfined;

/**
 * A semaphore that refuses to be released more often than acquired: asyncio's {@code
 * BoundedSemaphore}. {@link #release()} throws {@link IllegalStateException} when the value would
 * exceed the initial one (asyncio raises {@code ValueError}).
 *
 * <p><b>Why the name:</b> matches {@link AsyncSemaphore}, whose plain name would clash with
 * {@code java.util.concurrent.Semaphore}.
 *
 * <p><b>Threading:</b> loop-confined, as {@link AsyncSemaphore}.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.BoundedSemaphore">asyncio.BoundedSemaphore</a>
 */
@LoopConfined
public final class AsyncBoundedSemaphore extends AsyncSemaphore {
  /**
   * Creates a bounded semaphore with {@code permits} free permits, which is also its bound.
   *
   * @param permits the initial value and bound, at least 0
   * @throws IllegalArgumentException if {@code permits} is negative
   */
  public AsyncBoundedSemaphore(int permits) {
    super(permits, true);
  }
}

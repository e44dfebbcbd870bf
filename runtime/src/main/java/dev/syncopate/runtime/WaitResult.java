package dev.syncopate.runtime;

import java.util.Set;

/**
 * What {@link Aio#wait(java.util.Collection, ReturnWhen, java.time.Duration)} returns: asyncio's
 * {@code (done, pending)} pair. Both sets keep the order of the collection given to {@code wait}
 * and are unmodifiable.
 *
 * <p><b>Threading:</b> the record is immutable; the futures in it are loop-confined.
 *
 * @param done the futures that were done when the waiter resumed
 * @param pending the others
 * @param <F> the future type
 */
@ThreadSafe
public record WaitResult<F extends Future<?>>(Set<F> done, Set<F> pending) {
  /**
   * Creates a result.
   *
   * @throws NullPointerException if a set is null
   */
  public WaitResult {
    done = java.util.Collections.unmodifiableSet(
        new java.util.LinkedHashSet<>(java.util.Objects.requireNonNull(done, "done")));
    pending = java.util.Collections.unmodifiableSet(
        new java.util.LinkedHashSet<>(java.util.Objects.requireNonNull(pending, "pending")));
  }
}

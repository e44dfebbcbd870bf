/**
 * Synchronization primitives for tasks on one event loop: asyncio's {@code Lock}, {@code Event},
 * {@code Condition}, {@code Semaphore}, {@code BoundedSemaphore} and {@code Barrier}.
 *
 * <p>Every operation that may wait returns a {@link dev.syncopate.runtime.Future}; when it need not
 * wait, the future is already done. Waiters are served strictly first-in first-out; a newcomer
 * never overtakes a waiter that has not been cancelled. Cancelling the future an operation returned
 * (directly, or by cancelling the task that waits on it) withdraws the waiter; a waiter that had
 * already been handed the lock, permit or notification passes it on, so nothing is lost.
 *
 * <p><b>Threading:</b> loop-confined, like asyncio's primitives (which are not thread-safe). A
 * primitive binds to the loop that first uses it; using it from another thread throws {@link
 * java.lang.IllegalStateException}. From other threads, go through {@code
 * loop.callSoonThreadSafe(...)}.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html">asyncio synchronization
 *     primitives</a>
 */
package dev.syncopate.runtime.sync;

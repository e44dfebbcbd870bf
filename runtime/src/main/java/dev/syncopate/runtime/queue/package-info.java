/**
 * Queues for tasks on one event loop: asyncio's {@code Queue}, {@code PriorityQueue} and {@code
 * LifoQueue} as one class, {@link dev.syncopate.runtime.queue.AsyncQueue}, with its exceptions
 * and statistics.
 *
 * <p><b>Threading:</b> loop-confined, like asyncio's queues (which are not thread-safe). A queue
 * binds to the loop that first uses it; using it from another thread throws {@link
 * java.lang.IllegalStateException}. From other threads, go through {@code
 * loop.callSoonThreadSafe(...)}.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-queue.html">asyncio queues</a>
 */
package dev.syncopate.runtime.queue;

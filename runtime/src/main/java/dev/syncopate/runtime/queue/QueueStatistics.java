package dev.syncopate.runtime.queue;

/**
 * A snapshot of an {@link AsyncQueue}.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 *
 * @param size the items in the queue, including those promised to woken getters
 * @param capacity the maximum size, or 0 for unbounded
 * @param getters how many getters wait (cancelled ones not counted)
 * @param putters how many putters wait (cancelled ones not counted)
 * @param unfinishedTasks items put and not yet marked done with {@link AsyncQueue#taskDone()}
 * @param shutDown whether {@link AsyncQueue#shutdown(boolean)} was called
 */
public record QueueStatistics(
    int size, int capacity, int getters, int putters, int unfinishedTasks, boolean shutDown) {}

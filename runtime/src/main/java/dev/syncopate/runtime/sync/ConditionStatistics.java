package dev.syncopate.runtime.sync;

/**
 * A snapshot of a {@link Condition}.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 *
 * @param waiters how many tasks wait to be signalled (cancelled ones not counted; tasks that were
 *     signalled and now wait to re-acquire the lock are counted by the lock)
 * @param lock the underlying lock
 */
public record ConditionStatistics(int waiters, LockStatistics lock) {}

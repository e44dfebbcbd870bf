package dev.syncopate.runtime.sync;

/**
 * A snapshot of a {@link Lock}: trio's {@code Lock.statistics()}.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 *
 * @param locked whether the lock is held, or promised to a woken waiter
 * @param waiters how many acquirers wait (cancelled ones not counted)
 */
public record LockStatistics(boolean locked, int waiters) {}

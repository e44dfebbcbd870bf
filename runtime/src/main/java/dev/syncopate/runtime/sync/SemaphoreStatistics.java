package dev.syncopate.runtime.sync;

/**
 * A snapshot of an {@link AsyncSemaphore} or {@link AsyncBoundedSemaphore}.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 *
 * @param value the permits free now (permits handed to woken waiters are not free)
 * @param locked whether an acquire would wait
 * @param waiters how many acquirers wait (cancelled ones not counted)
 */
public record SemaphoreStatistics(int value, boolean locked, int waiters) {}

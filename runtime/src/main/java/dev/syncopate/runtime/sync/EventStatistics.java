package dev.syncopate.runtime.sync;

/**
 * A snapshot of an {@link Event}.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 *
 * @param set whether the flag is set
 * @param waiters how many waiters wait (cancelled ones not counted)
 */
public record EventStatistics(boolean set, int waiters) {}

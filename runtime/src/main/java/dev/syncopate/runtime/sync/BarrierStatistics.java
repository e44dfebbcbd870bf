package dev.syncopate.runtime.sync;

/**
 * A snapshot of a {@link Barrier}.
 *
 * <p><b>Threading:</b> thread-safe (immutable).
 *
 * @param parties the number of tasks that pass together
 * @param waiting how many wait for the barrier to fill (asyncio's {@code n_waiting}: 0 unless
 *     filling)
 * @param state the barrier's state
 */
public record BarrierStatistics(int parties, int waiting, Barrier.State state) {
  /** Returns whether the barrier is broken (asyncio's {@code broken}). */
  public boolean broken() {
    return state == Barrier.State.BROKEN;
  }
}

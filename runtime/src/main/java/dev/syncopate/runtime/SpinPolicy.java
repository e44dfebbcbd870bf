package dev.syncopate.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a thread waiting for a hand-off spins before it parks: adaptive, so that it spins long
 * only while spinning wins.
 *
 * <p>A park/unpark round trip costs several microseconds (about 17 here); a spin that sees the
 * answer arrive costs a fraction of one. But a spin only wins when the other side runs on another
 * core at the same time. So: never spin on one CPU; let at most {@code CPUs - 1} threads spin at
 * once; and adapt the budget: it grows after a spin saw the answer and halves after one gave up,
 * down to a floor of {@value #MIN_SPINS} spins (about a microsecond), never to zero. The floor is
 * what lets both sides of a hand-off recover together: once either side parks, the other side's
 * spins fail too, and a budget that could reach zero would stay there for good (the caller and
 * the loop each wait for the other to spin first). On a busy machine the floor costs a
 * microsecond of spinning per wait; on one CPU, nothing.
 *
 * <p><b>Threading:</b> thread-safe; the budget is shared racily (lost updates only blur the
 * adaptation).
 */
final class SpinPolicy {
  private static final int CPUS = Runtime.getRuntime().availableProcessors();
  private static final int MAX_SPINS = 1 << 11;
  private static final int MIN_SPINS = 32;

  private final AtomicInteger spinners = new AtomicInteger();
  private volatile int budget;

  SpinPolicy(int initialBudget) {
    this.budget = CPUS > 1 ? Math.max(MIN_SPINS, initialBudget) : 0;
  }

  /** Returns how many spins to try now, 0 for none; a non-zero result must be followed by end. */
  int begin() {
    if (CPUS <= 1) {
      return 0;
    }
    int spins = budget;
    if (spinners.incrementAndGet() >= CPUS) {
      spinners.decrementAndGet();
      return 0;
    }
    return spins;
  }

  /** Reports whether the spin saw the hand-off complete. */
  void end(boolean won) {
    spinners.decrementAndGet();
    int current = budget;
    if (won) {
      budget = Math.min(MAX_SPINS, Math.max(MIN_SPINS, current + (current >> 1)));
    } else {
      budget = Math.max(MIN_SPINS, current >> 1);
    }
  }

  /** The current budget, for tests and benchmarks. */
  int budget() {
    return budget;
  }
}

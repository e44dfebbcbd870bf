package dev.syncopate.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a thread waiting for a hand-off spins before it parks: adaptive, so that it spins only
 * while spinning wins.
 *
 * <p>A park/unpark round trip costs several microseconds; a spin that sees the answer arrive costs
 * a fraction of one. But a spin only wins when the other side runs on another core at the same
 * time. So: never spin on one CPU; let at most {@code CPUs - 1} threads spin at once; and adapt the
 * budget: it grows after a spin saw the answer and halves after one gave up, down to zero, from
 * where an occasional short probe finds out whether spinning has become worthwhile again. On a
 * busy or single CPU the cost is thus a few failed probes, not a burnt time slice per call.
 *
 * <p><b>Threading:</b> thread-safe; the budget is shared racily (lost updates only blur the
 * adaptation).
 */
final class SpinPolicy {
  private static final int CPUS = Runtime.getRuntime().availableProcessors();
  private static final int MAX_SPINS = 1 << 11;
  private static final int MIN_SPINS = 32;
  private static final int PROBE_SPINS = 64;
  private static final int PROBE_EVERY = 64;

  private final AtomicInteger spinners = new AtomicInteger();
  private volatile int budget;
  private int attempts;

  SpinPolicy(int initialBudget) {
    this.budget = CPUS > 1 ? initialBudget : 0;
  }

  /** Returns how many spins to try now, 0 for none; a non-zero result must be followed by end. */
  int begin() {
    if (CPUS <= 1) {
      return 0;
    }
    int spins = budget;
    if (spins == 0) {
      if (++attempts % PROBE_EVERY != 0) {
        return 0;
      }
      spins = PROBE_SPINS;
    }
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
      int halved = current >> 1;
      budget = halved < MIN_SPINS ? 0 : halved;
    }
  }

  /** The current budget, for tests and benchmarks. */
  int budget() {
    return budget;
  }
}

package dev.syncopate.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * How long a thread waiting for a hand-off spins before it parks: adaptive, so that it spins only
 * about as long as spinning has recently needed to win.
 *
 * <p>A park/unpark round trip costs microseconds (about 17 on the machine of {@code
 * docs/performance.md}); a spin that sees the answer arrive costs a fraction of one. But a spin
 * wins only while the other side runs on another core at the same moment. So:
 *
 * <ul>
 *   <li>never spin on one CPU ({@code availableProcessors()}, which honours {@code taskset});
 *   <li>at most {@code CPUs - 1} threads spin at once, per policy;
 *   <li>a win raises the budget to four times the spins it needed, if that is more; each loss
 *       takes an eighth off, down to the floor of {@value #MIN_SPINS} spins, never to zero (one
 *       slow answer must not undo a working hand-off; only a run of losses does);
 *   <li>every {@value #PROBE_EVERY}th wait spins the full {@value #MAX_SPINS} spins once.
 * </ul>
 *
 * <p>The probe is what keeps a hand-off from settling into "both sides park": once one side
 * parks, the other side's short spins all lose (the parked side needs a wake-up longer than they
 * last), so both budgets would sit at the floor for good. A probe outlasts the wake-up, wins, and
 * sizes its side's budget to match; answers then come while that side still spins, so the other
 * side's short spins win again. On a busy machine the cost is a floor spin (under a microsecond)
 * per wait and one lost probe per {@value #PROBE_EVERY} waits; on one CPU, nothing.
 *
 * <p><b>Threading:</b> thread-safe; the budget and the probe counter are shared racily (a lost
 * update only blurs the adaptation).
 */
final class SpinPolicy {
  private static final int CPUS = Runtime.getRuntime().availableProcessors();
  static final int MAX_SPINS = 1 << 11;
  static final int MIN_SPINS = 32;
  static final int PROBE_EVERY = 16;

  private final AtomicInteger spinners = new AtomicInteger();
  private volatile int budget;
  private int waits;

  SpinPolicy(int initialBudget) {
    this.budget = Math.max(MIN_SPINS, Math.min(MAX_SPINS, initialBudget));
  }

  /**
   * Spins until {@code done} is true or the budget runs out; returns {@code done}'s last answer.
   * On one CPU, or when enough threads spin already, it only checks once.
   */
  boolean spinUntil(BooleanSupplier done) {
    if (CPUS <= 1) {
      return done.getAsBoolean();
    }
    if (spinners.incrementAndGet() >= CPUS) {
      spinners.decrementAndGet();
      return done.getAsBoolean();
    }
    try {
      int spins = ++waits % PROBE_EVERY == 0 ? MAX_SPINS : budget;
      for (int used = 0; used < spins; used++) {
        if (done.getAsBoolean()) {
          budget = Math.min(MAX_SPINS, Math.max(budget, MIN_SPINS + 4 * used));
          return true;
        }
        Thread.onSpinWait();
      }
      budget = Math.max(MIN_SPINS, budget - (budget >> 3));
      return done.getAsBoolean();
    } finally {
      spinners.decrementAndGet();
    }
  }

  /**
   * Whether a thread that waits for a server thread (a loop) behind {@code waiting} waiters in
   * all (itself included) should spin at all: only if every waiter and the server could each
   * have a core of their own, that is if {@code waiting < CPUs}. Beyond that the answer is queued
   * behind the others' anyway, and a spinner only takes the core that the server, or a waiter
   * it just woke, needs next (a virtual thread that spins even holds one of the few carriers
   * every other virtual caller needs). Measured on 2 cores with 64 callers: spinning there
   * cost a virtual caller a factor of 3.5 in throughput.
   *
   * <p><b>Threading:</b> thread-safe (reads a constant).
   */
  static boolean worthSpinning(int waiting) {
    return waiting < CPUS;
  }

  /** The current budget, for tests. */
  int budget() {
    return budget;
  }
}

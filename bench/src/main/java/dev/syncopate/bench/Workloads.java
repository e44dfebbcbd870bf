package dev.syncopate.bench;

import java.util.SplittableRandom;

/** The sizes and inputs of issue 2's workloads, shared by the JMH benchmarks and the mains. */
final class Workloads {
  /** W1: trivial callbacks scheduled from inside the loop. */
  static final int CALLBACKS = 1_000_000;

  /** W2: tasks that yield once, awaited together; also the pending-task footprint's count. */
  static final int TASKS = 100_000;

  /** W4: timers with random delays in [0, {@link #MAX_TIMER_DELAY_NANOS}]. */
  static final int TIMERS = 200_000;

  static final long MAX_TIMER_DELAY_NANOS = 100_000_000L;

  private Workloads() {}

  /** The W4 delays: the same pseudo-random sequence for every implementation. */
  static long[] timerDelays() {
    SplittableRandom random = new SplittableRandom(2);
    long[] delays = new long[TIMERS];
    for (int i = 0; i < TIMERS; i++) {
      delays[i] = random.nextLong(MAX_TIMER_DELAY_NANOS + 1);
    }
    return delays;
  }
}

package dev.syncopate.runtime.sync;

import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/** Helpers for the {@code *StressTest}s of the sync and queue packages. */
public final class StressSupport {
  private StressSupport() {}

  /**
   * Returns a future that completes once every future in {@code all} is done, however; their
   * failures count as retrieved (the invariants are checked elsewhere).
   */
  public static Future<Void> settled(EventLoop loop, List<? extends Future<?>> all) {
    Future<Void> done = loop.createFuture();
    int[] remaining = {all.size()};
    if (all.isEmpty()) {
      done.setResult(null);
    }
    for (Future<?> future : all) {
      future.addDoneCallback(f -> {
        if (!f.isCancelled()) {
          f.exception();
        }
        if (--remaining[0] == 0) {
          done.setResult(null);
        }
      });
    }
    return done;
  }

  /** A random delay of 0 to {@code maxMillis} virtual milliseconds. */
  public static Duration delay(Random random, int maxMillis) {
    return Duration.ofMillis(random.nextInt(maxMillis + 1));
  }

  /** With probability {@code percent}%, cancels {@code future} after a random delay. */
  public static void maybeCancelLater(
      EventLoop loop, Random random, int percent, int maxMillis, Future<?> future) {
    if (random.nextInt(100) < percent) {
      loop.callLater(delay(random, maxMillis), () -> future.cancel());
    }
  }

  /**
   * Every virtual millisecond until {@code until} is done, lets a random number of loop
   * iterations (0 to 7) pass and then cancels one of the oldest unfinished {@code tasks}. Timers
   * due at the same instant all fire in one iteration, so cancellations from timers always land
   * before the hand-offs that follow them; this lands in between, where a waiter has been handed
   * a lock, permit or item and has not run yet.
   */
  public static void monkey(EventLoop loop, Random random, List<? extends Future<?>> tasks,
      Future<?> until) {
    int[] oldest = {0};
    Runnable[] tick = new Runnable[1];
    tick[0] = () -> {
      if (until.isDone()) {
        return;
      }
      Future<Void> burst = loop.completedFuture(null);
      for (int i = random.nextInt(8); i > 0; i--) {
        burst = burst.thenCompose(v -> loop.yieldNow());
      }
      burst.thenRun(() -> {
        while (oldest[0] < tasks.size() && tasks.get(oldest[0]).isDone()) {
          oldest[0]++;
        }
        int pick = oldest[0] + random.nextInt(3);
        if (pick < tasks.size()) {
          tasks.get(pick).cancel();
        }
        loop.callLater(Duration.ofMillis(1), tick[0]);
      });
    };
    loop.callLater(Duration.ofMillis(1), tick[0]);
  }

  /**
   * Cancels {@code until} with a message if it is not done after {@code limit} of virtual time, so
   * that a waiter left behind fails the test instead of hanging it (the monkey stops with it).
   */
  public static void watchdog(EventLoop loop, Future<?> until, Duration limit) {
    loop.callLater(limit, () -> until.cancel(
        "not finished after " + limit + " of virtual time: a waiter was left behind"));
  }
}

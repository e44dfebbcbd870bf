package dev.syncopate.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Checks W4's firing order: do {@link Workloads#TIMERS} timers with random delays fire in
 * deadline order, for each implementation?
 *
 * <p>An implementation computes a timer's deadline from its own clock read inside the schedule
 * call, so the check brackets that call with {@link System#nanoTime()} (every implementation here
 * uses it): the deadline lies in {@code [before + delay, after + delay]}. A timer that fires after
 * one whose earliest possible deadline is later than its own latest possible deadline is a
 * <em>certain</em> inversion; the check counts those, so it never blames clock jitter.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.syncopate.bench.TimerOrderCheck
 * [implementation...]}; exits with status 1 if any implementation fires out of order.
 *
 * <p><b>Threading:</b> timers are scheduled and recorded on the loop thread.
 */
public final class TimerOrderCheck {
  private TimerOrderCheck() {}

  /**
   * Prints, per implementation, the timers fired and the certain inversions.
   *
   * @param args implementation names (default all)
   * @throws InterruptedException if interrupted while waiting for a loop
   */
  public static void main(String[] args) throws InterruptedException {
    List<String> names = args.length > 0 ? Arrays.asList(args) : LoopUnderTest.NAMES;
    long[] delays = Workloads.timerDelays();
    boolean allOrdered = true;
    for (String name : names) {
      long inversions = check(name, delays);
      allOrdered &= inversions == 0;
      System.out.printf(Locale.ROOT, "%-14s %d timers fired, %d certain deadline inversions -> %s%n",
          name, delays.length, inversions, inversions == 0 ? "in deadline order" : "OUT OF ORDER");
    }
    if (!allOrdered) {
      System.exit(1);
    }
  }

  private static long check(String name, long[] delays) throws InterruptedException {
    int count = delays.length;
    long[] earliest = new long[count];
    long[] latest = new long[count];
    int[] firedOrder = new int[count];
    CompletableFuture<Void> allFired = new CompletableFuture<>();
    try (LoopUnderTest subject = LoopUnderTest.create(name)) {
      subject.submit(() -> {
        int[] fired = {0};
        for (int i = 0; i < count; i++) {
          int index = i;
          long before = System.nanoTime();
          subject.callLater(delays[i], () -> {
            firedOrder[fired[0]++] = index;
            if (fired[0] == count) {
              allFired.complete(null);
            }
          });
          earliest[i] = before + delays[i];
          latest[i] = System.nanoTime() + delays[i];
        }
      });
      Waiting.join(allFired);
    }
    long inversions = 0;
    long maxEarliestSoFar = Long.MIN_VALUE;
    for (int index : firedOrder) {
      if (latest[index] < maxEarliestSoFar) {
        inversions++;
      }
      maxEarliestSoFar = Math.max(maxEarliestSoFar, earliest[index]);
    }
    return inversions;
  }
}

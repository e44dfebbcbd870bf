package dev.syncopate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Retained heap per pending task in the W2 shape: {@link Workloads#TASKS} tasks, each created
 * with its await registration and suspended in its one yield, all at once.
 *
 * <p>Method, per implementation and repetition: start a fresh loop and let it settle; full GC and
 * read the used heap; on the loop, spawn the tasks and queue a barrier behind their first steps,
 * so when the barrier runs every task has yielded and waits for its second step; the barrier
 * parks the loop thread; full GC and read the used heap again. The difference divided by the
 * task count is the figure: task objects, await registrations, queued continuations and the
 * growth of the loop's queues. The median of the repetitions is reported (the first one, a
 * warm-up, is dropped).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.syncopate.bench.PendingTaskFootprint
 * [repetitions] [implementation...]}.
 *
 * <p><b>Threading:</b> the main thread measures; the loops run the tasks.
 */
public final class PendingTaskFootprint {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private PendingTaskFootprint() {}

  /**
   * Prints the median bytes per pending task for each implementation.
   *
   * @param args optional repetition count (default 7), then implementation names (default all)
   * @throws InterruptedException if interrupted while waiting for a loop
   * @throws NumberFormatException if the repetition count is not a number
   */
  public static void main(String[] args) throws InterruptedException {
    int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    if (repetitions < 1) {
      throw new IllegalArgumentException("repetitions must be at least 1, got " + repetitions);
    }
    List<String> names = args.length > 1
        ? Arrays.asList(args).subList(1, args.length) : LoopUnderTest.NAMES;
    System.out.printf(Locale.ROOT, "%d pending tasks, %d repetitions (+1 warm-up), JDK %s%n",
        Workloads.TASKS, repetitions, System.getProperty("java.version"));
    for (String name : names) {
      List<Double> perTask = new ArrayList<>();
      for (int i = 0; i <= repetitions; i++) {
        double bytes = measure(name);
        if (i > 0) {
          perTask.add(bytes);
        }
      }
      perTask.sort(null);
      System.out.printf(Locale.ROOT, "%-14s median %6.1f B/task  (min %6.1f, max %6.1f)%n",
          name, perTask.get(perTask.size() / 2), perTask.get(0), perTask.get(perTask.size() - 1));
    }
  }

  private static double measure(String name) throws InterruptedException {
    try (LoopUnderTest subject = LoopUnderTest.create(name)) {
      // Start the loop thread (Netty starts it lazily) and let its first allocations happen.
      CompletableFuture<Void> warm = new CompletableFuture<>();
      subject.submit(() -> warm.complete(null));
      Waiting.join(warm);
      long before = usedAfterGc();
      CompletableFuture<Void> suspended = new CompletableFuture<>();
      CompletableFuture<Void> release = new CompletableFuture<>();
      CompletableFuture<Void> allDone = new CompletableFuture<>();
      subject.submit(() -> {
        subject.spawnYieldingTasks(Workloads.TASKS, () -> allDone.complete(null));
        subject.callSoon(() -> {
          suspended.complete(null);
          release.join();
        });
      });
      Waiting.join(suspended);
      long after = usedAfterGc();
      release.complete(null);
      Waiting.join(allDone);
      return (after - before) / (double) Workloads.TASKS;
    }
  }

  private static long usedAfterGc() {
    // Several collections: the first may leave objects with finalizers or soft references.
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}

package dev.syncopate.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The JDK baseline: a single-thread {@link ExecutorService} with {@link CompletableFuture}s.
 * Timers use {@link CompletableFuture#delayedExecutor(long, TimeUnit, java.util.concurrent.Executor)}
 * on that executor: the JDK's shared delay scheduler thread waits out the delay, then hands the
 * callback to the executor, so callbacks still run on the one executor thread.
 *
 * <p><b>Threading:</b> as {@link LoopUnderTest}; "the loop thread" is the executor's thread.
 */
final class JdkLoop implements LoopUnderTest {
  private final ExecutorService executor;

  private JdkLoop(ExecutorService executor) {
    this.executor = executor;
  }

  static JdkLoop start() {
    return new JdkLoop(Executors.newSingleThreadExecutor());
  }

  @Override
  public void submit(Runnable workload) {
    executor.execute(workload);
  }

  @Override
  public void callSoon(Runnable callback) {
    executor.execute(callback);
  }

  @Override
  public void callLater(long delayNanos, Runnable callback) {
    CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS, executor).execute(callback);
  }

  @Override
  public void spawnYieldingTasks(int count, Runnable allDone) {
    BiConsumer<Object, Throwable> counter = new BiConsumer<>() {
      private int left = count;

      @Override
      public void accept(Object value, Throwable failure) {
        if (--left == 0) {
          allDone.run();
        }
      }
    };
    for (int i = 0; i < count; i++) {
      CompletableFuture<Object> future = new CompletableFuture<>();
      future.whenComplete(counter);
      // As for Netty: the first step re-submits itself once, the second completes the future.
      executor.execute(() -> executor.execute(() -> future.complete(null)));
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

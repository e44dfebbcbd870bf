package dev.syncopate.bench;

import java.util.List;

/**
 * One single-threaded executor under test, driven the same way for every implementation: the
 * benchmark thread hands a workload to the loop with {@link #submit}, and the workload then calls
 * the in-loop operations ({@link #callSoon}, {@link #callLater}, {@link #spawnYieldingTasks}).
 *
 * <p>The implementations are {@code syncopate} (Syncopate's {@code EventLoop}), {@code
 * netty-nio} ({@code NioEventLoopGroup(1)}), {@code netty-default} ({@code DefaultEventLoopGroup(1)})
 * and {@code jdk} (a single-thread {@code ExecutorService} with {@code CompletableFuture}, and a
 * single-thread {@code ScheduledExecutorService} for timers).
 *
 * <p><b>Threading:</b> {@link #submit} and {@link #close} from any thread; every other method only
 * on the loop's own thread, from inside a submitted workload.
 */
public interface LoopUnderTest extends AutoCloseable {
  /** The names {@link #create} accepts, in the order reports list them. */
  List<String> NAMES = List.of("syncopate", "netty-nio", "netty-default", "jdk");

  /**
   * Starts the named implementation on its own thread.
   *
   * @param name one of {@link #NAMES}
   * @return the running loop
   * @throws IllegalArgumentException if {@code name} is not one of {@link #NAMES}
   * @throws InterruptedException if interrupted while waiting for the loop thread to start
   */
  static LoopUnderTest create(String name) throws InterruptedException {
    switch (name) {
      case "syncopate":
        return SyncopateLoop.start();
      case "netty-nio":
        return NettyLoop.nio();
      case "netty-default":
        return NettyLoop.defaultLoop();
      case "jdk":
        return JdkLoop.start();
      default:
        throw new IllegalArgumentException(
            "unknown loop implementation '" + name + "'; use one of " + NAMES);
    }
  }

  /** Runs {@code workload} on the loop thread; callable from any thread. */
  void submit(Runnable workload);

  /** Schedules {@code callback} for the next turn of the loop; loop thread only. */
  void callSoon(Runnable callback);

  /** Schedules {@code callback} after {@code delayNanos}; loop thread only. */
  void callLater(long delayNanos, Runnable callback);

  /**
   * Starts {@code count} tasks that each yield to the loop once and then complete, and awaits
   * them with the implementation's own completion mechanism (a done callback or listener per
   * task, sharing one counter); {@code allDone} runs on the loop once all have completed. Loop
   * thread only.
   */
  void spawnYieldingTasks(int count, Runnable allDone);

  /**
   * Stops the loop and waits for its thread to end; if interrupted meanwhile, stops waiting and
   * keeps the thread's interrupt status.
   */
  @Override
  void close();
}

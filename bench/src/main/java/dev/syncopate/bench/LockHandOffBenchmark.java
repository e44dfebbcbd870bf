package dev.syncopate.bench;

import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.sync.Lock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lock hand-off between two tasks: each task takes the lock, yields once while holding it (so the
 * other task queues up), and releases it, which hands the lock straight to the other task.
 * Score = acquisitions/s, every one of them a hand-off to a waiting task.
 *
 * <p>{@code fairReentrantLock} is the thread peer: two threads alternating on a fair {@link
 * ReentrantLock}, where every acquisition under contention is a park/unpark hand-off.
 *
 * <p><b>Threading:</b> the loop is created and run on the JMH thread ({@code Scope.Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LockHandOffBenchmark {
  static final int ACQUISITIONS = 200_000;

  private EventLoop loop;

  /** Creates the loop. */
  @Setup(Level.Trial)
  public void start() {
    loop = EventLoop.create();
  }

  /** Closes the loop. */
  @TearDown(Level.Trial)
  public void stop() {
    loop.close();
  }

  /** Two tasks handing a {@link Lock} to each other. */
  @Benchmark
  @OperationsPerInvocation(ACQUISITIONS)
  public int lockHandOff() {
    Lock lock = new Lock();
    int[] count = {0};
    loop.createTask(() -> use(lock, ACQUISITIONS / 2, count));
    loop.runUntilComplete(loop.createTask(() -> use(lock, ACQUISITIONS / 2, count)));
    return count[0];
  }

  private Future<Void> use(Lock lock, int remaining, int[] count) {
    if (remaining == 0) {
      return loop.completedFuture(null);
    }
    return lock.acquire().thenCompose(v -> {
      count[0]++;
      return loop.yieldNow();
    }).thenCompose(v -> {
      lock.release();
      return use(lock, remaining - 1, count);
    });
  }

  /** Two threads alternating on a fair {@link ReentrantLock}. */
  @Benchmark
  @OperationsPerInvocation(ACQUISITIONS)
  public int fairReentrantLock() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock(true);
    int[] count = {0};
    Runnable user = () -> {
      for (int i = 0; i < ACQUISITIONS / 2; i++) {
        lock.lock();
        try {
          count[0]++;
        } finally {
          lock.unlock();
        }
      }
    };
    Thread other = new Thread(user, "fair-lock-user");
    other.start();
    user.run();
    other.join();
    return count[0];
  }
}

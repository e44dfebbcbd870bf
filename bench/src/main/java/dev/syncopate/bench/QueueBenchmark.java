package dev.syncopate.bench;

import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.queue.AsyncQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * Issue 3's queue workload: 1,000,000 items through a queue of capacity 100, from one producer to
 * one consumer. Score = items/s.
 *
 * <ul>
 *   <li>{@code asyncQueue}: {@link AsyncQueue#fifo(int)} with its full semantics (FIFO waiters,
 *       reservations, cancellation safety), a producer task and a consumer task on one loop
 *       that run on the JMH thread. Both use the fast path when the returned future is already
 *       done and compose on it only when they must wait.
 *   <li>{@code arrayBlockingQueue}: {@link ArrayBlockingQueue} between a producer thread and the
 *       JMH thread as consumer: the blocking peer.
 * </ul>
 *
 * <p><b>Threading:</b> the loop is created and run on the JMH thread ({@code Scope.Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class QueueBenchmark {
  static final int ITEMS = 1_000_000;
  static final int CAPACITY = 100;

  private EventLoop loop;
  private Integer[] items;

  /** Creates the loop and boxes the items once, so boxing is not measured. */
  @Setup(Level.Trial)
  public void start() {
    loop = EventLoop.create();
    items = new Integer[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      items[i] = i;
    }
  }

  /** Closes the loop. */
  @TearDown(Level.Trial)
  public void stop() {
    loop.close();
  }

  /** One producer task and one consumer task through an {@link AsyncQueue}; returns the sum. */
  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public long asyncQueue() {
    AsyncQueue<Integer> queue = AsyncQueue.fifo(CAPACITY);
    long[] sum = {0};
    loop.createTask(() -> produce(queue, 0));
    return loop.runUntilComplete(loop.createTask(() -> consume(queue, 0, sum)));
  }

  private Future<Void> produce(AsyncQueue<Integer> queue, int from) {
    for (int i = from; i < ITEMS; i++) {
      Future<Void> put = queue.put(items[i]);
      if (!put.isDone()) {
        int next = i + 1;
        return put.thenCompose(v -> produce(queue, next));
      }
    }
    return loop.completedFuture(null);
  }

  private Future<Long> consume(AsyncQueue<Integer> queue, int from, long[] sum) {
    for (int i = from; i < ITEMS; i++) {
      Future<Integer> got = queue.get();
      if (!got.isDone()) {
        int next = i + 1;
        return got.thenCompose(item -> {
          sum[0] += item;
          return consume(queue, next, sum);
        });
      }
      sum[0] += got.result();
    }
    return loop.completedFuture(sum[0]);
  }

  /** The same hand-over through an {@link ArrayBlockingQueue} between two threads. */
  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public long arrayBlockingQueue() throws InterruptedException {
    ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(CAPACITY);
    Thread producer = new Thread(() -> {
      try {
        for (int i = 0; i < ITEMS; i++) {
          queue.put(items[i]);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "abq-producer");
    producer.start();
    long sum = 0;
    for (int i = 0; i < ITEMS; i++) {
      sum += queue.take();
    }
    producer.join();
    return sum;
  }
}

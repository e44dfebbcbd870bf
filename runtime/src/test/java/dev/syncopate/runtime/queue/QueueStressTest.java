package dev.syncopate.runtime.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.LoopError;
import dev.syncopate.runtime.Task;
import dev.syncopate.runtime.VirtualClock;
import dev.syncopate.runtime.sync.StressSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 10,000 producers and 10,000 consumers on a small bounded queue, under random task cancellation,
 * random put/get timeouts and a monkey that cancels in hand-off windows. Invariants: every item
 * whose put succeeded is delivered exactly once (by a get or by the final drain), no item whose
 * put failed is ever delivered, and nobody is left waiting.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QueueStressTest {
  private static final int PRODUCERS = 10_000;
  private static final int CONSUMERS = 10_000;
  private static final int WINDOW_MS = 2_000;

  private final List<LoopError> errors = new ArrayList<>();
  private final EventLoop loop = EventLoop.builder()
      .clock(new VirtualClock()).exceptionHandler((l, e) -> errors.add(e)).build();

  private final int[] inserted = new int[PRODUCERS];
  private final int[] delivered = new int[PRODUCERS];

  @ParameterizedTest
  @CsvSource({"1, fifo", "2, lifo", "3, priority", "4, fifo"})
  void everyItemIsDeliveredExactlyOnce(long seed, String kind) {
    Random random = new Random(seed);
    AsyncQueue<Integer> queue = switch (kind) {
      case "fifo" -> AsyncQueue.fifo(16);
      case "lifo" -> AsyncQueue.lifo(16);
      default -> AsyncQueue.priority(16);
    };
    loop.runUntilComplete(loop.createTask(() -> {
      List<Task<?>> everyone = new ArrayList<>();
      for (int i = 0; i < PRODUCERS; i++) {
        Task<?> producer = producer(random, queue, i);
        everyone.add(producer);
        if (i < CONSUMERS) {
          Task<?> consumer = consumer(random, queue, i);
          everyone.add(consumer);
        }
      }
      Future<Void> allDone = StressSupport.settled(loop, everyone);
      StressSupport.watchdog(loop, allDone, Duration.ofMinutes(10));
      StressSupport.monkey(loop, random, everyone, allDone);
      // Once every task has started, shut down: waiting putters fail (their items were never
      // inserted), waiting getters take what is left and then fail. Nothing can hang.
      loop.callLater(Duration.ofMillis(WINDOW_MS + 50), () -> queue.shutdown(false));
      return allDone;
    }));
    loop.runUntilComplete(loop.createTask(() -> {
      while (!queue.isEmpty()) {
        delivered[queue.getNowait()]++;
      }
      return loop.completedFuture(null);
    }));
    loop.close();
    assertTrue(errors.isEmpty(), () -> errors.size() + " loop errors, first: " + errors.get(0));
    int puts = 0;
    for (int id = 0; id < PRODUCERS; id++) {
      assertTrue(inserted[id] <= 1, "item " + id + " inserted twice");
      assertEquals(inserted[id], delivered[id], "item " + id + " inserted " + inserted[id]
          + " times, delivered " + delivered[id] + " times");
      puts += inserted[id];
    }
    assertTrue(puts > PRODUCERS / 3 && puts < PRODUCERS, "cancellation took part: " + puts);
    QueueStatistics end = queue.statistics();
    assertEquals(new QueueStatistics(0, 16, 0, 0, puts, end.shutDown()), end);
  }

  private Task<?> producer(Random random, AsyncQueue<Integer> queue, int id) {
    int start = (int) ((long) id * WINDOW_MS / PRODUCERS) + 1;
    boolean timeout = random.nextInt(100) < 20;
    int timeoutMs = random.nextInt(4);
    Task<Void> task = loop.createTask(() -> loop.sleep(Duration.ofMillis(start)).thenCompose(v -> {
      Future<Void> put = queue.put(id);
      put.addDoneCallback(done -> {
        if (!done.isCancelled() && done.exception() == null) {
          inserted[id]++;
        }
      });
      if (timeout) {
        loop.callLater(Duration.ofMillis(timeoutMs), () -> put.cancel());
      }
      return put;
    }));
    if (random.nextInt(100) < 15) {
      loop.callLater(Duration.ofMillis(start + random.nextInt(5)), () -> task.cancel());
    }
    return task;
  }

  private Task<?> consumer(Random random, AsyncQueue<Integer> queue, int index) {
    // A millisecond ahead of the producer of the same index: getters wait and are woken by puts.
    int start = (int) ((long) index * WINDOW_MS / CONSUMERS);
    boolean timeout = random.nextInt(100) < 20;
    int timeoutMs = random.nextInt(4);
    Task<Integer> task = loop.createTask(() -> loop.sleep(Duration.ofMillis(start)).thenCompose(v -> {
      Future<Integer> get = queue.get();
      get.addDoneCallback(done -> {
        if (!done.isCancelled() && done.exception() == null) {
          delivered[done.result()]++;
        }
      });
      if (timeout) {
        loop.callLater(Duration.ofMillis(timeoutMs), () -> get.cancel());
      }
      return get;
    }));
    if (random.nextInt(100) < 15) {
      loop.callLater(Duration.ofMillis(start + random.nextInt(5)), () -> task.cancel());
    }
    return task;
  }
}

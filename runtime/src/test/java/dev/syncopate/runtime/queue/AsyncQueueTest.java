package dev.syncopate.runtime.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syncopate.runtime.CancelledError;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.Task;
import dev.syncopate.runtime.sync.LoopTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AsyncQueueTest extends LoopTestBase {

  private static <T> List<T> drain(AsyncQueue<T> queue) {
    List<T> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      out.add(queue.getNowait());
    }
    return out;
  }

  @Test
  void fifoLifoAndPriorityOrders() {
    AsyncQueue<Integer> fifo = AsyncQueue.fifo();
    AsyncQueue<Integer> lifo = AsyncQueue.lifo(5);
    AsyncQueue<Integer> natural = AsyncQueue.priority();
    AsyncQueue<String> byLength = AsyncQueue.priority(0, Comparator.comparingInt(String::length));
    run(() -> {
      for (int i : new int[] {3, 1, 2}) {
        fifo.putNowait(i);
        lifo.putNowait(i);
        natural.putNowait(i);
      }
      byLength.putNowait("ccc");
      byLength.putNowait("a");
      byLength.putNowait("bb");
      assertEquals(List.of(3, 1, 2), drain(fifo));
      assertEquals(List.of(2, 1, 3), drain(lifo));
      assertEquals(List.of(1, 2, 3), drain(natural));
      assertEquals(List.of("a", "bb", "ccc"), drain(byLength));
      return loop.completedFuture(null);
    });
  }

  @Test
  void nowaitVariantsThrowSpecificExceptions() {
    AsyncQueue<String> queue = AsyncQueue.fifo(1);
    run(() -> {
      assertThrows(QueueEmpty.class, queue::getNowait);
      queue.putNowait("a");
      assertTrue(queue.isFull());
      QueueFull full = assertThrows(QueueFull.class, () -> queue.putNowait("b"));
      assertTrue(full.getMessage().contains("capacity 1"), full.getMessage());
      assertThrows(NullPointerException.class, () -> queue.putNowait(null));
      assertThrows(NullPointerException.class, () -> queue.put(null));
      return loop.completedFuture(null);
    });
    assertThrows(IllegalArgumentException.class, () -> AsyncQueue.fifo(0));
    assertThrows(IllegalArgumentException.class, () -> AsyncQueue.lifo(-1));
    assertThrows(IllegalArgumentException.class, () -> AsyncQueue.priority(0));
    assertThrows(IllegalArgumentException.class,
        () -> AsyncQueue.priority(-1, Comparator.<String>naturalOrder()));
  }

  @Test
  void fastPathsReturnCompletedFutures() {
    AsyncQueue<String> queue = AsyncQueue.fifo(2);
    run(() -> {
      Future<Void> put = queue.put("a");
      assertTrue(put.isDone());
      Future<String> got = queue.get();
      assertTrue(got.isDone());
      assertEquals("a", got.result());
      return loop.completedFuture(null);
    });
  }

  @Test
  void putWaitsWhileFullAndGetWaitsWhileEmpty() {
    AsyncQueue<Integer> queue = AsyncQueue.fifo(1);
    List<Integer> got = new ArrayList<>();
    run(() -> {
      Future<Integer> getter = queue.get().whenComplete((v, f) -> steps.expect(2));
      assertEquals(1, queue.statistics().getters());
      queue.putNowait(1); // reserved for the getter, which has not run yet
      steps.expect(1);
      assertThrows(QueueEmpty.class, queue::getNowait, "the item is promised to the getter");
      return getter.thenCompose(first -> {
        got.add(first);
        queue.putNowait(2);
        Future<Void> blocked = queue.put(3).whenComplete((v, f) -> steps.expect(4));
        assertFalse(blocked.isDone());
        assertEquals(1, queue.statistics().putters());
        steps.expect(3);
        got.add(queue.getNowait()); // frees the slot for the putter
        return blocked;
      }).thenCompose(v -> queue.get()).thenApply(last -> got.add(last));
    });
    steps.finish(5);
    assertEquals(List.of(1, 2, 3), got);
    assertEquals(new QueueStatistics(0, 1, 0, 0, 3, false), queue.statistics());
  }

  @Test
  void getterCancelledAfterItWasWokenLeavesTheItemForTheNextGetter() {
    AsyncQueue<String> queue = AsyncQueue.fifo();
    List<String> got = new ArrayList<>();
    run(() -> {
      Task<String> first = loop.createTask(() -> queue.get().thenApply(item -> {
        got.add("first:" + item);
        return item;
      }));
      Task<String> second = loop.createTask(() -> queue.get().thenApply(item -> {
        got.add("second:" + item);
        return item;
      }));
      return loop.yieldNow().thenCompose(v -> {
        assertEquals(2, queue.statistics().getters());
        queue.putNowait("x"); // wakes first ...
        assertTrue(first.cancel()); // ... which is cancelled before it runs
        return second;
      }).thenCompose(v -> first.handle((x, failure) -> {
        assertTrue(failure instanceof CancelledError);
        return null;
      }));
    });
    assertEquals(List.of("second:x"), got);
    assertEquals(new QueueStatistics(0, 0, 0, 0, 1, false), queue.statistics());
  }

  @Test
  void lastGetterCancelledAfterItWasWokenLeavesTheItemInTheQueue() {
    AsyncQueue<String> queue = AsyncQueue.fifo();
    run(() -> {
      Future<String> getter = queue.get();
      queue.putNowait("x");
      getter.cancel(); // the plain waiter was already completed: the step gives the item back
      return loop.yieldNow().thenCompose(v -> loop.yieldNow());
    });
    run(() -> {
      assertEquals("x", queue.getNowait());
      return loop.completedFuture(null);
    });
  }

  @Test
  void putterCancelledAfterItWasWokenPassesTheSlotOn() {
    AsyncQueue<String> queue = AsyncQueue.fifo(1);
    run(() -> {
      queue.putNowait("a");
      Task<Void> first = loop.createTask(() -> queue.put("b"));
      Task<Void> second = loop.createTask(() -> queue.put("c"));
      return loop.yieldNow().thenCompose(v -> {
        assertEquals("a", queue.getNowait()); // frees the slot for first ...
        first.cancel(); // ... which is cancelled before it runs
        return second;
      }).thenCompose(v -> first.handle((x, failure) -> failure));
    });
    run(() -> {
      assertEquals(List.of("c"), drain(queue));
      return loop.completedFuture(null);
    });
    assertEquals(0, queue.statistics().putters());
  }

  @Test
  void joinWaitsForTaskDoneOfEveryItem() {
    AsyncQueue<Integer> queue = AsyncQueue.fifo();
    run(() -> {
      assertTrue(queue.join().isDone());
      queue.putNowait(1);
      queue.putNowait(2);
      Future<Void> joined = queue.join().thenRun(() -> steps.expect(2));
      queue.getNowait();
      queue.taskDone();
      queue.getNowait();
      return loop.sleep(Duration.ofSeconds(1)).thenCompose(v -> {
        steps.expect(1);
        queue.taskDone();
        return joined;
      });
    });
    steps.finish(3);
    run(() -> {
      IllegalStateException error = assertThrows(IllegalStateException.class, queue::taskDone);
      assertTrue(error.getMessage().contains("more times"), error.getMessage());
      return loop.completedFuture(null);
    });
  }

  @Test
  void shutdownRefusesPutsAndLetsGettersDrain() {
    AsyncQueue<Integer> queue = AsyncQueue.fifo(1);
    run(() -> {
      queue.putNowait(1);
      Future<Void> waitingPutter = queue.put(2);
      queue.shutdown(false);
      assertThrows(QueueShutDown.class, () -> queue.putNowait(3));
      return waitingPutter.handle((v, failure) -> {
        assertTrue(failure instanceof QueueShutDown, String.valueOf(failure));
        return null;
      }).thenCompose(v -> queue.put(4)).handle((v, failure) -> {
        assertTrue(failure instanceof QueueShutDown, String.valueOf(failure));
        return null;
      }).thenCompose(v -> queue.get()).thenCompose(item -> {
        assertEquals(1, item);
        return queue.get();
      }).handle((v, failure) -> {
        assertTrue(failure instanceof QueueShutDown, String.valueOf(failure));
        assertThrows(QueueShutDown.class, queue::getNowait);
        return null;
      });
    });
    assertTrue(queue.statistics().shutDown());
  }

  @Test
  void immediateShutdownDropsItemsWakesGettersAndReleasesJoin() {
    AsyncQueue<Integer> queue = AsyncQueue.fifo();
    AsyncQueue<Integer> empty = AsyncQueue.fifo();
    run(() -> {
      queue.putNowait(1);
      queue.putNowait(2);
      Future<Void> joined = queue.join();
      Future<Integer> getter = empty.get();
      empty.shutdown(true);
      queue.shutdown(true);
      assertEquals(0, queue.size());
      return joined.thenCompose(v -> getter.handle((x, failure) -> {
        assertTrue(failure instanceof QueueShutDown, String.valueOf(failure));
        return null;
      }));
    });
    assertEquals(new QueueStatistics(0, 0, 0, 0, 0, true), queue.statistics());
  }

  @Test
  void immediateShutdownAfterAGetterWasWokenFailsThatGetter() {
    AsyncQueue<Integer> queue = AsyncQueue.fifo();
    Throwable failure = run(() -> {
      Future<Integer> getter = queue.get();
      queue.putNowait(1); // reserved for the getter
      queue.shutdown(true); // and dropped
      return getter.handle((v, f) -> f);
    });
    assertTrue(failure instanceof QueueShutDown, String.valueOf(failure));
  }

  @Test
  void usingAQueueFromAnotherThreadFails() throws Exception {
    AsyncQueue<String> queue = AsyncQueue.fifo();
    run(() -> queue.put("a"));
    Throwable[] thrown = new Throwable[1];
    Thread other = new Thread(() -> {
      try {
        queue.putNowait("b");
      } catch (Throwable t) {
        thrown[0] = t;
      }
    });
    other.start();
    other.join();
    assertTrue(thrown[0] instanceof IllegalStateException, String.valueOf(thrown[0]));
    assertEquals(1, queue.size());
  }

  @Test
  void putterCancelledBeforeASlotFreesNeverInsertsItsItem() {
    AsyncQueue<String> queue = AsyncQueue.fifo(1);
    run(() -> {
      queue.putNowait("a");
      Future<Void> put = queue.put("b");
      assertTrue(put.cancel());
      assertEquals("a", queue.getNowait());
      return loop.yieldNow();
    });
    assertEquals(new QueueStatistics(0, 1, 0, 0, 1, false), queue.statistics());
  }
}

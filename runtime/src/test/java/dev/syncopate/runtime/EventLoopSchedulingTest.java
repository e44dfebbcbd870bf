package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ready queue: FIFO, the snapshot rule, and yieldNow as exactly one iteration. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EventLoopSchedulingTest {
  private final LoopFixture fixture = new LoopFixture();
  private final EventLoop loop = fixture.loop;

  @Test
  void callSoonRunsCallbacksInFifoOrder() {
    Steps steps = new Steps();
    for (int i = 1; i <= 5; i++) {
      int step = i;
      loop.callSoon(() -> steps.expect(step));
    }
    loop.callSoon(() -> steps.expect(6));
    loop.runOnce();
    steps.finish(7);
    fixture.closeCleanly();
  }

  @Test
  void anIterationRunsOnlyTheCallbacksReadyWhenItBegan() {
    List<Integer> order = new ArrayList<>();
    loop.callSoon(() -> {
      order.add(1);
      loop.callSoon(() -> {
        order.add(4);
        loop.callSoon(() -> order.add(5));
      });
    });
    loop.callSoon(() -> order.add(2));
    loop.callSoon(() -> order.add(3));
    loop.runOnce();
    assertEquals(List.of(1, 2, 3), order, "callbacks scheduled by callbacks wait for the next iteration");
    loop.runOnce();
    assertEquals(List.of(1, 2, 3, 4), order);
    loop.runOnce();
    assertEquals(List.of(1, 2, 3, 4, 5), order);
    fixture.closeCleanly();
  }

  @Test
  void yieldNowAndSleepZeroSuspendForExactlyOneIteration() {
    int[] iteration = {0};
    // A ticker that counts iterations: it reschedules itself once per iteration.
    Runnable[] ticker = new Runnable[1];
    ticker[0] = () -> {
      iteration[0]++;
      loop.callSoon(ticker[0]);
    };
    loop.callSoon(ticker[0]);
    int[] seen = new int[4];
    Task<Void> task = loop.createTask(() -> {
      seen[0] = iteration[0];
      return loop.yieldNow()
          .thenCompose(v -> {
            seen[1] = iteration[0];
            return loop.sleep(Duration.ZERO);
          })
          .thenCompose(v -> {
            seen[2] = iteration[0];
            return loop.sleep(Duration.ofNanos(-5));
          })
          .thenAccept(v -> seen[3] = iteration[0]);
    });
    loop.runUntilComplete(task);
    assertEquals(1, seen[0]);
    assertEquals(2, seen[1], "yieldNow: one iteration");
    // sleep(0) inside a thenCompose: the inner future is adopted (one iteration), then the
    // next stage's step runs (one more), just as asyncio's await of sleep(0) in a chain.
    assertEquals(seen[1] + 2, seen[2]);
    assertEquals(seen[2] + 2, seen[3]);
    fixture.closeCleanly();
  }

  @Test
  void yieldNowInterleavesTasksRoundRobin() {
    List<String> order = new ArrayList<>();
    for (String name : List.of("a", "b")) {
      loop.createTask(() -> {
        order.add(name + 1);
        return loop.yieldNow().thenAccept(v -> order.add(name + 2));
      });
    }
    Task<Void> last = loop.createTask(() -> {
      order.add("c1");
      return loop.yieldNow().thenAccept(v -> order.add("c2"));
    });
    loop.runUntilComplete(last);
    assertEquals(List.of("a1", "b1", "c1", "a2", "b2", "c2"), order);
    fixture.closeCleanly();
  }

  /**
   * asyncio's test_locks EventTests.test_wait: two tasks wait on an event; a third task, created
   * before the event is set, finds it set and runs first: [3, 1, 2].
   */
  @Test
  void eventStyleWakeUpsInterleaveAsInAsyncio() {
    Steps steps = new Steps();
    List<Integer> result = new ArrayList<>();
    Future<Void> event = loop.createFuture();
    Task<Void> main = loop.createTask(() -> {
      steps.expect(1);
      loop.createTask(() -> event.thenAccept(v -> result.add(1)));
      loop.createTask(() -> event.thenAccept(v -> result.add(2)));
      return loop.yieldNow()
          .thenCompose(v -> {
            steps.expect(2);
            assertEquals(List.of(), result, "both waiters are suspended");
            loop.createTask(() -> {
              if (event.isDone()) {
                result.add(3);
              }
              return loop.completedFuture(null);
            });
            event.setResult(null);
            assertEquals(List.of(), result, "setting the event wakes nobody inline");
            return loop.yieldNow();
          })
          .thenAccept(v -> {
            steps.expect(3);
            assertEquals(List.of(3, 1, 2), result);
          });
    });
    loop.runUntilComplete(main);
    steps.finish(4);
    fixture.closeCleanly();
  }

  @Test
  void cancelledCallbackIsSkippedAndLaterOnesStillRun() {
    Steps steps = new Steps();
    loop.callSoon(() -> steps.expect(1));
    Handle skipped = loop.callSoon(steps::unreached);
    loop.callSoon(() -> steps.expect(2));
    skipped.cancel();
    skipped.cancel();
    assertTrue(skipped.cancelled());
    loop.runOnce();
    steps.finish(3);
    fixture.closeCleanly();
  }

  @Test
  void callbackCanCancelALaterCallbackOfTheSameIteration() {
    Steps steps = new Steps();
    Handle[] later = new Handle[1];
    loop.callSoon(() -> {
      steps.expect(1);
      later[0].cancel();
    });
    later[0] = loop.callSoon(steps::unreached);
    loop.runOnce();
    steps.finish(2);
    fixture.closeCleanly();
  }

  @Test
  void stopMadeBeforeRunForeverRunsExactlyOneIteration() {
    List<Integer> order = new ArrayList<>();
    loop.callSoon(() -> {
      order.add(1);
      loop.callSoon(() -> order.add(2));
    });
    loop.stop();
    loop.runForever();
    assertEquals(List.of(1), order);
    assertFalse(loop.isRunning());
    loop.stop();
    loop.runForever();
    assertEquals(List.of(1, 2), order);
    fixture.closeCleanly();
  }

  @Test
  void stopFromACallbackFinishesTheCurrentIteration() {
    List<Integer> order = new ArrayList<>();
    loop.callSoon(() -> {
      order.add(1);
      loop.stop();
      loop.callSoon(() -> order.add(3));
    });
    loop.callSoon(() -> order.add(2));
    loop.runForever();
    assertEquals(List.of(1, 2), order);
    fixture.closeCleanly();
  }

  @Test
  void runningLoopIsVisibleOnlyInsideTheLoop() {
    assertTrue(EventLoop.current().isEmpty());
    IllegalStateException outside = assertThrows(IllegalStateException.class, EventLoop::running);
    assertTrue(outside.getMessage().contains("no event loop is running"), outside.getMessage());
    EventLoop[] inside = new EventLoop[2];
    loop.callSoon(() -> {
      inside[0] = EventLoop.running();
      inside[1] = EventLoop.current().orElseThrow();
      assertTrue(loop.isRunning());
      assertTrue(loop.inLoopThread());
    });
    loop.runOnce();
    assertSame(loop, inside[0]);
    assertSame(loop, inside[1]);
    assertTrue(EventLoop.current().isEmpty());
    fixture.closeCleanly();
  }

  @Test
  void badArgumentsAreRejected() {
    assertThrows(NullPointerException.class, () -> loop.callSoon(null));
    assertThrows(NullPointerException.class, () -> loop.callSoonThreadSafe(null));
    assertThrows(NullPointerException.class, () -> loop.callLater(null, () -> {}));
    assertThrows(NullPointerException.class, () -> loop.callLater(Duration.ZERO, null));
    assertThrows(NullPointerException.class, () -> loop.createTask(null));
    assertThrows(NullPointerException.class, () -> loop.sleep(null));
    assertThrows(NullPointerException.class, () -> loop.failedFuture(null));
    assertThrows(IllegalArgumentException.class,
        () -> EventLoop.builder().slowCallbackThreshold(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class,
        () -> loop.setSlowCallbackThreshold(Duration.ofMillis(-1)));
    fixture.closeCleanly();
  }

  @Test
  void tasksAreNamedAndListedWhilePending() {
    Task<Void> named = loop.createTask("worker", () -> loop.sleep(Duration.ofSeconds(1)));
    Task<Void> anonymous = loop.createTask(() -> loop.sleep(Duration.ofSeconds(2)));
    assertEquals("worker", named.name());
    assertTrue(anonymous.name().startsWith("Task-"), anonymous.name());
    assertEquals(List.of(anonymous, named), loop.allTasks());
    loop.runUntilComplete(named);
    assertEquals(List.of(anonymous), loop.allTasks());
    loop.runUntilComplete(anonymous);
    assertEquals(List.of(), loop.allTasks());
    named.setName("renamed");
    assertEquals("renamed", named.name());
    assertThrows(NullPointerException.class, () -> named.setName(null));
    fixture.closeCleanly();
  }
}

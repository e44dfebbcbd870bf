package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoopBridgeLifecycleTest {
  private static final int CALLERS = 100;

  /** Starts CALLERS threads blocked in calls that never complete; returns their outcomes. */
  private static List<AtomicReference<Throwable>> blockCallers(
      LoopBridge bridge, List<Thread> threads) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(CALLERS);
    List<AtomicReference<Throwable>> outcomes = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      AtomicReference<Throwable> outcome = new AtomicReference<>();
      outcomes.add(outcome);
      Thread thread = new Thread(() -> {
        try {
          bridge.call(() -> {
            started.countDown();
            return bridge.loop().createFuture();
          });
        } catch (Throwable e) {
          outcome.set(e);
        }
      });
      threads.add(thread);
      thread.start();
    }
    started.await();
    return outcomes;
  }

  @Test
  void aDeadLoopThreadReleasesOneHundredBlockedCallersWithTheReasonAsCause() throws Exception {
    try (BridgeTestSupport support = new BridgeTestSupport("dying")) {
      LoopBridge bridge = support.bridge;
      List<Thread> threads = new ArrayList<>();
      List<AtomicReference<Throwable>> outcomes = blockCallers(bridge, threads);
      Thread loopThread = bridge.invoke(Thread::currentThread);
      loopThread.interrupt(); // the loop stops after this iteration: its thread ends
      for (Thread thread : threads) {
        thread.join();
      }
      for (AtomicReference<Throwable> outcome : outcomes) {
        LoopClosedException closed = assertInstanceOf(LoopClosedException.class, outcome.get());
        assertTrue(closed.getCause().getMessage().contains("the thread was interrupted"),
            closed.getCause()::getMessage);
      }
      assertTrue(bridge.core().awaitThreadEnd(Duration.ofSeconds(5)));
      assertTrue(bridge.isClosed());
      assertTrue(support.loop.isClosed(), "the remaining tasks were cancelled and the loop closed");
      LoopClosedException later = assertThrows(LoopClosedException.class,
          () -> bridge.call(() -> support.loop.completedFuture(1)));
      assertTrue(later.getCause().getMessage().contains("interrupted"));
      assertEquals(0, support.loop.inbox().blockedCallers(),
          "released and refused callers are no longer counted as blocked on the loop");
    }
  }

  @Test
  void aBridgeOverSomeoneElsesLoopEndsWhenThatLoopCloses() throws Exception {
    List<LoopError> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.builder().name("theirs")
        .exceptionHandler((l, e) -> errors.add(e)).build();
    LoopBridge bridge = LoopBridge.over(loop);
    CountDownLatch running = new CountDownLatch(1);
    loop.callSoonThreadSafe(running::countDown);
    Thread runner = new Thread(() -> {
      loop.runForever();
      loop.close(); // abruptly, with the callers' tasks pending: the loop reports them

    }, "their-thread");
    runner.start();
    running.await();
    assertEquals("their-thread", bridge.invoke(() -> Thread.currentThread().getName()));
    List<Thread> threads = new ArrayList<>();
    List<AtomicReference<Throwable>> outcomes = blockCallers(bridge, threads);
    loop.stop();
    for (Thread thread : threads) {
      thread.join();
    }
    runner.join();
    for (AtomicReference<Throwable> outcome : outcomes) {
      LoopClosedException closed = assertInstanceOf(LoopClosedException.class, outcome.get());
      assertTrue(closed.getCause().getMessage().contains("'theirs' was closed"));
    }
    assertThrows(LoopClosedException.class, () -> bridge.invoke(() -> 1));
    assertEquals(CALLERS, errors.size(), "the loop reported each abandoned task");
  }

  @Test
  void closingABridgeOverARunningLoopCancelsItsCallsButLeavesTheLoopRunning() throws Exception {
    try (BridgeTestSupport support = new BridgeTestSupport("host")) {
      LoopBridge over = LoopBridge.over(support.loop);
      CountDownLatch started = new CountDownLatch(1);
      AtomicReference<Future<Void>> operation = new AtomicReference<>();
      AtomicReference<Throwable> outcome = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          over.call(() -> {
            operation.set(support.loop.createFuture());
            started.countDown();
            return operation.get();
          });
        } catch (Throwable e) {
          outcome.set(e);
        }
      });
      caller.start();
      started.await();
      over.close();
      caller.join();
      assertInstanceOf(LoopClosedException.class, outcome.get());
      assertTrue(support.bridge.call(() -> support.loop.sleep(Duration.ofSeconds(1),
          operation.get().isCancelled())), "the released call's task was cancelled");
      assertEquals(0, support.pendingTasks());
      assertTrue(support.errors.isEmpty(), support.errors::toString);
    }
  }

  @Test
  void closeCancelsRemainingTasksBeforeClosingTheLoop() throws Exception {
    BridgeTestSupport support = new BridgeTestSupport("owner");
    AtomicReference<Throwable> seen = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    support.bridge.submit(() -> {
      started.countDown();
      return support.loop.<Void>createFuture()
          .whenComplete((v, failure) -> seen.set(failure));
    });
    started.await();
    support.close();
    assertInstanceOf(CancelledError.class, seen.get());
    assertTrue(support.loop.isClosed());
  }
}

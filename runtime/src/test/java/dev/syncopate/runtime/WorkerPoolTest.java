package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WorkerPoolTest {
  private final BridgeTestSupport support = new BridgeTestSupport("workers");
  private final LoopBridge bridge = support.bridge;

  @AfterEach
  void tearDown() {
    support.close();
  }

  @Test
  void toThreadRunsOnAWorkerAndReturnsToTheLoop() {
    String[] threads = bridge.call(() -> Aio.toThread(() -> Thread.currentThread().getName())
        .thenApply(worker -> new String[] {worker, Thread.currentThread().getName()}));
    assertTrue(threads[0].startsWith("workers-worker-"), threads[0]);
    assertEquals("workers", threads[1]);
  }

  @Test
  void aFailureOfTheFunctionIsTheOriginalException() {
    IOException original = new IOException("blocking read failed");
    assertSame(original, assertThrows(IOException.class,
        () -> bridge.call(() -> Aio.toThread(() -> {
          throw original;
        }))));
  }

  @Test
  void cancellingARunningFunctionLeavesTheThreadRunningAndDropsTheResult() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicReference<Future<String>> work = new AtomicReference<>();
    bridge.invoke(() -> {
      work.set(Aio.toThread(() -> {
        running.countDown();
        release.await();
        interrupted.set(Thread.currentThread().isInterrupted());
        finished.set(true);
        return "dropped";
      }));
      return null;
    });
    running.await();
    assertTrue(bridge.invoke(() -> work.get().cancel()));
    release.countDown();
    while (!finished.get()) {
      Thread.onSpinWait();
    }
    // Let the worker's result reach the loop, where it must be dropped.
    bridge.invoke(() -> null);
    bridge.invoke(() -> null);
    assertTrue(bridge.invoke(() -> work.get().isCancelled()));
    assertFalse(interrupted.get(), "the worker thread is never interrupted");
  }

  @Test
  void aFunctionCancelledBeforeItStartsNeverRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean secondRan = new AtomicBoolean();
    AtomicReference<Future<Object>> second = new AtomicReference<>();
    Future<?> first = bridge.invoke(() -> {
      Future<Object> blocker = Aio.toThreadSensitive(() -> release.await(10, TimeUnit.SECONDS));
      second.set(Aio.toThreadSensitive(() -> secondRan.getAndSet(true)));
      second.get().cancel();
      return blocker;
    });
    release.countDown();
    bridge.call(() -> first.thenCompose(ignored -> Aio.toThreadSensitive(() -> null)));
    assertFalse(secondRan.get());
  }

  @Test
  void threadSensitiveWorkRunsInOrderOnOneThread() {
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    bridge.call(() -> {
      List<Future<Integer>> all = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        int number = i;
        all.add(Aio.toThreadSensitive(() -> {
          threads.add(Thread.currentThread());
          order.add(number);
          return number;
        }));
      }
      return all.get(all.size() - 1);
    });
    assertEquals(1, threads.size());
    for (int i = 0; i < 100; i++) {
      assertEquals(i, order.get(i));
    }
  }

  @Test
  void contextVariablesAndPropagatedThreadLocalsReachTheWorker() {
    ContextVar<String> request = ContextVar.named("request");
    ThreadLocal<String> user = new ThreadLocal<>();
    ContextPropagation.AutoCloseableRegistration registration =
        ContextPropagation.register(new ThreadLocalPropagator(user));
    try {
      user.set("bob");
      ContextVar.Token<String> token = request.set("r-7");
      try {
        String seen = bridge.call(() -> Aio.toThread(() -> request.get() + "/" + user.get()));
        assertEquals("r-7/bob", seen);
      } finally {
        request.reset(token);
      }
    } finally {
      registration.close();
      user.remove();
    }
  }

  @Test
  void thePoolShutsDownWhenEventLoopRunFinishes() {
    EventLoop loop = EventLoop.create();
    AtomicReference<WorkerPool> pool = new AtomicReference<>();
    assertEquals(3, loop.run(() -> {
      pool.set(WorkerPool.of(loop));
      return Aio.toThread(() -> 3);
    }));
    assertTrue(pool.get().isShutDown());
    assertThrows(LoopClosedException.class, () -> WorkerPool.of(loop));
  }

  @Test
  void toThreadOffTheLoopIsRefused() {
    assertThrows(IllegalStateException.class, () -> Aio.toThread(() -> 1));
    assertThrows(WrongThreadException.class, () -> WorkerPool.of(support.loop).toThread(() -> 1));
  }
}

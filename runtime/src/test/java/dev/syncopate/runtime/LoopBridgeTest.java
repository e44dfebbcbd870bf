package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoopBridgeTest {
  private final BridgeTestSupport support = new BridgeTestSupport("bridge-test");
  private final LoopBridge bridge = support.bridge;
  private final EventLoop loop = support.loop;

  @AfterEach
  void tearDown() {
    support.close();
  }

  @Test
  void callRunsTheOperationAsATaskOnTheLoopThread() {
    String result = bridge.call(() -> {
      assertTrue(loop.inLoopThread());
      assertTrue(Aio.currentTask().isPresent());
      return loop.sleep(Duration.ofSeconds(5), Thread.currentThread().getName());
    });
    assertEquals("bridge-test", result);
    assertEquals(0, support.pendingTasks());
  }

  @Test
  void invokeRunsAPlainFunctionOnTheLoopThread() {
    assertEquals("bridge-test", bridge.invoke(() -> Thread.currentThread().getName()));
  }

  @Test
  void blockingOnTheLoopThreadFailsAtOnceNamingCallLoopTaskAndFix() throws Exception {
    CompletableFuture<BlockingOnLoopThreadException> refused = bridge.submit(() -> {
      BlockingOnLoopThreadException e = assertThrows(BlockingOnLoopThreadException.class,
          () -> bridge.call(() -> loop.completedFuture(1)));
      assertThrows(BlockingOnLoopThreadException.class, () -> bridge.invoke(() -> 1));
      return loop.completedFuture(e);
    });
    String message = refused.get().getMessage();
    for (String part : Arrays.asList("LoopBridge.call", "'bridge-test'", "task 'Task-", "Aio.toThread",
        "thenCompose")) {
      assertTrue(message.contains(part), () -> "missing " + part + " in: " + message);
    }
  }

  @Test
  void aCheckedFailureIsRethrownAsTheSameInstanceWithTheCallerCallSite() {
    IOException original = new IOException("disk gone");
    IOException thrown = assertThrows(IOException.class,
        () -> bridge.call(() -> loop.sleep(Duration.ofSeconds(1))
            .thenApply(ignored -> {
              throw Throwables.sneakyThrow(original);
            })));
    assertSame(original, thrown);
    Throwable[] suppressed = thrown.getSuppressed();
    assertEquals(1, suppressed.length);
    assertInstanceOf(CallSite.class, suppressed[0]);
    assertTrue(Arrays.stream(suppressed[0].getStackTrace()).anyMatch(frame ->
        frame.getMethodName().contains("aCheckedFailureIsRethrown")), "caller frame visible");
  }

  @Test
  void aFailureOfTheBodyItselfKeepsItsType() {
    IllegalArgumentException original = new IllegalArgumentException("bad");
    assertSame(original, assertThrows(IllegalArgumentException.class, () -> bridge.call(() -> {
      throw original;
    })));
  }

  @Test
  void aPerCallTimeoutCancelsTheOperationFirstThenRaisesTimeoutError() {
    AtomicReference<Throwable> seenByOperation = new AtomicReference<>();
    TimeoutError timeout = assertThrows(TimeoutError.class, () -> bridge.call(
        () -> loop.sleep(Duration.ofHours(1))
            .whenComplete((value, failure) -> seenByOperation.set(failure)),
        Duration.ofSeconds(3)));
    assertInstanceOf(CancelledError.class, timeout.getCause());
    assertInstanceOf(CancelledError.class, seenByOperation.get(), "cancelled before the raise");
    assertTrue(timeout.getMessage().contains("PT3S"), timeout::getMessage);
    assertEquals(0, support.pendingTasks());
  }

  @Test
  void aTimeoutIsBoundedEvenWhenTheOperationRefusesToEnd() {
    TimeoutError timeout = assertThrows(TimeoutError.class, () -> bridge.call(() -> {
      Future<Void> first = loop.createFuture();
      // Swallows the cancellation and waits for something that never comes.
      return first.exceptionallyCompose(cancelled -> loop.<Void>createFuture());
    }, Duration.ofSeconds(2)));
    assertTrue(timeout.getCause().getMessage().contains("may still be running"),
        timeout.getCause()::getMessage);
    assertEquals(1, support.pendingTasks(), "left behind, and cancelled again by close()");
  }

  @Test
  void theDefaultTimeoutAppliesAndIsPerBridgeView() {
    LoopBridge impatient = bridge.withDefaultTimeout(Duration.ofSeconds(1));
    assertEquals(Duration.ofSeconds(1), impatient.defaultTimeout());
    assertEquals(null, bridge.defaultTimeout());
    assertThrows(TimeoutError.class, () -> impatient.call(() -> loop.sleep(Duration.ofHours(1))));
    assertEquals("late", bridge.call(() -> loop.sleep(Duration.ofHours(1), "late")));
    assertEquals("quick", impatient.call(() -> loop.sleep(Duration.ofMillis(10), "quick")));
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> bridge.call(() -> loop.completedFuture(1), Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> bridge.withDefaultTimeout(Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> bridge.call(null));
    assertThrows(IllegalArgumentException.class, () -> bridge.iterate(() -> null, 0));
    assertThrows(IllegalArgumentException.class, () -> LoopBridge.start(" "));
    bridge.invoke(() -> null); // the loop runs now
    assertThrows(IllegalStateException.class, () -> LoopBridge.start(loop), "already running");
  }

  @Test
  void interruptingTheCallerCancelsTheOperationAndKeepsTheFlag() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<Future<Void>> operation = new AtomicReference<>();
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        bridge.call(() -> {
          Future<Void> never = loop.createFuture();
          operation.set(never);
          started.countDown();
          return never;
        });
      } catch (Throwable e) {
        outcome.set(e);
        flag.set(Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    started.await();
    caller.interrupt();
    caller.join();
    BridgeInterruptedException e = assertInstanceOf(BridgeInterruptedException.class, outcome.get());
    assertInstanceOf(CancelledError.class, e.getCause(), "the cancellation had settled");
    assertTrue(flag.get(), "interrupt status kept");
    assertTrue(bridge.invoke(() -> operation.get().isCancelled()));
    assertEquals(0, support.pendingTasks());
  }

  @Test
  void anAlreadyInterruptedCallerIsRefusedWithoutStartingAnything() {
    AtomicInteger runs = new AtomicInteger();
    Thread.currentThread().interrupt();
    try {
      assertThrows(BridgeInterruptedException.class, () -> bridge.call(() -> {
        runs.incrementAndGet();
        return loop.completedFuture(1);
      }));
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
    assertEquals(0, bridge.invoke(runs::get));
  }

  @Test
  void closeReleasesBlockedCallersAndRefusesLaterOnes() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        bridge.call(() -> {
          started.countDown();
          return loop.createFuture();
        });
      } catch (Throwable e) {
        outcome.set(e);
      }
    });
    caller.start();
    started.await();
    bridge.close();
    caller.join();
    LoopClosedException closed = assertInstanceOf(LoopClosedException.class, outcome.get());
    assertTrue(closed.getCause().getMessage().contains("LoopBridge.close()"));
    assertTrue(loop.isClosed(), "an owned loop is closed");
    assertTrue(bridge.isClosed());
    assertThrows(LoopClosedException.class, () -> bridge.call(() -> loop.completedFuture(1)));
    assertThrows(LoopClosedException.class, () -> bridge.submit(() -> loop.completedFuture(1)));
  }

  @Test
  void submitCompletesAThreadSafeFutureAndCancellingItCancelsTheTask() throws Exception {
    assertEquals(7, bridge.submit(() -> loop.sleep(Duration.ofSeconds(1), 7)).get());
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<Future<Void>> operation = new AtomicReference<>();
    CompletableFuture<Void> pending = bridge.submit(() -> {
      operation.set(loop.createFuture());
      started.countDown();
      return operation.get();
    });
    started.await();
    assertTrue(pending.cancel(true));
    assertTrue(bridge.call(() -> loop.sleep(Duration.ofSeconds(1), operation.get().isCancelled())));
    IOException failure = new IOException("x");
    ExecutionException wrapped = assertThrows(ExecutionException.class,
        () -> bridge.submit(() -> loop.failedFuture(failure)).get());
    assertSame(failure, wrapped.getCause());
  }

  @Test
  void contextVariablesOfTheCallerAreSeenOnTheLoop() {
    ContextVar<String> request = ContextVar.named("request");
    ContextVar.Token<String> token = request.set("r-42");
    try {
      assertEquals("r-42", bridge.call(() -> loop.completedFuture(request.get())));
      assertEquals("r-42", bridge.invoke(request::get));
    } finally {
      request.reset(token);
    }
  }

  @Test
  void aThreadLocalPropagatorCarriesStateToTheLoopAndCleansUp() {
    ThreadLocal<String> user = new ThreadLocal<>();
    ContextPropagator propagator = new ThreadLocalPropagator(user);
    ContextPropagation.AutoCloseableRegistration registration =
        ContextPropagation.register(propagator);
    try {
      user.set("alice");
      assertEquals("alice", bridge.call(() -> loop.completedFuture(user.get())));
      assertEquals("alice", bridge.invoke(user::get));
      user.remove();
      assertEquals(null, bridge.invoke(user::get), "reset after the call");
    } finally {
      registration.close();
    }
    assertFalse(ContextPropagation.registered().contains(propagator));
  }

  @Test
  void theSharedBridgeRunsOnADaemonThreadNamedSyncopateShared() {
    LoopBridge shared = LoopBridge.shared();
    assertSame(shared, LoopBridge.shared());
    Thread thread = shared.invoke(Thread::currentThread);
    assertEquals("syncopate-shared", thread.getName());
    assertTrue(thread.isDaemon());
    shared.close();
    LoopBridge next = LoopBridge.shared();
    assertFalse(next.isClosed(), "a closed shared bridge is replaced");
    assertNotNull(next.invoke(() -> 1));
  }

  @Test
  void anAsyncCloseableBecomesAnAutoCloseableThroughTheBridge() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    AsyncCloseable resource = () -> loop.sleep(Duration.ofSeconds(1))
        .thenRun(closes::incrementAndGet);
    AutoCloseable blocking = resource.blocking(bridge);
    assertEquals(0, closes.get());
    blocking.close();
    assertEquals(1, closes.get());
    assertThrows(NullPointerException.class, () -> resource.blocking(null));
  }
}

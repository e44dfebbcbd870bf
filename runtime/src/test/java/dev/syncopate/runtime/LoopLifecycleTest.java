package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
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

/** Running, stopping, interrupting and closing a loop. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoopLifecycleTest {
  private final LoopFixture fixture = new LoopFixture();
  private final EventLoop loop = fixture.loop;

  @Test
  void closeDiscardsPendingWorkAndReportsPendingTasks() throws Exception {
    Steps steps = new Steps();
    loop.callSoon(steps::unreached);
    loop.callLater(Duration.ofSeconds(1), steps::unreached);
    Thread poster = new Thread(() -> loop.callSoonThreadSafe(steps::unreached));
    poster.start();
    poster.join();
    Task<Void> neverStarted = loop.createTask("never-started", () -> loop.yieldNow());
    loop.close();
    assertTrue(loop.isClosed());
    assertEquals(1, fixture.errors.size(), fixture.errors::toString);
    LoopError report = fixture.errors.get(0);
    assertSame(neverStarted, report.source());
    assertTrue(report.message().contains("still pending"), report.message());
    assertThrows(LoopClosedException.class, loop::runForever);
    assertThrows(LoopClosedException.class, loop::runOnce);
    steps.finish(1);
  }

  @Test
  void closeReportsASuspendedTaskAndAnUnretrievedFailureOnce() {
    Task<Void> suspended = loop.createTask("sleeper", () -> loop.sleep(Duration.ofHours(1)));
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1)));
    IllegalStateException boom = new IllegalStateException("boom");
    loop.failedFuture(boom);
    loop.close();
    loop.close();
    assertEquals(2, fixture.errors.size(), fixture.errors::toString);
    assertSame(suspended, fixture.errors.get(0).source());
    assertSame(boom, fixture.errors.get(1).exception());
  }

  @Test
  void everySchedulingCallAfterCloseThrowsLoopClosed() throws Exception {
    loop.close();
    LoopClosedException soon = assertThrows(LoopClosedException.class, () -> loop.callSoon(() -> {}));
    assertTrue(soon.getMessage().contains("closed"), soon.getMessage());
    assertThrows(LoopClosedException.class, () -> loop.callLater(Duration.ZERO, () -> {}));
    assertThrows(LoopClosedException.class, () -> loop.createTask(() -> null));
    assertThrows(LoopClosedException.class, () -> loop.callSoonThreadSafe(() -> {}));
    AtomicReference<Throwable> fromOtherThread = new AtomicReference<>();
    Thread other = new Thread(() -> {
      try {
        loop.callSoonThreadSafe(() -> {});
      } catch (Throwable t) {
        fromOtherThread.set(t);
      }
    });
    other.start();
    other.join();
    assertInstanceOf(LoopClosedException.class, fromOtherThread.get());
    assertThrows(LoopClosedException.class, () -> loop.run(() -> null));
  }

  @Test
  void closingARunningLoopIsRefused() throws Exception {
    IllegalStateException[] refused = new IllegalStateException[2];
    CountDownLatch closed = new CountDownLatch(1);
    loop.callSoon(() -> {
      refused[0] = assertThrows(IllegalStateException.class, loop::close);
      Thread other = new Thread(() -> {
        refused[1] = assertThrows(IllegalStateException.class, loop::close);
        closed.countDown();
      });
      other.start();
      try {
        closed.await();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    loop.runOnce();
    assertTrue(refused[0].getMessage().contains("stop()"), refused[0].getMessage());
    assertTrue(refused[1].getMessage().contains("while it runs"), refused[1].getMessage());
    assertFalse(loop.isClosed());
    fixture.closeCleanly();
  }

  @Test
  void runCancelsLeftoversWaitsForThemReportsTheirFailuresAndCloses() {
    List<String> cleanups = new ArrayList<>();
    IllegalStateException cleanupFailure = new IllegalStateException("cleanup failed");
    Integer result = loop.run(() -> {
      // A leftover that catches the cancellation and takes two more sleeps to clean up.
      loop.createTask("slow-cleanup", () -> loop.sleep(Duration.ofHours(1))
          .handle((v, f) -> f)
          .thenCompose(f -> loop.sleep(Duration.ofSeconds(1)))
          .thenCompose(v -> loop.sleep(Duration.ofSeconds(1)))
          .thenAccept(v -> cleanups.add("slow")));
      // A leftover whose cleanup fails: reported, not thrown.
      loop.createTask("failing-cleanup", () -> loop.sleep(Duration.ofHours(1))
          .handle((v, f) -> {
            throw cleanupFailure;
          }));
      return loop.sleep(Duration.ofSeconds(3), 7);
    });
    assertEquals(7, result);
    assertEquals(List.of("slow"), cleanups);
    assertEquals(Duration.ofSeconds(5).toNanos(), loop.time());
    assertTrue(loop.isClosed());
    assertEquals(1, fixture.errors.size(), fixture.errors::toString);
    assertSame(cleanupFailure, fixture.errors.get(0).exception());
  }

  @Test
  void runRethrowsTheMainFailureAndStillCloses() {
    IllegalArgumentException boom = new IllegalArgumentException("main failed");
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> loop.run(() -> loop.sleep(Duration.ofSeconds(1)).thenApply(v -> {
          throw boom;
        })));
    assertSame(boom, thrown);
    assertTrue(loop.isClosed());
    assertTrue(fixture.errors.isEmpty(), "the failure was delivered, not reported: " + fixture.errors);
  }

  @Test
  void runUntilCompleteOnAStoppedLoopSaysItWasStopped() {
    Future<String> never = loop.createFuture();
    loop.stop();
    IllegalStateException stopped =
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(never));
    assertTrue(stopped.getMessage().contains("was stopped"), stopped.getMessage());
    loop.callLater(Duration.ofSeconds(1), loop::stop);
    assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(never));
    never.cancel();
    fixture.closeCleanly();
  }

  @Test
  void anEarlierRunUntilCompleteThatWasStoppedDoesNotStopALaterRun() {
    Future<String> first = loop.createFuture();
    loop.stop();
    assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(first));
    // first completes during a later run: that run must go on until its own future is done.
    loop.callSoon(() -> first.setResult("late"));
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(5)));
    assertEquals(Duration.ofSeconds(5).toNanos(), loop.time());
    assertEquals("late", first.result());
    fixture.closeCleanly();
  }

  @Test
  void runUntilCompleteAdoptsAForeignStage() {
    java.util.concurrent.CompletableFuture<String> foreign = new java.util.concurrent.CompletableFuture<>();
    loop.callLater(Duration.ofSeconds(1), () -> foreign.complete("foreign"));
    assertEquals("foreign", loop.runUntilComplete(foreign));
    fixture.closeCleanly();
  }

  @Test
  void interruptingASleepingLoopThreadStopsItAndKeepsTheFlag() throws Exception {
    assertInterruptStops(false);
  }

  @Test
  void interruptingABusyLoopThreadStopsItAndKeepsTheFlag() throws Exception {
    assertInterruptStops(true);
  }

  private static void assertInterruptStops(boolean busy) throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    boolean[] flagKept = {false};
    Thread loopThread = new Thread(() -> {
      EventLoop own = EventLoop.create();
      Future<Void> never = own.createFuture();
      own.callSoon(running::countDown);
      if (busy) {
        Runnable[] spin = new Runnable[1];
        spin[0] = () -> own.callSoon(spin[0]);
        own.callSoon(spin[0]);
      }
      try {
        own.runUntilComplete(never);
      } catch (Throwable t) {
        outcome.set(t);
      }
      flagKept[0] = Thread.currentThread().isInterrupted();
      Thread.interrupted();
      never.cancel();
      own.close();
    });
    loopThread.start();
    running.await();
    loopThread.interrupt();
    loopThread.join(TimeUnit.SECONDS.toMillis(10));
    assertFalse(loopThread.isAlive(), "the interrupt stopped the loop");
    IllegalStateException stopped = assertInstanceOf(IllegalStateException.class, outcome.get());
    assertTrue(stopped.getMessage().contains("interrupted"), stopped.getMessage());
    assertTrue(flagKept[0], "the interrupt status is kept");
  }

  @Test
  void loopsDoNotNestOnOneThread() {
    EventLoop other = EventLoop.builder().clock(new VirtualClock())
        .exceptionHandler((l, e) -> fixture.errors.add(e)).build();
    List<IllegalStateException> refusals = new ArrayList<>();
    loop.callSoon(() -> {
      refusals.add(assertThrows(IllegalStateException.class, other::runForever));
      refusals.add(assertThrows(IllegalStateException.class, other::runOnce));
      refusals.add(assertThrows(IllegalStateException.class,
          () -> other.runUntilComplete(other.createFuture())));
      refusals.add(assertThrows(IllegalStateException.class, () -> other.run(() -> null)));
      refusals.add(assertThrows(IllegalStateException.class, loop::runForever));
      refusals.add(assertThrows(IllegalStateException.class, () -> Aio.run(() -> null)));
    });
    loop.runOnce();
    assertEquals(6, refusals.size());
    for (IllegalStateException refusal : refusals) {
      assertTrue(refusal.getMessage().contains("already running"), refusal.getMessage());
    }
    assertEquals(List.of(), other.allTasks(), "a refused run() leaves no main task behind");
    other.close();
    fixture.closeCleanly();
  }

  @Test
  void aLoopCanRunAgainAfterItStops() {
    assertEquals("one", loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1), "one")));
    assertEquals("two", loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1), "two")));
    assertFalse(loop.isRunning());
    fixture.closeCleanly();
  }
}

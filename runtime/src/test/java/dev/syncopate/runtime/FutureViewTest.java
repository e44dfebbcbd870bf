package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** toCompletableFuture(): a thread-safe, read-only view that follows its future. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FutureViewTest {
  private final LoopFixture fixture = new LoopFixture();
  private final EventLoop loop = fixture.loop;

  @Test
  void followsTheValueOnceTheLoopRuns() throws Exception {
    Future<String> future = loop.createFuture();
    CompletableFuture<String> view = future.toCompletableFuture();
    future.setResult("value");
    assertFalse(view.isDone(), "the view is completed by the loop, not inline");
    loop.runUntilComplete(loop.yieldNow());
    assertEquals("value", view.get());
    assertEquals("value", view.join());
    assertNotSame(view, future.toCompletableFuture(), "each call makes a new view");
    fixture.closeCleanly();
  }

  @Test
  void followsTheFailureWithTheSameInstanceAndRetrievesIt() {
    Future<String> future = loop.createFuture();
    CompletableFuture<String> view = future.toCompletableFuture();
    IllegalStateException boom = new IllegalStateException("boom");
    future.setException(boom);
    loop.runUntilComplete(loop.yieldNow());
    assertTrue(view.isCompletedExceptionally());
    assertFalse(view.isCancelled());
    assertSame(boom, assertThrows(ExecutionException.class, view::get).getCause());
    assertSame(boom, assertThrows(CompletionException.class, view::join).getCause());
    fixture.closeCleanly(); // the view consumed the failure: nothing is reported
  }

  @Test
  void followsCancellationWithTheSameCancelledError() {
    Future<String> future = loop.createFuture();
    CompletableFuture<String> view = future.toCompletableFuture();
    future.cancel("stop");
    loop.runUntilComplete(loop.yieldNow());
    assertTrue(view.isCancelled(), "a CancelledError makes the view cancelled");
    CancelledError error = assertThrows(CancelledError.class, future::result);
    assertSame(error, assertThrows(CancellationException.class, view::join));
    assertSame(error, assertThrows(CancellationException.class, view::get));
    fixture.closeCleanly();
  }

  @Test
  void viewOfADoneFutureCompletesAtTheNextIteration() {
    CompletableFuture<Integer> view = loop.completedFuture(3).toCompletableFuture();
    assertFalse(view.isDone());
    loop.runUntilComplete(loop.yieldNow());
    assertEquals(3, view.join());
    fixture.closeCleanly();
  }

  @Test
  void theViewIsReadOnly() {
    Future<String> future = loop.createFuture();
    CompletableFuture<String> view = future.toCompletableFuture();
    List<Consumer<CompletableFuture<String>>> writes = List.of(
        v -> v.complete("x"),
        v -> v.completeExceptionally(new RuntimeException()),
        v -> v.obtrudeValue("x"),
        v -> v.obtrudeException(new RuntimeException()),
        v -> v.completeAsync(() -> "x"),
        v -> v.completeAsync(() -> "x", Runnable::run),
        v -> v.completeOnTimeout("x", 1, TimeUnit.SECONDS),
        v -> v.orTimeout(1, TimeUnit.SECONDS));
    for (Consumer<CompletableFuture<String>> write : writes) {
      UnsupportedOperationException refused =
          assertThrows(UnsupportedOperationException.class, () -> write.accept(view));
      assertTrue(refused.getMessage().contains("cancel()"), refused.getMessage());
    }
    assertFalse(view.isDone());
    assertTrue(future.isPending());
    future.setResult("real");
    loop.runUntilComplete(loop.yieldNow());
    assertEquals("real", view.join());
    // Dependents of the view are ordinary CompletableFutures.
    assertEquals("real!", view.thenApply(v -> v + "!").join());
    fixture.closeCleanly();
  }

  @Test
  void cancellingTheViewOnTheLoopThreadRequestsCancellation() {
    Task<Void> task = loop.createTask(() -> loop.sleep(Duration.ofHours(1)));
    CompletableFuture<Void> view = task.toCompletableFuture();
    loop.callLater(Duration.ofSeconds(1), () -> {
      assertTrue(view.cancel(true));
      assertTrue(view.isCancelled(), "the view obeys java.util.concurrent: done at once");
      assertFalse(task.isDone(), "the task only got a request");
    });
    CancelledError error = assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertTrue(error.getMessage().contains("CompletableFuture view"), error.getMessage());
    assertEquals(Duration.ofSeconds(1).toNanos(), loop.time());
    fixture.closeCleanly();
  }

  @Test
  void cancellingTheViewFromAnotherThreadRequestsCancellationOnTheLoop() throws Exception {
    Task<Void> task = loop.createTask(() -> loop.sleep(Duration.ofHours(1)));
    CompletableFuture<Void> view = task.toCompletableFuture();
    Thread canceller = new Thread(() -> view.cancel(false));
    canceller.start();
    canceller.join();
    assertTrue(view.isCancelled());
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertEquals(0, loop.time(), "cancelled before the hour passed");
    fixture.closeCleanly();
  }

  @Test
  void cancellingAViewAfterTheLoopClosedIsHarmless() throws Exception {
    Future<String> future = loop.createFuture();
    CompletableFuture<String> view = future.toCompletableFuture();
    future.cancel();
    loop.close();
    Thread canceller = new Thread(() -> view.cancel(true));
    canceller.start();
    canceller.join();
    assertTrue(view.isCancelled());
  }

  @Test
  void aViewCanBeTakenFromAnotherThread() throws Exception {
    Future<String> future = loop.createFuture();
    AtomicReference<CompletableFuture<String>> view = new AtomicReference<>();
    Thread taker = new Thread(() -> view.set(future.toCompletableFuture()));
    taker.start();
    taker.join();
    loop.callSoon(() -> future.setResult("across threads"));
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1)));
    assertEquals("across threads", view.get().get(5, TimeUnit.SECONDS));
    loop.close();
    AtomicReference<Throwable> afterClose = new AtomicReference<>();
    Thread late = new Thread(() -> {
      try {
        future.toCompletableFuture();
      } catch (Throwable t) {
        afterClose.set(t);
      }
    });
    late.start();
    late.join();
    assertInstanceOf(LoopClosedException.class, afterClose.get());
  }

  @Test
  void aTaskCanAwaitAndCancelAFutureOfAnotherLoop() throws Exception {
    AtomicReference<Future<String>> value = new AtomicReference<>();
    AtomicReference<Future<String>> never = new AtomicReference<>();
    java.util.concurrent.CountDownLatch created = new java.util.concurrent.CountDownLatch(1);
    AtomicReference<Throwable> otherOutcome = new AtomicReference<>();
    Thread otherLoopThread = new Thread(() -> {
      EventLoop other = EventLoop.create();
      try {
        other.run(() -> {
          value.set(other.createFuture());
          never.set(other.createFuture());
          created.countDown();
          other.callLater(Duration.ofMillis(5), () -> value.get().setResult("from the other loop"));
          return never.get().exceptionally(f -> f instanceof CancelledError ? "cancelled" : "?");
        });
      } catch (Throwable t) {
        otherOutcome.set(t);
      }
    }, "other-loop");
    otherLoopThread.start();
    created.await();
    assertEquals("from the other loop", loop.runUntilComplete(value.get()));
    Task<String> waiter = loop.createTask(() -> never.get());
    loop.callSoon(() -> waiter.cancel("from this loop"));
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(waiter));
    otherLoopThread.join(TimeUnit.SECONDS.toMillis(10));
    assertFalse(otherLoopThread.isAlive(), "the other loop's future was cancelled, ending its main");
    assertEquals(null, otherOutcome.get());
    fixture.closeCleanly();
  }

  @Test
  void viewOfADoneFutureTakenAfterTheLoopClosedIsCompleteAndAPendingOneIsRefused() throws Exception {
    Task<String> task = loop.createTask(() -> loop.sleep(Duration.ofSeconds(1), "kept"));
    loop.runUntilComplete(task);
    Future<String> pending = loop.createFuture();
    pending.cancel();
    Future<String> stillPending = loop.createFuture();
    loop.close();
    // get with a limit, not join: a view that never completes must fail the test, not hang it.
    assertEquals("kept", task.toCompletableFuture().get(5, TimeUnit.SECONDS),
        "no loop iteration is needed, none will come");
    assertTrue(pending.toCompletableFuture().isCancelled());
    LoopClosedException refused =
        assertThrows(LoopClosedException.class, stillPending::toCompletableFuture);
    assertTrue(refused.getMessage().contains("never complete"), refused.getMessage());
  }
}

package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.SECONDS)
class AsyncFinallyTest extends VirtualLoopTest {

  private AsyncCallable<Void> cleanup(int step) {
    return () -> loop.sleep(seconds(1)).thenRun(() -> steps.expect(step));
  }

  @Test
  void cleanupRunsAfterAValueAndTheValueIsKept() {
    String value = runTask(() -> Aio.tryFinally(
        () -> loop.sleep(seconds(1), "v").whenComplete((v, f) -> steps.expect(1)), cleanup(2)));
    steps.finish(3);
    assertEquals("v", value);
    assertEquals(nanos(2), loop.time());
  }

  @Test
  void cleanupRunsAfterAFailureAndTheFailureIsKept() {
    IllegalStateException failure = new IllegalStateException("body");
    assertSame(failure, assertThrows(IllegalStateException.class, () -> runTask(() ->
        Aio.tryFinally(() -> loop.sleep(seconds(1)).thenApply(v -> {
          steps.expect(1);
          throw failure;
        }), cleanup(2)))));
    steps.finish(3);
  }

  @Test
  void bodyThatThrowsAtOnceStillGetsItsCleanup() {
    IllegalStateException failure = new IllegalStateException("sync");
    assertSame(failure, assertThrows(IllegalStateException.class, () -> runTask(() ->
        Aio.tryFinally(() -> {
          throw failure;
        }, cleanup(1)))));
    steps.finish(2);
  }

  @Test
  void cleanupRunsAfterACancellationAndTheCancellationIsKept() {
    Task<String> task = loop.createTask(() -> Aio.tryFinally(
        () -> loop.sleep(seconds(10), "never"), cleanup(1)));
    loop.callLater(seconds(1), () -> task.cancel("stop"));
    CancelledError error = assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    steps.finish(2);
    assertEquals("stop", error.getMessage());
    assertTrue(task.isCancelled());
    assertEquals(nanos(2), loop.time());
  }

  @Test
  void failingCleanupWinsWithTheOriginalSuppressed() {
    IllegalStateException original = new IllegalStateException("body");
    IOException cleanupFailure = new IOException("cleanup");
    IOException thrown = assertThrows(IOException.class, () -> runTask(() -> Aio.tryFinally(
        () -> loop.failedFuture(original),
        () -> loop.sleep(seconds(1)).thenApply(v -> {
          throw Throwables.sneakyThrow(cleanupFailure);
        }))));
    assertSame(cleanupFailure, thrown);
    assertSame(original, thrown.getSuppressed()[0]);
  }

  @Test
  void cancellationDuringCleanupCancelsTheCleanup() {
    Future<?>[] cleaning = new Future<?>[1];
    Task<String> task = loop.createTask(() -> Aio.tryFinally(
        () -> loop.sleep(seconds(1), "v"), () -> {
          Future<Void> sleep = loop.sleep(seconds(10));
          cleaning[0] = sleep;
          return sleep;
        }));
    loop.callLater(seconds(2), task::cancel);
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertTrue(cleaning[0].isCancelled());
  }

  @Test
  void badArguments() {
    assertThrows(NullPointerException.class, () -> runTask(() -> Aio.tryFinally(null,
        loop::yieldNow)));
    assertThrows(NullPointerException.class, () -> runTask(() -> Aio.tryFinally(
        loop::yieldNow, null)));
    NullPointerException nullStage = assertThrows(NullPointerException.class,
        () -> runTask(() -> Aio.tryFinally(loop::yieldNow, () -> null)));
    assertTrue(nullStage.getMessage().contains("cleanup"), nullStage.getMessage());
  }
}

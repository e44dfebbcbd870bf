package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.SECONDS)
class WaitForTest extends VirtualLoopTest {

  /** A task that, when cancelled, spends {@code cleanup} before ending with {@code onCancel}. */
  private Task<String> slowToCancel(Duration cleanup, String onCancel, RuntimeException failure) {
    return loop.createTask("inner", () -> loop.sleep(seconds(100), "finished")
        .exceptionallyCompose(f -> {
          steps.expect(1);
          return loop.sleep(cleanup, onCancel).thenApply(v -> {
            steps.expect(2);
            if (failure != null) {
              throw failure;
            }
            if (v == null) {
              throw (CancelledError) f;
            }
            return v;
          });
        }));
  }

  @Test
  void valueBeforeTheTimeout() {
    assertEquals("v", runTask(() -> Aio.waitFor(loop.sleep(seconds(1), "v"), seconds(5))));
    assertEquals(nanos(1), loop.time());
  }

  @Test
  void expiryCancelsTheInnerAndWaitsUntilItHasFinished() {
    Task<String> inner = slowToCancel(seconds(3), null, null);
    Task<String> waiter = loop.createTask(() -> Aio.waitFor(inner, seconds(1))
        .whenComplete((v, f) -> {
          steps.expect(3);
          assertTrue(inner.isDone(), "never returns while the inner still runs");
        }));
    assertThrows(TimeoutError.class, () -> loop.runUntilComplete(waiter));
    steps.finish(4);
    assertTrue(inner.isCancelled());
    assertEquals(nanos(4), loop.time());
    assertEquals(0, waiter.cancelling());
  }

  @Test
  void valueProducedWhileBeingCancelledIsReturned() {
    Task<String> inner = slowToCancel(seconds(1), "salvaged", null);
    assertEquals("salvaged", runTask(() -> Aio.waitFor(inner, seconds(1))));
    steps.finish(3);
  }

  @Test
  void otherFailureDuringCancellationPropagates() {
    IllegalStateException failure = new IllegalStateException("cleanup broke");
    Task<String> inner = slowToCancel(seconds(1), "x", failure);
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> runTask(() -> Aio.waitFor(inner, seconds(1))));
    assertSame(failure, thrown);
    steps.finish(3);
  }

  @Test
  void completionInTheIterationOfExpiryGivesTimeoutErrorAndDropsTheValue() {
    Future<String> leaf = loop.createFuture();
    loop.callLater(seconds(2), () -> leaf.setResult("same iteration"));
    Task<String> waiter = loop.createTask(() -> Aio.waitFor(leaf, seconds(2)));
    assertThrows(TimeoutError.class, () -> loop.runUntilComplete(waiter));
    assertEquals("same iteration", leaf.result());
    assertEquals(nanos(2), loop.time());
  }

  @Test
  void completionOneIterationBeforeExpiryWins() {
    Future<String> leaf = loop.createFuture();
    loop.callLater(Duration.ofSeconds(2).minusNanos(1), () -> leaf.setResult("in time"));
    assertEquals("in time", runTask(() -> Aio.waitFor(leaf, seconds(2))));
  }

  @Test
  void zeroTimeoutReturnsADoneOutcomeAndCancelsAPendingOne() {
    assertEquals(3, runTask(() -> Aio.waitFor(loop.completedFuture(3), Duration.ZERO)));
    Future<Integer> pending = loop.createFuture();
    TimeoutError error = assertThrows(TimeoutError.class,
        () -> runTask(() -> Aio.waitFor(pending, Duration.ofSeconds(-1))));
    assertTrue(pending.isCancelled());
    assertTrue(error.getCause() instanceof CancelledError);
    Task<String> inner = slowToCancel(seconds(1), "kept", null);
    assertEquals("kept", runTask(() -> loop.sleep(Duration.ofMillis(1))
        .thenCompose(v -> Aio.waitFor(inner, Duration.ZERO))));
    steps.finish(3);
  }

  @Test
  void cancellingTheWaiterCancelsTheInner() {
    Future<String> leaf = loop.createFuture();
    Task<String> waiter = loop.createTask(() -> Aio.waitFor(leaf, seconds(10)));
    loop.callLater(seconds(1), waiter::cancel);
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(waiter));
    assertTrue(leaf.isCancelled());
    assertTrue(waiter.isCancelled(), "an external cancellation is not a timeout");
  }

  @Test
  void innerFailureBeforeTheTimeoutPropagates() {
    IllegalArgumentException failure = new IllegalArgumentException("bad");
    Future<String> leaf = loop.createFuture();
    loop.callLater(seconds(1), () -> leaf.setException(failure));
    assertSame(failure, assertThrows(IllegalArgumentException.class,
        () -> runTask(() -> Aio.waitFor(leaf, seconds(10)))));
    assertFalse(leaf.isCancelled());
  }

  @Test
  void badArguments() {
    assertThrows(NullPointerException.class,
        () -> runTask(() -> Aio.waitFor(null, seconds(1))));
    assertThrows(NullPointerException.class,
        () -> runTask(() -> Aio.waitFor(loop.createFuture(), null)));
    assertThrows(IllegalStateException.class,
        () -> Aio.waitFor(loop.createFuture(), seconds(1)), "no running loop");
  }
}

package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.SECONDS)
class TimeoutTest extends VirtualLoopTest {

  @Test
  void expiryCancelsTheBlockAndBecomesTimeoutError() {
    Timeout[] scope = new Timeout[1];
    Future<String> leaf = loop.createFuture();
    Task<String> task = loop.createTask(() -> {
      steps.expect(1);
      scope[0] = Timeout.after(seconds(1));
      return scope[0].run(() -> leaf).whenComplete((v, f) -> {
        steps.expect(2);
        assertEquals(0, Aio.currentTask().orElseThrow().cancelling(), "own request withdrawn");
      });
    });
    TimeoutError error = assertThrows(TimeoutError.class, () -> loop.runUntilComplete(task));
    steps.finish(3);
    assertInstanceOf(CancelledError.class, error.getCause());
    assertTrue(leaf.isCancelled());
    assertTrue(scope[0].expired());
    assertEquals(nanos(1), loop.time());
    assertFalse(task.isCancelled());
    assertEquals(0, task.cancelling());
  }

  @Test
  void blockThatFinishesInTimeKeepsItsValueAndLeavesNoTimer() {
    Timeout[] scope = new Timeout[1];
    String value = runTask(() -> {
      scope[0] = Timeout.after(seconds(5));
      return scope[0].run(() -> loop.sleep(seconds(1), "done"));
    });
    assertEquals("done", value);
    assertFalse(scope[0].expired());
    loop.runUntilComplete(loop.sleep(seconds(60)));
    assertEquals(nanos(61), loop.time(), "the scope's timer was cancelled on exit");
    assertFalse(scope[0].expired());
  }

  @Test
  void blockThatSwallowsTheCancellationCompletesNormally() {
    Timeout[] scope = new Timeout[1];
    Task<Integer> task = loop.createTask(() -> {
      scope[0] = Timeout.after(seconds(1));
      return scope[0].run(() -> loop.sleep(seconds(10), 0)
          .handle((v, f) -> f instanceof CancelledError ? 7 : -1))
          .thenCompose(v -> loop.sleep(seconds(1), v + 1));
    });
    assertEquals(8, loop.runUntilComplete(task));
    assertTrue(scope[0].expired());
    assertEquals(0, task.cancelling(), "cancelling() restored");
    assertEquals(nanos(2), loop.time(), "later waits are not cancelled");
  }

  @Test
  void cleanupFailureWinsOverTheTimeout() {
    IOException cleanup = new IOException("cleanup failed");
    Task<Integer> task = loop.createTask(() -> Aio.timeout(seconds(1),
        () -> loop.sleep(seconds(10), 1).handle((v, f) -> {
          throw Throwables.sneakyThrow(cleanup);
        })));
    IOException thrown = assertThrows(IOException.class, () -> loop.runUntilComplete(task));
    assertSame(cleanup, thrown);
    assertEquals(1, thrown.getSuppressed().length);
    assertInstanceOf(TimeoutError.class, thrown.getSuppressed()[0]);
  }

  @Test
  void innerScopeThatExpiresConvertsAndTheOuterDoesNot() {
    Timeout[] scopes = new Timeout[2];
    String value = runTask(() -> {
      scopes[0] = Timeout.after(seconds(10));
      return scopes[0].run(() -> {
        scopes[1] = Timeout.after(seconds(1));
        return scopes[1].run(() -> loop.sleep(seconds(5), "late"))
            .exceptionally(f -> f instanceof TimeoutError ? "inner timed out" : "other");
      });
    });
    assertEquals("inner timed out", value);
    assertFalse(scopes[0].expired());
    assertTrue(scopes[1].expired());
  }

  @Test
  void bothScopesExpiringInOneIterationLetTheOuterConvert() {
    Timeout[] scopes = new Timeout[2];
    Future<?>[] innerFuture = new Future<?>[1];
    Task<String> task = loop.createTask(() -> {
      scopes[0] = Timeout.after(seconds(10));
      return scopes[0].run(() -> {
        scopes[1] = Timeout.after(seconds(10));
        Future<String> inner = scopes[1].run(() -> loop.sleep(seconds(1))
            .thenCompose(v -> {
              // Both deadlines pass now; the inner's timer is queued first.
              scopes[1].reschedule(loop.time() - 1);
              scopes[0].reschedule(loop.time() - 1);
              return loop.sleep(seconds(5), "late");
            }));
        innerFuture[0] = inner;
        return inner;
      });
    });
    TimeoutError error = assertThrows(TimeoutError.class, () -> loop.runUntilComplete(task));
    assertInstanceOf(CancelledError.class, error.getCause());
    assertTrue(innerFuture[0].isCancelled(), "the inner scope passed the CancelledError through");
    assertTrue(scopes[0].expired());
    assertTrue(scopes[1].expired());
    assertEquals(0, task.cancelling());
  }

  @Test
  void bothScopesAtTheSameDeadlineLetTheOuterConvert() {
    Future<?>[] innerFuture = new Future<?>[1];
    Task<String> task = loop.createTask(() -> {
      long deadline = loop.time() + nanos(3);
      return Aio.timeoutAt(deadline, () -> {
        Future<String> inner = Aio.timeoutAt(deadline, () -> loop.sleep(seconds(5), "late"));
        innerFuture[0] = inner;
        return inner;
      });
    });
    assertThrows(TimeoutError.class, () -> loop.runUntilComplete(task));
    assertTrue(innerFuture[0].isCancelled());
    assertEquals(nanos(3), loop.time());
  }

  @Test
  void externalCancellationAtExpiryPassesAsCancelledError() {
    Task<String> task = loop.createTask(() -> Aio.timeout(seconds(1),
        () -> loop.sleep(seconds(5), "late")));
    loop.callLater(seconds(1), () -> task.cancel("outside"));
    CancelledError error = assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertTrue(task.isCancelled());
    assertEquals(1, task.cancelling(), "the external request remains");
    assertEquals(CancelledError.class, error.getClass());
  }

  @Test
  void externalCancellationBeforeExpiryIsNotATimeout() {
    Timeout[] scope = new Timeout[1];
    Task<String> task = loop.createTask(() -> {
      scope[0] = Timeout.after(seconds(5));
      return scope[0].run(() -> loop.sleep(seconds(10), "late"));
    });
    loop.callLater(seconds(1), task::cancel);
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertFalse(scope[0].expired());
    assertEquals(nanos(1), loop.time());
  }

  @Test
  void completionInTheIterationOfExpiryIsDroppedForTimeoutError() {
    Future<String> leaf = loop.createFuture();
    // Scheduled before the scope's timer, with the same deadline: runs first in that iteration.
    loop.callLater(seconds(1), () -> leaf.setResult("just in time"));
    Task<String> task = loop.createTask(() -> Aio.timeout(seconds(1), () -> leaf));
    assertThrows(TimeoutError.class, () -> loop.runUntilComplete(task));
    assertEquals("just in time", leaf.result());
  }

  @Test
  void blockThatDoesNotSuspendExitsBeforeAZeroTimeout() {
    Timeout[] scope = new Timeout[1];
    int value = runTask(() -> {
      scope[0] = Timeout.after(java.time.Duration.ZERO);
      return scope[0].run(() -> loop.completedFuture(5));
    });
    assertEquals(5, value);
    assertFalse(scope[0].expired());
  }

  @Test
  void zeroTimeoutExpiresAtTheNextIteration() {
    assertThrows(TimeoutError.class,
        () -> runTask(() -> Aio.timeout(java.time.Duration.ZERO, () -> loop.sleep(seconds(1)))));
    assertEquals(0, loop.time());
  }

  @Test
  void bodyThatThrowsFailsTheScope() {
    IllegalStateException boom = new IllegalStateException("boom");
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> runTask(() -> Aio.timeout(seconds(1), () -> {
          throw boom;
        })));
    assertSame(boom, thrown);
  }

  @Test
  void bodyThatReturnsNullFailsWithAClearMessage() {
    NullPointerException thrown = assertThrows(NullPointerException.class,
        () -> runTask(() -> Aio.timeout(seconds(1), () -> null)));
    assertTrue(thrown.getMessage().contains("returned null"), thrown.getMessage());
  }

  @Test
  void rescheduleMovesTheDeadline() {
    Timeout[] scope = new Timeout[1];
    assertThrows(TimeoutError.class, () -> runTask(() -> {
      scope[0] = Timeout.after(seconds(1));
      return scope[0].run(() -> loop.sleep(java.time.Duration.ofMillis(500)).thenCompose(v -> {
        scope[0].rescheduleAfter(seconds(2));
        assertEquals(OptionalLong.of(loop.time() + nanos(2)), scope[0].deadline());
        return loop.sleep(seconds(10));
      }));
    }));
    assertEquals(java.time.Duration.ofMillis(2500).toNanos(), loop.time());
  }

  @Test
  void clearedDeadlineNeverExpires() {
    Timeout[] scope = new Timeout[1];
    String value = runTask(() -> {
      scope[0] = Timeout.after(seconds(1));
      scope[0].toString();
      return scope[0].run(() -> {
        scope[0].clearDeadline();
        assertEquals(OptionalLong.empty(), scope[0].deadline());
        return loop.sleep(seconds(10), "slow but fine");
      });
    });
    assertEquals("slow but fine", value);
    assertFalse(scope[0].expired());
  }

  @Test
  void neverScopeCanBeGivenADeadlineLater() {
    Timeout scope = Timeout.never();
    assertThrows(TimeoutError.class, () -> runTask(() -> scope.run(() -> {
      scope.reschedule(loop.time() + nanos(2));
      return loop.sleep(seconds(10));
    })));
    assertEquals(nanos(2), loop.time());
  }

  @Test
  void misuseGivesClearErrors() {
    Timeout notEntered = Timeout.at(5);
    IllegalStateException early =
        assertThrows(IllegalStateException.class, () -> notEntered.reschedule(10));
    assertTrue(early.getMessage().contains("not been entered"), early.getMessage());
    IllegalStateException noLoop = assertThrows(IllegalStateException.class,
        () -> notEntered.run(() -> null));
    assertTrue(noLoop.getMessage().contains("loop"), noLoop.getMessage());
    assertThrows(NullPointerException.class, () -> Timeout.never().run(null));
    Timeout scope = Timeout.at(Long.MAX_VALUE);
    runTask(() -> scope.run(() -> loop.sleep(seconds(1))));
    IllegalStateException twice = assertThrows(IllegalStateException.class,
        () -> runTask(() -> scope.run(loop::yieldNow)));
    assertTrue(twice.getMessage().contains("already entered"), twice.getMessage());
    assertThrows(IllegalStateException.class, () -> scope.reschedule(1));
  }

  @Test
  void outsideATaskIsRefused() {
    Future<String> outcome = loop.createFuture();
    loop.callSoon(() -> {
      try {
        Aio.timeout(seconds(1), loop::yieldNow);
        outcome.setResult("accepted");
      } catch (IllegalStateException expected) {
        outcome.setResult(expected.getMessage());
      }
    });
    String message = loop.runUntilComplete(outcome);
    assertTrue(message.contains("inside a task"), message);
  }

  @Test
  void timeoutInsideAComposedStageBindsToTheComposingTask() {
    Task<String> task = loop.createTask(() -> loop.sleep(seconds(1))
        .thenCompose(v -> Aio.timeout(seconds(1), () -> loop.sleep(seconds(3), "late")))
        .exceptionally(f -> f.getClass().getSimpleName()));
    assertEquals("TimeoutError", loop.runUntilComplete(task));
    assertEquals(nanos(2), loop.time());
  }
}

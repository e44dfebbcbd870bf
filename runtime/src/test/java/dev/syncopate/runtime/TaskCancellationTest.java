package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TaskCancellationTest {
  private final VirtualClock clock = new VirtualClock();
  private final List<LoopError> errors = new ArrayList<>();
  private final EventLoop loop =
      EventLoop.builder().clock(clock).exceptionHandler((l, e) -> errors.add(e)).build();

  @Test
  void cancelPropagatesThroughThenComposeChainToTheLeaf() {
    Future<String> leaf = loop.createFuture();
    Task<String> task = loop.createTask(() -> loop.sleep(Duration.ofSeconds(1))
        .thenCompose(ignored -> leaf)
        .thenApply(value -> value + "!"));
    loop.callLater(Duration.ofSeconds(2), () -> assertTrue(task.cancel("stop")));
    CancelledError error = assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertEquals("stop", error.getMessage());
    assertTrue(leaf.isCancelled());
    assertTrue(task.isCancelled());
    assertSame(error, assertThrows(CancelledError.class, task::exception),
        "every awaiter sees the same instance");
    assertEquals(1, task.cancelling());
    assertEquals(Duration.ofSeconds(2).toNanos(), loop.time());
    loop.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void taskThatCatchesTheCancellationCompletesNormally() {
    Task<Integer> task = loop.createTask(() -> loop.sleep(Duration.ofSeconds(10))
        .handle((v, failure) -> failure instanceof CancelledError ? 42 : -1)
        .thenCompose(v -> loop.sleep(Duration.ofSeconds(5), v + 1)));
    loop.callLater(Duration.ofSeconds(1), task::cancel);
    assertEquals(43, loop.runUntilComplete(task));
    assertFalse(task.isCancelled());
    assertEquals(1, task.cancelling());
    assertEquals(Duration.ofSeconds(6).toNanos(), loop.time());
    loop.close();
  }

  @Test
  void taskCancelledBeforeItsFirstStepNeverRunsItsBody() {
    boolean[] ran = {false};
    Task<Void> task = loop.createTask(() -> {
      ran[0] = true;
      return loop.yieldNow();
    });
    assertTrue(task.cancel());
    assertFalse(task.isDone(), "cancel is a request; the task reacts at its next step");
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertFalse(ran[0]);
    loop.close();
  }

  @Test
  void runMainReturnsValueAndCancelsLeftovers() {
    EventLoop other = EventLoop.builder().clock(new VirtualClock()).build();
    int[] leftoverCancelled = {0};
    int result = other.run(() -> {
      Aio.createTask(() -> Aio.sleep(Duration.ofHours(1))
          .whenComplete((v, f) -> leftoverCancelled[0] += f instanceof CancelledError ? 1 : 0));
      return Aio.sleep(Duration.ofSeconds(3), 7);
    });
    assertEquals(7, result);
    assertEquals(1, leftoverCancelled[0]);
    assertTrue(other.isClosed());
    loop.close();
  }

  @Test
  void theSameCancelledErrorReachesEveryAwaiterWithItsMessage() {
    Future<String> leaf = loop.createFuture();
    Task<String> task = loop.createTask(() -> loop.sleep(Duration.ofSeconds(1))
        .thenCompose(ignored -> leaf)
        .thenApply(value -> value + "!"));
    List<Throwable> seen = new ArrayList<>();
    task.whenComplete((v, f) -> seen.add(f));
    task.addDoneCallback(done -> seen.add(assertThrows(CancelledError.class, done::result)));
    java.util.concurrent.CompletableFuture<String> view = task.toCompletableFuture();
    loop.callLater(Duration.ofSeconds(2), () -> task.cancel("reason"));
    CancelledError error = assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    loop.runUntilComplete(loop.sleep(Duration.ZERO));
    assertEquals("reason", error.getMessage());
    assertSame(error, assertThrows(CancelledError.class, leaf::result), "created at the leaf");
    assertEquals(List.of(error, error), seen);
    assertSame(error, assertThrows(java.util.concurrent.CancellationException.class, view::join));
    loop.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void cancellingTwiceCountsTwoRequestsAndUncancelTakesThemBack() {
    List<Future<Void>> sleep = new ArrayList<>();
    Task<Void> task = loop.createTask(() -> {
      sleep.add(loop.sleep(Duration.ofSeconds(10)));
      return sleep.get(0);
    });
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1)));
    assertTrue(task.cancel("first"));
    assertTrue(task.cancel("second"), "a repeated request is accepted and counted");
    assertEquals(2, task.cancelling());
    assertEquals(1, task.uncancel());
    CancelledError error = assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertEquals("first", error.getMessage(), "the first request reached the sleep");
    assertSame(error, assertThrows(CancelledError.class, sleep.get(0)::result),
        "the second request does not replace the cancellation already on its way");
    assertEquals(1, task.cancelling());
    assertFalse(task.cancel(), "a done task refuses further requests");
    assertEquals(1, task.cancelling());
    assertEquals(0, task.uncancel());
    assertEquals(0, task.uncancel(), "never below zero");
    loop.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void uncancelToZeroDropsARequestKeptForTheNextStep() {
    boolean[] ran = {false};
    Task<String> task = loop.createTask(() -> {
      ran[0] = true;
      return loop.completedFuture("ran");
    });
    assertTrue(task.cancel());
    assertEquals(0, task.uncancel());
    assertEquals("ran", loop.runUntilComplete(task));
    assertTrue(ran[0]);
    assertFalse(task.isCancelled());
    loop.close();
  }

  @Test
  void uncancelAboveZeroKeepsTheKeptRequest() {
    Task<String> task = loop.createTask(() -> loop.completedFuture("ran"));
    task.cancel();
    task.cancel();
    assertEquals(1, task.uncancel());
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    loop.close();
  }

  @Test
  void taskThatCancelsItselfAndReturnsAValueStillEndsCancelled() {
    Task<Integer> task = loop.createTask(() -> {
      assertTrue(Aio.currentTask().orElseThrow().cancel("self"));
      return loop.completedFuture(5);
    });
    CancelledError error = assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertEquals("self", error.getMessage());
    assertTrue(task.isCancelled());
    loop.close();
  }

  @Test
  void cancelArrivingAfterTheAwaitedFutureCompletedStillCancelsTheTask() {
    Future<Integer> source = loop.createFuture();
    Task<Integer> task = loop.createTask(() -> source.thenApply(v -> v * 2));
    loop.callLater(Duration.ofSeconds(1), () -> {
      source.setResult(21);
      assertTrue(task.cancel("late"), "the task's step has not run yet");
    });
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertEquals(21, source.result(), "the source itself succeeded");
    loop.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void isDoneStaysFalseRightAfterCancelOnASuspendedTask() {
    Task<Void> task = loop.createTask(() -> loop.sleep(Duration.ofSeconds(10)));
    boolean[] observed = new boolean[3];
    loop.callLater(Duration.ofSeconds(1), () -> {
      observed[0] = task.cancel();
      observed[1] = task.isDone();
      observed[2] = task.isCancelled();
    });
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertTrue(observed[0], "cancel() accepted the request");
    assertFalse(observed[1], "unlike java.util.concurrent.Future, not done at once (J-2)");
    assertFalse(observed[2]);
    assertTrue(task.isDone());
    assertTrue(task.isCancelled());
    loop.close();
  }

  @Test
  void taskThatIgnoresTheRequestByRecoveringKeepsRunning() {
    Steps steps = new Steps();
    Task<String> task = loop.createTask(() -> loop.sleep(Duration.ofSeconds(10))
        .exceptionally(f -> {
          steps.expect(1);
          assertInstanceOf(CancelledError.class, f);
          return null;
        })
        .thenCompose(v -> loop.sleep(Duration.ofSeconds(3), "recovered")));
    loop.callLater(Duration.ofSeconds(1), task::cancel);
    assertEquals("recovered", loop.runUntilComplete(task));
    steps.finish(2);
    assertEquals(Duration.ofSeconds(4).toNanos(), loop.time(), "the later sleep was not cancelled");
    loop.close();
  }

  @Test
  void bodyReturningAFutureIsNotFlattened() {
    Future<Integer> inner = loop.completedFuture(3);
    Task<Future<Integer>> task = loop.createTask(() -> loop.completedFuture(inner));
    assertSame(inner, loop.runUntilComplete(task));
    loop.close();
  }

  @Test
  void bodyThatThrowsFailsTheTaskWithTheSameException() {
    java.io.IOException boom = new java.io.IOException("cannot start");
    Task<Void> task = loop.createTask(() -> {
      throw boom;
    });
    java.io.IOException thrown =
        assertThrows(java.io.IOException.class, () -> loop.runUntilComplete(task));
    assertSame(boom, thrown);
    assertSame(boom, task.exception());
    loop.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void bodyThatReturnsNullFailsTheTaskWithAClearMessage() {
    Task<Void> task = loop.createTask("nully", () -> null);
    NullPointerException thrown =
        assertThrows(NullPointerException.class, () -> loop.runUntilComplete(task));
    assertNotNull(thrown.getMessage());
    assertTrue(thrown.getMessage().contains("returned null"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("nully"), thrown.getMessage());
    loop.close();
  }

  @Test
  void cancellingAPlainFutureIsImmediateAndCarriesTheMessage() {
    Future<String> future = loop.createFuture();
    assertTrue(future.cancel("now"));
    assertTrue(future.isDone());
    assertTrue(future.isCancelled());
    assertEquals("now", assertThrows(CancelledError.class, future::exception).getMessage());
    assertFalse(future.cancel());
    Future<String> unnamed = loop.createFuture();
    unnamed.cancel();
    assertNull(assertThrows(CancelledError.class, unnamed::result).getMessage());
    Future<String> failedWithCancel = loop.createFuture();
    failedWithCancel.setException(new CancelledError("as a failure"));
    assertFalse(failedWithCancel.isCancelled(), "setException makes it failed, not cancelled");
    failedWithCancel.exception();
    loop.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void taskThatCancelsItselfInsideAStageFunctionEndsCancelled() {
    Task<Integer> task = loop.createTask(() -> loop.sleep(Duration.ofSeconds(1)).thenApply(v -> {
      assertTrue(Aio.currentTask().orElseThrow().cancel("inside"));
      return 1;
    }));
    CancelledError error = assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertEquals("inside", error.getMessage());
    assertTrue(task.isCancelled());
    loop.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void cancellingAStageWhileItsStepRunsEndsItCancelled() {
    List<Future<Integer>> self = new ArrayList<>();
    self.add(loop.completedFuture(1).thenApply(v -> {
      assertTrue(self.get(0).cancel("during the step"));
      return v;
    }));
    CancelledError error =
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(self.get(0)));
    assertEquals("during the step", error.getMessage());
    loop.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void cancellingATaskThatWaitsOnAForeignStageCancelsIt() {
    java.util.concurrent.CompletableFuture<String> foreign = new java.util.concurrent.CompletableFuture<>();
    Task<String> task = loop.createTask(() -> foreign);
    loop.callLater(Duration.ofSeconds(1), () -> task.cancel("foreign"));
    CancelledError error = assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertEquals("foreign", error.getMessage());
    assertTrue(foreign.isCancelled(), "the request reached the foreign stage");
    loop.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }
}

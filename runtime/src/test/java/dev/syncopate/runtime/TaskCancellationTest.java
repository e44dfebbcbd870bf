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
}

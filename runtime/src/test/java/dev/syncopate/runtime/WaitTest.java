package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code Aio.wait} and {@code Aio.asCompleted}: neither ever cancels what it waits on. */
@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.SECONDS)
class WaitTest extends VirtualLoopTest {

  private List<Task<String>> sleepers(long... seconds) {
    List<Task<String>> tasks = new ArrayList<>();
    for (long s : seconds) {
      tasks.add(loop.createTask("t" + s, () -> loop.sleep(seconds(s), "t" + s)));
    }
    return tasks;
  }

  @Test
  void firstCompletedReturnsAsSoonAsOneIsDone() {
    List<Task<String>> tasks = sleepers(3, 1, 2);
    WaitResult<Task<String>> result =
        runTask(() -> Aio.wait(tasks, ReturnWhen.FIRST_COMPLETED));
    assertEquals(Set.of(tasks.get(1)), result.done());
    assertEquals(List.of(tasks.get(0), tasks.get(2)), new ArrayList<>(result.pending()));
    assertEquals(nanos(1), loop.time());
    for (Task<String> pending : result.pending()) {
      assertFalse(pending.isCancelled());
    }
    assertEquals("t3", loop.runUntilComplete(tasks.get(0)));
  }

  @Test
  void allCompletedWaitsForEveryOne() {
    List<Task<String>> tasks = sleepers(3, 1, 2);
    WaitResult<Task<String>> result = runTask(() -> Aio.wait(tasks, ReturnWhen.ALL_COMPLETED));
    assertEquals(3, result.done().size());
    assertTrue(result.pending().isEmpty());
    assertEquals(nanos(3), loop.time());
  }

  @Test
  void firstExceptionReturnsOnAFailureButNotOnACancellation() {
    Future<String> cancelled = loop.createFuture();
    Future<String> failing = loop.createFuture();
    Future<String> slow = loop.sleep(seconds(10), "slow");
    loop.callLater(seconds(1), () -> cancelled.cancel());
    loop.callLater(seconds(2), () -> failing.setException(new IllegalStateException("x")));
    WaitResult<Future<String>> result =
        runTask(() -> Aio.wait(List.of(cancelled, failing, slow), ReturnWhen.FIRST_EXCEPTION));
    assertEquals(Set.of(cancelled, failing), result.done());
    assertEquals(Set.of(slow), result.pending());
    assertEquals(nanos(2), loop.time());
  }

  @Test
  void firstExceptionWithoutFailuresWaitsForAll() {
    List<Task<String>> tasks = sleepers(2, 1);
    WaitResult<Task<String>> result = runTask(() -> Aio.wait(tasks, ReturnWhen.FIRST_EXCEPTION));
    assertEquals(2, result.done().size());
  }

  @Test
  void timeoutReturnsPendingWithoutCancellingOrRaising() {
    List<Task<String>> tasks = sleepers(5, 1);
    WaitResult<Task<String>> result =
        runTask(() -> Aio.wait(tasks, ReturnWhen.ALL_COMPLETED, seconds(2)));
    assertEquals(Set.of(tasks.get(1)), result.done());
    assertEquals(Set.of(tasks.get(0)), result.pending());
    assertEquals(nanos(2), loop.time());
    assertEquals("t5", loop.runUntilComplete(tasks.get(0)), "still running, not cancelled");
  }

  @Test
  void cancellingTheWaiterDoesNotCancelTheFutures() {
    List<Task<String>> tasks = sleepers(5, 6);
    Task<WaitResult<Task<String>>> waiter =
        loop.createTask(() -> Aio.wait(tasks, ReturnWhen.ALL_COMPLETED));
    loop.callLater(seconds(1), waiter::cancel);
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(waiter));
    for (Task<String> task : tasks) {
      assertFalse(task.isDone());
      assertEquals(0, task.cancelling());
    }
    loop.runUntilComplete(tasks.get(1));
  }

  @Test
  void waitBadArguments() {
    assertThrows(IllegalArgumentException.class,
        () -> runTask(() -> Aio.wait(List.<Future<?>>of(), ReturnWhen.ALL_COMPLETED)));
    assertThrows(NullPointerException.class,
        () -> runTask(() -> Aio.wait(List.of(loop.createFuture()), null)));
    EventLoop other = EventLoop.builder().clock(new VirtualClock()).build();
    Future<String> foreign = other.runUntilComplete(other.createTask(
        () -> other.completedFuture(other.<String>createFuture())));
    IllegalArgumentException wrongLoop = assertThrows(IllegalArgumentException.class,
        () -> runTask(() -> Aio.wait(List.of(foreign), ReturnWhen.ALL_COMPLETED)));
    assertTrue(wrongLoop.getMessage().contains("loop"), wrongLoop.getMessage());
    other.close();
  }

  @Test
  void asCompletedYieldsOutcomesInCompletionOrder() {
    List<Task<String>> tasks = sleepers(3, 1, 2);
    List<String> order = runTask(() -> {
      AsCompleted<String> sequence = Aio.asCompleted(tasks, null);
      List<String> seen = new ArrayList<>();
      Future<Void> chain = loop.completedFuture(null);
      for (Future<String> next : sequence) {
        chain = chain.thenCompose(v -> next).thenAccept(seen::add);
      }
      return chain.thenApply(v -> seen);
    });
    assertEquals(List.of("t1", "t2", "t3"), order);
  }

  @Test
  void asCompletedTimeoutFailsTheRestButTasksKeepRunning() {
    List<Task<String>> tasks = sleepers(1, 5, 6);
    List<Object> seen = runTask(() -> {
      AsCompleted<String> sequence = Aio.asCompleted(tasks, seconds(2));
      List<Future<String>> slots = new ArrayList<>();
      sequence.forEach(slots::add);
      return Aio.gatherOutcomes(slots).thenApply(outcomes -> {
        List<Object> kinds = new ArrayList<>();
        for (Outcome<String> outcome : outcomes) {
          kinds.add(outcome.succeeded() ? outcome.value()
              : outcome.failure().getClass().getSimpleName());
        }
        return kinds;
      });
    });
    assertEquals(List.of("t1", "TimeoutError", "TimeoutError"), seen);
    assertEquals(nanos(2), loop.time());
    assertFalse(tasks.get(1).isDone());
    assertEquals("t6", loop.runUntilComplete(tasks.get(2)));
  }

  @Test
  void asCompletedAfterTimeoutAndExhaustion() {
    List<Task<String>> tasks = sleepers(5);
    Iterator<Future<String>> sequence = runTask(() ->
        loop.sleep(seconds(1), Aio.asCompleted(tasks, seconds(1)).iterator())
            .thenCompose(it -> loop.sleep(seconds(1), it)));
    Future<String> late = sequence.next();
    assertTrue(late.isDone(), "handed out after the timeout: fails at once");
    assertThrows(TimeoutError.class, late::result);
    assertFalse(sequence.hasNext());
    assertThrows(NoSuchElementException.class, sequence::next);
    loop.runUntilComplete(tasks.get(0));
  }

  @Test
  void asCompletedPassesAFailureAndACancelledSlotsPlaceOn() {
    IllegalStateException failure = new IllegalStateException("x");
    Future<String> failing = loop.createFuture();
    Future<String> ok = loop.createFuture();
    List<Future<String>> slots = runTask(() -> {
      AsCompleted<String> sequence = Aio.asCompleted(List.of(failing, ok), null);
      List<Future<String>> handed = List.of(sequence.next(), sequence.next());
      handed.get(0).cancel();
      return loop.completedFuture(handed);
    });
    failing.setException(failure);
    loop.runUntilComplete(loop.sleep(seconds(1)));
    assertTrue(slots.get(0).isCancelled());
    assertThrows(IllegalStateException.class, slots.get(1)::result);
    ok.setResult("never delivered: no slot left");
    loop.runUntilComplete(loop.sleep(seconds(1)));
  }
}

package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.SECONDS)
class GatherTest extends VirtualLoopTest {

  @Test
  void valuesComeInArgumentOrder() {
    List<String> values = runTask(() -> Aio.gather(
        loop.sleep(seconds(3), "a"), loop.sleep(seconds(1), "b"), loop.sleep(seconds(2), "c")));
    assertEquals(List.of("a", "b", "c"), values);
    assertEquals(nanos(3), loop.time());
  }

  @Test
  void emptyGatherIsAnEmptyList() {
    assertEquals(List.of(), runTask(() -> Aio.gather(List.<Future<String>>of())));
  }

  @Test
  void duplicateIsWaitedOnceAndListedTwice() {
    Future<String> shared = loop.sleep(seconds(1), "s");
    assertEquals(List.of("s", "t", "s"),
        runTask(() -> Aio.gather(shared, loop.sleep(seconds(2), "t"), shared)));
  }

  @Test
  void firstFailureFailsAtOnceAndLaterFailuresCountAsRetrieved() {
    IllegalStateException first = new IllegalStateException("first");
    Future<String> a = loop.createFuture();
    Future<String> b = loop.createFuture();
    Future<String> c = loop.createFuture();
    loop.callLater(seconds(1), () -> a.setException(first));
    loop.callLater(seconds(2), () -> b.setException(new IllegalStateException("second")));
    loop.callLater(seconds(3), () -> c.setResult("c"));
    Task<List<String>> task = loop.createTask(() -> Aio.gather(a, b, c));
    assertSame(first, assertThrows(IllegalStateException.class,
        () -> loop.runUntilComplete(task)));
    assertEquals(nanos(1), loop.time());
    loop.runUntilComplete(loop.sleep(seconds(5)));
    // closeLoopAndCheckReports: the second failure is not reported as never retrieved.
  }

  @Test
  void cancelledChildFailsTheGatherWithoutCancellingIt() {
    Future<String> a = loop.sleep(seconds(5), "a");
    Future<String> b = loop.createFuture();
    loop.callLater(seconds(1), () -> b.cancel("child cancelled"));
    Future<?>[] gathered = new Future<?>[1];
    Task<List<String>> task = loop.createTask(() -> {
      Future<List<String>> g = Aio.gather(a, b);
      gathered[0] = g;
      return g;
    });
    CancelledError error = assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
    assertEquals("child cancelled", error.getMessage());
    assertTrue(gathered[0].isDone());
    assertFalse(gathered[0].isCancelled(), "failed with CancelledError, not cancelled");
    assertSame(error, gathered[0].exception());
    assertTrue(task.isCancelled(), "the awaiting task still sees the CancelledError");
    assertFalse(a.isDone(), "the other children run on");
  }

  @Test
  void cancellingTheGatherCancelsChildrenAndFailsWithCancelledError() {
    Future<String> a = loop.sleep(seconds(5), "a");
    Task<String> b = loop.createTask(() -> loop.sleep(seconds(5), "b"));
    Future<List<Outcome<String>>> g =
        loop.runUntilComplete(loop.createTask(() -> loop.completedFuture(
            Aio.gatherOutcomes(List.of(a, b)))));
    Future<Boolean> cancel = loop.createFuture();
    loop.callLater(seconds(1), () -> cancel.setResult(g.cancel("stop")));
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(g));
    assertTrue(cancel.result());
    assertTrue(a.isCancelled());
    assertTrue(b.isCancelled());
    assertFalse(g.isCancelled());
    assertTrue(g.exception() instanceof CancelledError, "even with outcomes mode");
  }

  @Test
  void cancelAfterAllChildrenAreDoneReturnsFalse() {
    Future<String> a = loop.createFuture();
    Future<List<String>> g = loop.runUntilComplete(loop.createTask(
        () -> loop.completedFuture(Aio.gather(a))));
    a.setResult("a");
    assertFalse(g.cancel(), "the only child is done");
    assertEquals(List.of("a"), loop.runUntilComplete(g));
    assertFalse(g.cancel());
  }

  @Test
  void outcomesListFailuresAsValues() {
    IllegalStateException failure = new IllegalStateException("x");
    Future<Integer> failing = loop.createFuture();
    Future<Integer> cancelled = loop.createFuture();
    loop.callLater(seconds(1), () -> failing.setException(failure));
    loop.callLater(seconds(2), () -> cancelled.cancel());
    List<Outcome<Integer>> outcomes = runTask(() -> Aio.gatherOutcomes(
        Arrays.asList(loop.sleep(seconds(3), 1), failing, cancelled)));
    assertEquals(Outcome.success(1), outcomes.get(0));
    assertSame(failure, outcomes.get(1).failure());
    assertTrue(outcomes.get(2).cancelled());
    assertEquals(1, outcomes.get(0).getOrThrow());
    assertSame(failure, assertThrows(IllegalStateException.class, outcomes.get(1)::getOrThrow));
  }

  @Test
  void alreadyDoneChildrenCompleteTheGatherAtOnce() {
    Future<List<Integer>> g = loop.runUntilComplete(loop.createTask(() -> loop.completedFuture(
        Aio.gather(loop.completedFuture(1), loop.completedFuture(2)))));
    assertTrue(g.isDone());
    assertEquals(List.of(1, 2), g.result());
  }

  @Test
  void badArguments() {
    assertThrows(NullPointerException.class,
        () -> runTask(() -> Aio.gather(Arrays.asList(loop.completedFuture(1), null))));
    assertThrows(NullPointerException.class,
        () -> runTask(() -> Aio.gather((List<Future<Integer>>) null)));
    assertThrows(NullPointerException.class, () -> Outcome.failure(null));
    assertThrows(IllegalArgumentException.class,
        () -> new Outcome<>(1, new IllegalStateException()));
  }
}

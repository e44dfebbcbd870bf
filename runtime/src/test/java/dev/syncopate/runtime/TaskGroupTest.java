package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.SECONDS)
class TaskGroupTest extends VirtualLoopTest {
  private final List<Task<?>> children = new ArrayList<>();

  private <T> AsyncCallable<T> failAfter(long seconds, RuntimeException failure) {
    return () -> loop.sleep(seconds(seconds)).thenApply(v -> {
      throw failure;
    });
  }

  /** A future that a timer fails at {@code seconds}: schedule it before competing timers. */
  private Future<Void> failingAt(long seconds, RuntimeException failure) {
    Future<Void> leaf = loop.createFuture();
    loop.callLater(seconds(seconds), () -> leaf.setException(failure));
    return leaf;
  }

  private int cancellingNow() {
    return Aio.currentTask().orElseThrow().cancelling();
  }

  @Test
  void waitsForAllChildrenAndReturnsTheBodysValue() {
    String value = runTask(() -> Aio.taskGroup(group -> {
      steps.expect(1);
      children.add(group.createTask(() -> loop.sleep(seconds(3), "a")));
      children.add(group.createTask("b", () -> loop.sleep(seconds(1), "b")));
      return loop.completedFuture("body");
    }));
    steps.finish(2);
    assertEquals("body", value);
    assertEquals(nanos(3), loop.time());
    for (Task<?> child : children) {
      assertTrue(child.isDone());
    }
  }

  @Test
  void firstFailureCancelsSiblingsAndTheBodyAndIsGrouped() {
    IllegalStateException failure = new IllegalStateException("child failed");
    Future<?>[] body = new Future<?>[1];
    Task<String> parent = loop.createTask(() -> Aio.taskGroup(group -> {
      children.add(group.createTask(failAfter(1, failure)));
      children.add(group.createTask(() -> loop.sleep(seconds(10), "sibling")));
      Future<String> stage = loop.sleep(seconds(10), "body");
      body[0] = stage;
      return stage;
    }).whenComplete((v, f) -> assertEquals(0, cancellingNow(), "own request withdrawn")));
    ExceptionGroup group =
        assertThrows(ExceptionGroup.class, () -> loop.runUntilComplete(parent));
    assertEquals(List.of(failure), group.exceptions());
    assertTrue(children.get(1).isCancelled());
    assertTrue(body[0].isCancelled());
    assertEquals(nanos(1), loop.time());
    assertFalse(parent.isCancelled());
    assertEquals(0, parent.cancelling());
  }

  @Test
  void allFailuresAreReportedTogetherInOrderWithTheBodysLast() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalArgumentException second = new IllegalArgumentException("second, while cancelled");
    IOException bodyFailure = new IOException("body cleanup");
    ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> runTask(() ->
        Aio.taskGroup(group1 -> {
          group1.createTask(failAfter(1, first));
          group1.createTask(() -> loop.sleep(seconds(10)).exceptionally(f -> {
            throw second;
          }));
          return loop.sleep(seconds(10)).exceptionally(f -> {
            throw Throwables.sneakyThrow(bodyFailure);
          });
        })));
    assertEquals(List.of(first, second, bodyFailure), group.exceptions());
    assertTrue(group.getMessage().contains("3 sub-exceptions"), group.getMessage());
  }

  @Test
  void bodyFailureCancelsChildrenAndIsGrouped() {
    IllegalStateException failure = new IllegalStateException("body failed");
    ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> runTask(() ->
        Aio.taskGroup(g -> {
          children.add(g.createTask(() -> loop.sleep(seconds(10))));
          return loop.sleep(seconds(1)).thenApply(v -> {
            throw failure;
          });
        })));
    assertEquals(List.of(failure), group.exceptions());
    assertTrue(children.get(0).isCancelled());
  }

  @Test
  void externalCancellationWithoutChildFailuresCancelsTheGroup() {
    Task<String> parent = loop.createTask(() -> Aio.taskGroup(group -> {
      children.add(group.createTask(() -> loop.sleep(seconds(10))));
      return loop.sleep(seconds(10), "body");
    }));
    loop.callLater(seconds(1), () -> parent.cancel("outside"));
    CancelledError error =
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(parent));
    assertEquals("outside", error.getMessage());
    assertTrue(children.get(0).isCancelled());
    assertEquals(1, parent.cancelling());
  }

  @Test
  void cancellationWhileWaitingForChildrenCancelsThemAndKeepsWaiting() {
    Task<String> parent = loop.createTask(() -> Aio.taskGroup(group -> {
      children.add(group.createTask(() -> loop.sleep(seconds(10))
          .exceptionallyCompose(f -> loop.sleep(seconds(2), null))
          .thenApply(v -> {
            steps.expect(1);
            return v;
          })));
      return loop.completedFuture("body done");
    }).whenComplete((v, f) -> steps.expect(2)));
    loop.callLater(seconds(1), parent::cancel);
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(parent));
    steps.finish(3);
    assertEquals(nanos(3), loop.time(), "the group waited for the child's cleanup");
  }

  @Test
  void childErrorsWinOverAnExternalCancellationWhichIsReArmed() {
    IllegalStateException failure = new IllegalStateException("child failed");
    Task<?>[] parentRef = new Task<?>[1];
    // The child fails and the external cancel arrives in the same iteration.
    Future<Void> childOutcome = failingAt(1, failure);
    loop.callLater(seconds(1), () -> parentRef[0].cancel("outside"));
    Task<String> parent = loop.createTask(() -> Aio.taskGroup(group -> {
      group.createTask(() -> childOutcome);
      return loop.sleep(seconds(10), "body");
    }).exceptionallyCompose(f -> {
      steps.expect(1);
      assertInstanceOf(ExceptionGroup.class, f, "child errors win over cancellation");
      assertEquals(1, cancellingNow(), "the external request is kept");
      return loop.sleep(seconds(5), "next wait");
    }));
    parentRef[0] = parent;
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(parent));
    steps.finish(2);
    assertEquals(nanos(1), loop.time(), "the parent's next wait was cancelled");
    assertEquals(1, parent.cancelling());
  }

  @Test
  void externalCancellationAfterTheGroupsOwnIsKeptToo() {
    IllegalStateException failure = new IllegalStateException("child failed");
    Task<?>[] parentRef = new Task<?>[1];
    Task<Integer> parent = loop.createTask(() -> Aio.taskGroup(group -> {
      group.createTask(failAfter(1, failure));
      // Slow to react: the external cancel lands while the group's own one is pending.
      return loop.sleep(seconds(10), "body").exceptionallyCompose(f -> {
        parentRef[0].cancel("outside");
        return loop.sleep(seconds(1), "cleanup");
      });
    }).handle((v, f) -> {
      steps.expect(1);
      assertInstanceOf(ExceptionGroup.class, f);
      return cancellingNow();
    }).thenCompose(level -> loop.sleep(seconds(5), level)));
    parentRef[0] = parent;
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(parent));
    steps.finish(2);
    assertEquals(1, parent.cancelling());
    assertEquals(nanos(2), loop.time());
  }

  @Test
  void reArmedRequestWithoutAnotherWaitLeavesTheTaskCompletedButCounted() {
    Task<?>[] parentRef = new Task<?>[1];
    Future<Void> childOutcome = failingAt(1, new IllegalStateException("x"));
    loop.callLater(seconds(1), () -> parentRef[0].cancel("outside"));
    Task<String> parent = loop.createTask(() -> Aio.taskGroup(group -> {
      group.createTask(() -> childOutcome);
      return loop.sleep(seconds(10), "body");
    }).exceptionally(f -> f.getClass().getSimpleName()));
    parentRef[0] = parent;
    assertEquals("ExceptionGroup", loop.runUntilComplete(parent));
    assertEquals(1, parent.cancelling());
  }

  @Test
  void nestedGroupsLeaveExactlyOnePendingRequest() {
    IllegalStateException failure = new IllegalStateException("inner child failed");
    Task<?>[] parentRef = new Task<?>[1];
    Future<Void> childOutcome = failingAt(1, failure);
    loop.callLater(seconds(1), () -> parentRef[0].cancel("outside"));
    int[] seen = new int[2];
    Task<String> parent = loop.createTask(() -> Aio.taskGroup(outer -> {
      outer.createTask(() -> loop.sleep(seconds(10)));
      return Aio.taskGroup(inner -> {
        inner.createTask(() -> childOutcome);
        return loop.sleep(seconds(10), "inner body");
      }).whenComplete((v, f) -> seen[0] = cancellingNow());
    }).exceptionallyCompose(f -> {
      ExceptionGroup group = assertInstanceOf(ExceptionGroup.class, f);
      ExceptionGroup nested = assertInstanceOf(ExceptionGroup.class, group.exceptions().get(0));
      assertEquals(List.of(failure), nested.exceptions());
      seen[1] = cancellingNow();
      return loop.sleep(seconds(5), "next wait");
    }));
    parentRef[0] = parent;
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(parent));
    assertEquals(1, seen[0], "between the groups");
    assertEquals(1, seen[1], "after both");
    assertEquals(1, parent.cancelling());
  }

  @Test
  void handlingTheGroupsFailureLetsTheParentContinueUncancelled() {
    String value = runTask(() -> Aio.taskGroup(group -> {
      group.createTask(failAfter(1, new IllegalStateException("x")));
      return loop.sleep(seconds(10), "body");
    }).exceptionallyCompose(f -> loop.sleep(seconds(2), "recovered")));
    assertEquals("recovered", value);
    assertEquals(nanos(3), loop.time());
  }

  @Test
  void childFailingAfterTheBodyIsDoneCancelsSiblings() {
    IllegalStateException failure = new IllegalStateException("late child");
    Task<String> parent = loop.createTask(() -> Aio.taskGroup(group -> {
      group.createTask(failAfter(2, failure));
      children.add(group.createTask(() -> loop.sleep(seconds(10))));
      return loop.sleep(seconds(1), "body");
    }));
    ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> loop.runUntilComplete(parent));
    assertEquals(List.of(failure), group.exceptions());
    assertTrue(children.get(0).isCancelled());
    assertEquals(0, parent.cancelling());
    assertEquals(nanos(2), loop.time());
  }

  @Test
  void cancelledChildDoesNotFailTheGroup() {
    assertEquals("ok", runTask(() -> Aio.taskGroup(group -> {
      Task<Void> child = group.createTask(() -> loop.sleep(seconds(10)));
      loop.callLater(seconds(1), child::cancel);
      group.createTask(() -> loop.sleep(seconds(2)));
      return loop.completedFuture("ok");
    })));
    assertEquals(nanos(2), loop.time());
  }

  @Test
  void childrenMayStartSiblingsWhileTheGroupExits() {
    TaskGroup group = new TaskGroup();
    String value = runTask(() -> group.run(g -> {
      g.createTask(() -> loop.sleep(seconds(1)).thenCompose(v -> {
        steps.expect(1);
        return g.createTask(() -> loop.sleep(seconds(1)).thenRun(() -> steps.expect(2)));
      }));
      return loop.completedFuture("done");
    }));
    steps.finish(3);
    assertEquals("done", value);
    assertEquals(nanos(2), loop.time());
    IllegalStateException late = assertThrows(IllegalStateException.class,
        () -> runTask(() -> group.createTask(loop::yieldNow)));
    assertTrue(late.getMessage().contains("finished"), late.getMessage());
  }

  @Test
  void noNewChildrenWhileShuttingDown() {
    IllegalStateException[] refused = new IllegalStateException[1];
    assertThrows(ExceptionGroup.class, () -> runTask(() -> Aio.taskGroup(group -> {
      group.createTask(failAfter(1, new IllegalStateException("x")));
      return loop.sleep(seconds(10)).exceptionally(f -> {
        try {
          group.createTask(loop::yieldNow);
        } catch (IllegalStateException expected) {
          refused[0] = expected;
        }
        return null;
      });
    })));
    assertTrue(refused[0].getMessage().contains("shutting down"), refused[0].getMessage());
  }

  @Test
  void fatalErrorIsRethrownAsItIs() {
    StackOverflowError fatal = new StackOverflowError("deep");
    StackOverflowError thrown = assertThrows(StackOverflowError.class, () -> runTask(() ->
        Aio.taskGroup(group -> {
          group.createTask(() -> loop.sleep(seconds(1)).thenApply(v -> {
            throw fatal;
          }));
          return loop.sleep(seconds(10));
        })));
    assertSame(fatal, thrown);
  }

  @Test
  void misuseGivesClearErrors() {
    TaskGroup group = new TaskGroup();
    IllegalStateException early =
        assertThrows(IllegalStateException.class, () -> group.createTask(() -> null));
    assertTrue(early.getMessage().contains("not been entered"), early.getMessage());
    assertThrows(NullPointerException.class, () -> group.run(null));
    runTask(() -> group.run(g -> loop.completedFuture(1)));
    IllegalStateException twice = assertThrows(IllegalStateException.class,
        () -> runTask(() -> group.run(g -> loop.completedFuture(1))));
    assertTrue(twice.getMessage().contains("already entered"), twice.getMessage());
    Future<String> outside = loop.createFuture();
    loop.callSoon(() -> {
      try {
        Aio.taskGroup(g -> loop.completedFuture(1));
      } catch (IllegalStateException expected) {
        outside.setResult(expected.getMessage());
      }
    });
    assertTrue(loop.runUntilComplete(outside).contains("inside a task"));
  }

  @Test
  void bodyThatThrowsStillWaitsForChildren() {
    IllegalStateException failure = new IllegalStateException("sync throw");
    ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> runTask(() ->
        Aio.taskGroup(g -> {
          children.add(g.createTask(() -> loop.sleep(seconds(10))));
          throw failure;
        })));
    assertEquals(List.of(failure), group.exceptions());
    assertTrue(children.get(0).isCancelled());
  }

  @Test
  void groupInsideATimeoutTimesOut() {
    Task<String> parent = loop.createTask(() -> Aio.timeout(seconds(2), () ->
        Aio.taskGroup(group -> {
          children.add(group.createTask(() -> loop.sleep(seconds(10))));
          return loop.sleep(seconds(10), "body");
        })));
    assertThrows(TimeoutError.class, () -> loop.runUntilComplete(parent));
    assertTrue(children.get(0).isCancelled());
    assertEquals(0, parent.cancelling());
    assertEquals(nanos(2), loop.time());
  }
}

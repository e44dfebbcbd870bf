package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A plain future's states, its one-way transitions and its done callbacks. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FutureStateTest {
  private final LoopFixture fixture = new LoopFixture();
  private final EventLoop loop = fixture.loop;

  @Test
  void pendingFutureRefusesResultAndException() {
    Future<String> future = loop.createFuture();
    assertFalse(future.isDone());
    IllegalStateException early = assertThrows(IllegalStateException.class, future::result);
    assertTrue(early.getMessage().contains("pending"), early.getMessage());
    assertThrows(IllegalStateException.class, future::exception);
    assertEquals("Future[pending]", future.toString());
    future.cancel();
    fixture.closeCleanly();
  }

  @Test
  void aFutureCompletesOnceOnly() {
    Future<String> future = loop.createFuture();
    future.setResult("first");
    IllegalStateException again = assertThrows(IllegalStateException.class, () -> future.setResult("second"));
    assertTrue(again.getMessage().contains("already done"), again.getMessage());
    assertThrows(IllegalStateException.class, () -> future.setException(new RuntimeException()));
    assertFalse(future.cancel());
    assertEquals("first", future.result());
    assertNull(future.exception());
    assertThrows(NullPointerException.class, () -> loop.createFuture().setException(null));
    fixture.closeCleanly();
  }

  @Test
  void checkedFailuresAreThrownAsTheyAre() {
    IOException checked = new IOException("checked");
    Future<String> future = loop.failedFuture(checked);
    Throwable thrown = assertThrows(Throwable.class, future::result);
    assertSame(checked, thrown, "not wrapped, although result() declares no checked exception");
    assertSame(checked, future.exception());
    fixture.closeCleanly();
  }

  @Test
  void tasksAndStagesCannotBeCompletedFromOutside() {
    Task<String> task = loop.createTask(() -> loop.sleep(Duration.ofSeconds(1), "own"));
    Future<String> stage = loop.<String>createFuture().thenApply(v -> v);
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> task.setResult("forced"));
    assertTrue(refused.getMessage().contains("cancel()"), refused.getMessage());
    assertThrows(IllegalStateException.class, () -> stage.setException(new RuntimeException()));
    assertEquals("own", loop.runUntilComplete(task));
    stage.cancel();
    loop.runUntilComplete(loop.yieldNow());
    fixture.closeCleanly();
  }

  @Test
  void doneCallbacksRunInOrderAndCanBeRemovedBeforeTheyAreScheduled() {
    List<String> calls = new ArrayList<>();
    Future<String> future = loop.createFuture();
    Consumer<Future<String>> removed = f -> calls.add("removed");
    future.addDoneCallback(f -> calls.add("first:" + f.result()));
    future.addDoneCallback(removed);
    future.addDoneCallback(removed);
    future.addDoneCallback(f -> calls.add("last"));
    assertEquals(2, future.removeDoneCallback(removed));
    assertEquals(0, future.removeDoneCallback(removed));
    future.setResult("v");
    assertEquals(List.of(), calls, "not inline");
    loop.runOnce();
    assertEquals(List.of("first:v", "last"), calls);
    future.addDoneCallback(f -> calls.add("after"));
    assertEquals(2, calls.size(), "registering on a done future does not run inline either");
    loop.runOnce();
    assertEquals(List.of("first:v", "last", "after"), calls);
    fixture.closeCleanly();
  }

  @Test
  void aioShortcutsNeedARunningLoop() {
    assertThrows(IllegalStateException.class, () -> Aio.sleep(Duration.ZERO));
    assertThrows(IllegalStateException.class, Aio::yieldNow);
    assertThrows(IllegalStateException.class, Aio::currentTask);
    assertThrows(IllegalStateException.class, () -> Aio.createTask(() -> null));
    String[] names = new String[2];
    Task<Void> task = loop.createTask("outer", () -> {
      names[0] = Aio.currentTask().orElseThrow().name();
      return Aio.yieldNow().thenRun(() -> names[1] = Aio.currentTask().orElseThrow().name());
    });
    loop.runUntilComplete(task);
    assertEquals("outer", names[0]);
    assertEquals("outer", names[1], "stages run on behalf of the task whose body composed them");
    loop.callSoon(() -> names[0] = String.valueOf(Aio.currentTask().isPresent()));
    loop.runOnce();
    assertEquals("false", names[0], "a plain callback runs outside any task");
    fixture.closeCleanly();
  }
}

package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loop-confined entry point, called from another thread, throws {@link
 * WrongThreadException} naming the thread-safe alternative, and changes nothing.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WrongThreadTest {
  private static final LoopFixture FIXTURE = new LoopFixture();
  private static final EventLoop LOOP = FIXTURE.loop;
  private static final Future<String> FUTURE = LOOP.createFuture();
  private static final Task<Void> TASK = LOOP.createTask("confined", () -> LOOP.sleep(Duration.ofHours(1)));
  private static final TimerHandle TIMER = LOOP.callLater(Duration.ofHours(1), () -> {});

  @FunctionalInterface
  interface Call {
    void run() throws Exception;
  }

  record Entry(String name, Call call, String alternative) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Entry> entries() {
    String soon = "callSoonThreadSafe";
    String view = "toCompletableFuture";
    return List.of(
        new Entry("EventLoop.callSoon", () -> LOOP.callSoon(() -> {}), soon),
        new Entry("EventLoop.callLater", () -> LOOP.callLater(Duration.ZERO, () -> {}), soon),
        new Entry("EventLoop.callAt", () -> LOOP.callAt(0, () -> {}), soon),
        new Entry("EventLoop.createTask", () -> LOOP.createTask(() -> null), soon),
        new Entry("EventLoop.createFuture", LOOP::createFuture, soon),
        new Entry("EventLoop.completedFuture", () -> LOOP.completedFuture(1), soon),
        new Entry("EventLoop.failedFuture", () -> LOOP.failedFuture(new RuntimeException()), soon),
        new Entry("EventLoop.allTasks", LOOP::allTasks, soon),
        new Entry("EventLoop.yieldNow", LOOP::yieldNow, soon),
        new Entry("EventLoop.sleep", () -> LOOP.sleep(Duration.ofSeconds(1)), soon),
        new Entry("EventLoop.runUntilComplete", () -> LOOP.runUntilComplete(FUTURE), "submit"),
        new Entry("EventLoop.register", () -> {
          Pipe pipe = Pipe.open();
          try {
            pipe.source().configureBlocking(false);
            LOOP.register(pipe.source(), SelectionKey.OP_READ, key -> {});
          } finally {
            pipe.source().close();
            pipe.sink().close();
          }
        }, soon),
        new Entry("Future.setResult", () -> FUTURE.setResult("x"), view),
        new Entry("Future.setException", () -> FUTURE.setException(new RuntimeException()), view),
        new Entry("Future.cancel", FUTURE::cancel, view),
        new Entry("Future.result", FUTURE::result, view),
        new Entry("Future.exception", FUTURE::exception, view),
        new Entry("Future.isDone", FUTURE::isDone, view),
        new Entry("Future.isCancelled", FUTURE::isCancelled, view),
        new Entry("Future.addDoneCallback", () -> FUTURE.addDoneCallback(f -> {}), view),
        new Entry("Future.removeDoneCallback", () -> FUTURE.removeDoneCallback(f -> {}), view),
        new Entry("Future.thenApply", () -> FUTURE.thenApply(v -> v), view),
        new Entry("Future.thenCompose", () -> FUTURE.thenCompose(v -> FUTURE), view),
        new Entry("Future.whenComplete", () -> FUTURE.whenComplete((v, f) -> {}), view),
        new Entry("Future.thenCombine", () -> FUTURE.thenCombine(FUTURE, (a, b) -> a), view),
        new Entry("Future.applyToEither", () -> FUTURE.applyToEither(FUTURE, v -> v), view),
        new Entry("Future.runAfterEither", () -> FUTURE.runAfterEither(FUTURE, () -> {}), view),
        new Entry("Future.exceptionallyCompose", () -> FUTURE.exceptionallyCompose(f -> FUTURE), view),
        new Entry("Task.cancel", TASK::cancel, view),
        new Entry("Task.cancelling", TASK::cancelling, view),
        new Entry("Task.uncancel", TASK::uncancel, view),
        new Entry("Task.name", TASK::name, view),
        new Entry("Task.setName", () -> TASK.setName("x"), view),
        new Entry("Task.context", TASK::context, view),
        new Entry("TimerHandle.cancel", TIMER::cancel, "callSoonThreadSafe(handle::cancel)"));
  }

  @AfterEach
  void nothingChanged() {
    assertFalse(FUTURE.isDone());
    assertFalse(TASK.isDone());
    assertFalse(TIMER.cancelled());
    assertTrue(FIXTURE.errors.isEmpty(), FIXTURE.errors::toString);
  }

  @AfterAll
  static void closeTheLoop() {
    TASK.cancel();
    LOOP.runUntilComplete(TASK.handle((v, f) -> null));
    FUTURE.cancel();
    TIMER.cancel();
    FIXTURE.closeCleanly();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void loopConfinedCallFromAnotherThreadNamesTheSafeAlternative(Entry entry) throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread other = new Thread(() -> {
      try {
        entry.call().run();
      } catch (Throwable t) {
        thrown.set(t);
      }
    }, "not-the-loop");
    other.start();
    other.join();
    WrongThreadException error = assertInstanceOf(WrongThreadException.class, thrown.get());
    String message = error.getMessage();
    assertTrue(message.contains("'not-the-loop'"), message);
    assertTrue(message.contains("'test-loop'"), message);
    assertTrue(message.contains("From other threads use"), message);
    assertTrue(message.contains(entry.alternative()), message);
  }

  @Test
  void threadSafeMembersWorkFromAnyThread() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread other = new Thread(() -> {
      try {
        LOOP.time();
        LOOP.name();
        LOOP.isRunning();
        LOOP.isClosed();
        assertFalse(LOOP.inLoopThread());
        LOOP.isDebug();
        LOOP.exceptionHandler();
        FUTURE.loop();
        FUTURE.toString();
        FUTURE.toCompletableFuture();
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    other.start();
    other.join();
    if (thrown.get() != null) {
      throw new AssertionError(thrown.get());
    }
    LOOP.runUntilComplete(LOOP.yieldNow());
  }
}

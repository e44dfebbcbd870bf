package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Context variables: snapshots per task and per callback, tokens, and thread crossings. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ContextVarTest {
  private static final ContextVar<String> REQUEST = ContextVar.withDefault("request", "none");
  private static final ContextVar<String> USER = ContextVar.named("user");

  private final LoopFixture fixture = new LoopFixture();
  private final EventLoop loop = fixture.loop;
  private final Context before = Context.current();

  @AfterEach
  void restoreThreadContext() {
    // Tests set variables on the test thread; leave it as the next test expects it.
    ThreadState.get().context = before;
  }

  @Test
  void taskCopiesTheContextAtCreation() {
    REQUEST.set("at-creation");
    Task<String> task = loop.createTask(() -> loop.completedFuture(REQUEST.get()));
    REQUEST.set("after-creation");
    assertEquals("at-creation", loop.runUntilComplete(task));
    assertEquals("at-creation", task.context().lookup(REQUEST, null));
    assertEquals("after-creation", REQUEST.get());
    fixture.closeCleanly();
  }

  @Test
  void whatATaskSetsStaysInTheTaskAndReachesItsContinuations() {
    List<String> seen = new ArrayList<>();
    Task<Void> task = loop.createTask(() -> {
      REQUEST.set("in-task");
      return loop.sleep(Duration.ofSeconds(1)).thenAccept(v -> seen.add(REQUEST.get()));
    });
    Task<Void> sibling = loop.createTask(() -> loop.sleep(Duration.ofSeconds(2))
        .thenAccept(v -> seen.add(REQUEST.get())));
    loop.runUntilComplete(sibling);
    assertTrue(task.isDone());
    assertEquals(List.of("in-task", "none"), seen);
    assertEquals("none", REQUEST.get(), "nothing leaked to the thread that ran the loop");
    fixture.closeCleanly();
  }

  @Test
  void callbacksRunInTheContextCapturedWhenScheduled() {
    List<String> seen = new ArrayList<>();
    REQUEST.set("first");
    loop.callSoon(() -> {
      seen.add(REQUEST.get());
      REQUEST.set("changed-inside");
      seen.add(REQUEST.get());
    });
    REQUEST.set("second");
    loop.callSoon(() -> seen.add(REQUEST.get()));
    loop.callLater(Duration.ofSeconds(1), () -> seen.add("timer:" + REQUEST.get()));
    Future<Void> source = loop.createFuture();
    REQUEST.set("third");
    source.addDoneCallback(f -> seen.add("done:" + REQUEST.get()));
    source.thenRun(() -> seen.add("stage:" + REQUEST.get()));
    REQUEST.set("outside");
    loop.callSoon(() -> source.setResult(null));
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1)));
    assertEquals(List.of("first", "changed-inside", "second", "done:third", "stage:third",
        "timer:second"), seen);
    assertEquals("outside", REQUEST.get());
    fixture.closeCleanly();
  }

  @Test
  void callSoonThreadSafeCarriesTheCallingThreadsContext() throws Exception {
    REQUEST.set("loop-thread");
    String[] seen = new String[1];
    Thread other = new Thread(() -> {
      REQUEST.set("other-thread");
      loop.callSoonThreadSafe(() -> seen[0] = REQUEST.get());
    });
    other.start();
    other.join();
    loop.runOnce();
    assertEquals("other-thread", seen[0]);
    fixture.closeCleanly();
  }

  @Test
  void executorStagesRunInTheComposingContext() {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      REQUEST.set("composer");
      Future<String> stage = loop.completedFuture(1).thenApplyAsync(v -> REQUEST.get(), executor);
      REQUEST.set("later");
      assertEquals("composer", loop.runUntilComplete(stage));
    } finally {
      executor.shutdownNow();
    }
    fixture.closeCleanly();
  }

  @Test
  void tokenResetRestoresThePreviousValueOnce() {
    ContextVar.Token<String> first = USER.set("alice");
    ContextVar.Token<String> second = USER.set("bob");
    assertSame(USER, second.variable());
    USER.reset(second);
    assertEquals("alice", USER.get());
    IllegalStateException reused = assertThrows(IllegalStateException.class, () -> USER.reset(second));
    assertTrue(reused.getMessage().contains("used once already"), reused.getMessage());
    USER.reset(first);
    NoSuchElementException unset = assertThrows(NoSuchElementException.class, USER::get);
    assertTrue(unset.getMessage().contains("'user'"), unset.getMessage());
    assertFalse(Context.current().contains(USER));
    assertEquals("fallback", USER.getOrElse("fallback"));
    fixture.closeCleanly();
  }

  @Test
  void tokenOfAnotherVariableIsRejected() {
    ContextVar<String> other = ContextVar.named("other");
    ContextVar.Token<String> token = other.set("x");
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> USER.reset(token));
    assertTrue(wrong.getMessage().contains("'other'"), wrong.getMessage());
    assertThrows(NullPointerException.class, () -> USER.reset(null));
    assertThrows(NullPointerException.class, () -> ContextVar.named(null));
    fixture.closeCleanly();
  }

  @Test
  void aTokenSetInAnIoReadinessCallbackIsRefusedElsewhereNamingThatCallback() throws Exception {
    Pipe pipe = Pipe.open();
    try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
      source.configureBlocking(false);
      Future<ContextVar.Token<String>> made = loop.createFuture();
      loop.register(source, SelectionKey.OP_READ, key -> {
        key.cancel();
        made.setResult(REQUEST.set("io"));
      });
      sink.write(ByteBuffer.wrap(new byte[] {1}));
      ContextVar.Token<String> token = loop.runUntilComplete(made);
      Future<String> refused = loop.createFuture();
      loop.callSoon(() -> refused.setResult(
          assertThrows(IllegalArgumentException.class, () -> REQUEST.reset(token)).getMessage()));
      String message = loop.runUntilComplete(refused);
      assertTrue(message.contains("created in an I/O readiness callback"), message);
    }
    fixture.closeCleanly();
  }

  @Test
  void aTokenIsResetInTheContextThatSetItAndRefusedElsewhereWithoutBeingUsedUp() {
    List<String> seen = new ArrayList<>();
    // The same task, across a suspension: its continuation shares the task's context.
    Task<Void> sameTask = loop.createTask(() -> {
      ContextVar.Token<String> token = REQUEST.set("in-task");
      return loop.sleep(Duration.ofSeconds(1)).thenAccept(v -> {
        REQUEST.reset(token);
        seen.add(REQUEST.get());
      });
    });
    loop.runUntilComplete(sameTask);
    assertEquals(List.of("none"), seen);

    // Another task: refused, and the value there is unchanged.
    Future<ContextVar.Token<String>> made = loop.createFuture();
    Task<Void> setter = loop.createTask(() -> {
      made.setResult(REQUEST.set("setter"));
      return loop.sleep(Duration.ofSeconds(2));
    });
    Task<String> other = loop.createTask(() -> made.thenApply(token -> {
      REQUEST.set("other");
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> REQUEST.reset(token));
      assertTrue(refused.getMessage().contains("created in task '"), refused.getMessage());
      assertTrue(refused.getMessage().contains("another context"), refused.getMessage());
      return REQUEST.get();
    }));
    assertEquals("other", loop.runUntilComplete(other));
    loop.runUntilComplete(setter);

    // A done-callback is a callback of its own (asyncio copies the context for it).
    Future<String> done = loop.createFuture();
    ContextVar.Token<String>[] inCallback = tokenHolder();
    loop.callSoon(() -> {
      inCallback[0] = REQUEST.set("callback");
      done.addDoneCallback(f -> seen.add(assertThrows(IllegalArgumentException.class,
          () -> REQUEST.reset(inCallback[0])).getMessage()));
      done.setResult("x");
    });
    loop.runUntilComplete(done);
    loop.runUntilComplete(loop.sleep(Duration.ofMillis(1)));
    assertTrue(seen.get(1).contains("created in the loop callback"), seen.get(1));

    // Context.run is a context of its own, both ways; the thread outside is another.
    ContextVar.Token<String> outside = REQUEST.set("outside");
    Context.current().run(() -> {
      assertThrows(IllegalArgumentException.class, () -> REQUEST.reset(outside));
      ContextVar.Token<String> inside = REQUEST.set("inside");
      REQUEST.reset(inside);
      assertEquals("outside", REQUEST.get());
    });
    REQUEST.reset(outside); // refused attempts did not use it up
    assertEquals("none", REQUEST.get());
    fixture.closeCleanly();
  }

  @Test
  void aTokenIsRefusedOnAnotherThread() throws Exception {
    ContextVar.Token<String> token = USER.set("alice");
    Throwable[] failure = new Throwable[1];
    Thread other = new Thread(() -> failure[0] = assertThrows(
        IllegalArgumentException.class, () -> USER.reset(token)));
    other.start();
    other.join();
    assertTrue(failure[0].getMessage().contains(
        "created in thread '" + Thread.currentThread().getName() + "' outside any callback"),
        failure[0].getMessage());
    USER.reset(token);
    assertFalse(Context.current().contains(USER));
    fixture.closeCleanly();
  }

  @SuppressWarnings("unchecked")
  private static ContextVar.Token<String>[] tokenHolder() {
    return (ContextVar.Token<String>[]) new ContextVar.Token<?>[1];
  }

  @Test
  void defaultsNullValuesAndSnapshots() {
    assertEquals("none", REQUEST.get());
    assertEquals("given", REQUEST.getOrElse("given"), "getOrElse ignores the variable's default");
    REQUEST.set(null);
    assertNull(REQUEST.get(), "null is a legal value");
    REQUEST.set("snap");
    Context snapshot = Context.current();
    REQUEST.set("moved-on");
    assertEquals("snap", snapshot.run(REQUEST::get));
    snapshot.run(() -> REQUEST.set("inside-run"));
    assertEquals("snap", snapshot.run(REQUEST::get), "a snapshot never changes");
    assertEquals("moved-on", REQUEST.get(), "run restores the previous context");
    assertEquals(0, Context.empty().size());
    assertEquals("none", Context.empty().run(REQUEST::get));
    fixture.closeCleanly();
  }
}

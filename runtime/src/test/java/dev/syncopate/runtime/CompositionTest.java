package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link CompletionStage} method of {@link Future}, in its plain, {@code Async} and executor
 * variants: the value, the failure passed on unwrapped, the thread the function runs on, and that
 * nothing ever runs inline.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CompositionTest {
  private static final String EXECUTOR_THREAD = "stage-executor";
  private static final ExecutorService EXECUTOR =
      Executors.newSingleThreadExecutor(r -> new Thread(r, EXECUTOR_THREAD));

  /** Marks a case whose stage fails with the source's failure. */
  private static final Object FAILS = new Object() {
    @Override
    public String toString() {
      return "fails with the source's failure";
    }
  };

  private final LoopFixture fixture = new LoopFixture();
  private final EventLoop loop = fixture.loop;

  @AfterAll
  static void stopExecutor() {
    EXECUTOR.shutdownNow();
  }

  /** What a stage's function saw, and on which thread it ran. */
  static final class Probe {
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final List<Object> inputs = new CopyOnWriteArrayList<>();

    void saw(Object input) {
      threads.add(Thread.currentThread());
      inputs.add(input == null ? "null" : input);
    }
  }

  enum Variant {
    PLAIN,
    ASYNC,
    EXECUTOR
  }

  @FunctionalInterface
  interface Op {
    Future<?> apply(Future<Integer> source, Future<Integer> other, Executor executor, Probe probe);
  }

  record Case(String method, Variant variant, Op op, Object onValue, Object onFailure,
      boolean functionSeesFailure) {
    @Override
    public String toString() {
      return method + (variant == Variant.PLAIN ? "" : variant == Variant.ASYNC ? "Async" : "Async(executor)");
    }
  }

  /** A completed stage: a loop future on the loop thread, a CompletableFuture elsewhere. */
  private static CompletionStage<Integer> stageOf(Future<?> source, int value) {
    return source.loop().inLoopThread()
        ? source.loop().completedFuture(value)
        : CompletableFuture.completedFuture(value);
  }

  private static void method(List<Case> cases, String name, Object onValue, Object onFailure,
      boolean seesFailure, Op plain, Op async, Op withExecutor) {
    cases.add(new Case(name, Variant.PLAIN, plain, onValue, onFailure, seesFailure));
    cases.add(new Case(name, Variant.ASYNC, async, onValue, onFailure, seesFailure));
    cases.add(new Case(name, Variant.EXECUTOR, withExecutor, onValue, onFailure, seesFailure));
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    method(cases, "thenApply", 11, FAILS, false,
        (s, o, e, p) -> s.thenApply(v -> { p.saw(v); return v + 10; }),
        (s, o, e, p) -> s.thenApplyAsync(v -> { p.saw(v); return v + 10; }),
        (s, o, e, p) -> s.thenApplyAsync(v -> { p.saw(v); return v + 10; }, e));
    method(cases, "thenAccept", null, FAILS, false,
        (s, o, e, p) -> s.thenAccept(p::saw),
        (s, o, e, p) -> s.thenAcceptAsync(p::saw),
        (s, o, e, p) -> s.thenAcceptAsync(p::saw, e));
    method(cases, "thenRun", null, FAILS, false,
        (s, o, e, p) -> s.thenRun(() -> p.saw(null)),
        (s, o, e, p) -> s.thenRunAsync(() -> p.saw(null)),
        (s, o, e, p) -> s.thenRunAsync(() -> p.saw(null), e));
    method(cases, "thenCombine", 102, FAILS, false,
        (s, o, e, p) -> s.thenCombine(o, (a, b) -> { p.saw(a); return a * 100 + b; }),
        (s, o, e, p) -> s.thenCombineAsync(o, (a, b) -> { p.saw(a); return a * 100 + b; }),
        (s, o, e, p) -> s.thenCombineAsync(o, (a, b) -> { p.saw(a); return a * 100 + b; }, e));
    method(cases, "thenAcceptBoth", null, FAILS, false,
        (s, o, e, p) -> s.thenAcceptBoth(o, (a, b) -> p.saw(a)),
        (s, o, e, p) -> s.thenAcceptBothAsync(o, (a, b) -> p.saw(a)),
        (s, o, e, p) -> s.thenAcceptBothAsync(o, (a, b) -> p.saw(a), e));
    method(cases, "runAfterBoth", null, FAILS, false,
        (s, o, e, p) -> s.runAfterBoth(o, () -> p.saw(null)),
        (s, o, e, p) -> s.runAfterBothAsync(o, () -> p.saw(null)),
        (s, o, e, p) -> s.runAfterBothAsync(o, () -> p.saw(null), e));
    method(cases, "applyToEither", 11, FAILS, false,
        (s, o, e, p) -> s.applyToEither(o, v -> { p.saw(v); return v + 10; }),
        (s, o, e, p) -> s.applyToEitherAsync(o, v -> { p.saw(v); return v + 10; }),
        (s, o, e, p) -> s.applyToEitherAsync(o, v -> { p.saw(v); return v + 10; }, e));
    method(cases, "acceptEither", null, FAILS, false,
        (s, o, e, p) -> s.acceptEither(o, p::saw),
        (s, o, e, p) -> s.acceptEitherAsync(o, p::saw),
        (s, o, e, p) -> s.acceptEitherAsync(o, p::saw, e));
    method(cases, "runAfterEither", null, FAILS, false,
        (s, o, e, p) -> s.runAfterEither(o, () -> p.saw(null)),
        (s, o, e, p) -> s.runAfterEitherAsync(o, () -> p.saw(null)),
        (s, o, e, p) -> s.runAfterEitherAsync(o, () -> p.saw(null), e));
    method(cases, "thenCompose", 11, FAILS, false,
        (s, o, e, p) -> s.thenCompose(v -> { p.saw(v); return stageOf(s, v + 10); }),
        (s, o, e, p) -> s.thenComposeAsync(v -> { p.saw(v); return stageOf(s, v + 10); }),
        (s, o, e, p) -> s.thenComposeAsync(v -> { p.saw(v); return stageOf(s, v + 10); }, e));
    method(cases, "handle", 11, -1, true,
        (s, o, e, p) -> s.handle((v, f) -> { p.saw(f == null ? v : f); return f == null ? v + 10 : -1; }),
        (s, o, e, p) -> s.handleAsync((v, f) -> { p.saw(f == null ? v : f); return f == null ? v + 10 : -1; }),
        (s, o, e, p) -> s.handleAsync((v, f) -> { p.saw(f == null ? v : f); return f == null ? v + 10 : -1; }, e));
    method(cases, "whenComplete", 1, FAILS, true,
        (s, o, e, p) -> s.whenComplete((v, f) -> p.saw(f == null ? v : f)),
        (s, o, e, p) -> s.whenCompleteAsync((v, f) -> p.saw(f == null ? v : f)),
        (s, o, e, p) -> s.whenCompleteAsync((v, f) -> p.saw(f == null ? v : f), e));
    method(cases, "exceptionally", 1, -1, true,
        (s, o, e, p) -> s.exceptionally(f -> { p.saw(f); return -1; }),
        (s, o, e, p) -> s.exceptionallyAsync(f -> { p.saw(f); return -1; }),
        (s, o, e, p) -> s.exceptionallyAsync(f -> { p.saw(f); return -1; }, e));
    method(cases, "exceptionallyCompose", 1, -1, true,
        (s, o, e, p) -> s.exceptionallyCompose(f -> { p.saw(f); return stageOf(s, -1); }),
        (s, o, e, p) -> s.exceptionallyComposeAsync(f -> { p.saw(f); return stageOf(s, -1); }),
        (s, o, e, p) -> s.exceptionallyComposeAsync(f -> { p.saw(f); return stageOf(s, -1); }, e));
    return cases;
  }

  static Stream<Case> executorCases() {
    return cases().stream().filter(c -> c.variant() == Variant.EXECUTOR);
  }

  @Test
  void everyCompletionStageMethodIsCovered() {
    long overridden = Stream.of(CompletionStage.class.getMethods())
        .filter(m -> !m.getName().equals("toCompletableFuture"))
        .count();
    assertEquals(overridden, cases().size(), "one case per CompletionStage method");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void valueFlowsOnTheRightThreadAndNeverInline(Case c) {
    Future<Integer> source = loop.createFuture();
    Future<Integer> other = loop.createFuture();
    Probe probe = new Probe();
    Future<?> stage = c.op().apply(source, other, EXECUTOR, probe);
    loop.callSoon(() -> {
      source.setResult(1);
      other.setResult(2);
      assertTrue(probe.threads.isEmpty(), "not run inside the completing call");
      assertFalse(stage.isDone());
    });
    assertEquals(c.onValue(), loop.runUntilComplete(stage));
    assertRanWhereExpected(c, probe);
    fixture.closeCleanly();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void registeringOnADoneFutureDoesNotRunInline(Case c) {
    Future<Integer> source = loop.completedFuture(1);
    Future<Integer> other = loop.completedFuture(2);
    Probe probe = new Probe();
    Future<?> stage = c.op().apply(source, other, EXECUTOR, probe);
    assertTrue(probe.threads.isEmpty(), "not run inside the registering call");
    assertFalse(stage.isDone());
    assertEquals(c.onValue(), loop.runUntilComplete(stage));
    assertRanWhereExpected(c, probe);
    fixture.closeCleanly();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failurePassesUnwrapped(Case c) {
    Future<Integer> source = loop.createFuture();
    Future<Integer> other = loop.createFuture();
    Probe probe = new Probe();
    Future<?> stage = c.op().apply(source, other, EXECUTOR, probe);
    IllegalStateException boom = new IllegalStateException("boom");
    source.setException(boom);
    other.setResult(2);
    if (c.onFailure() == FAILS) {
      Throwable thrown = assertThrows(Throwable.class, () -> loop.runUntilComplete(stage));
      assertSame(boom, thrown, "the original exception, never a CompletionException");
      assertSame(boom, stage.exception());
    } else {
      assertEquals(c.onFailure(), loop.runUntilComplete(stage));
    }
    if (c.functionSeesFailure()) {
      assertEquals(1, probe.inputs.size());
      assertSame(boom, probe.inputs.get(0), "the function sees the original exception");
      assertRanWhereExpected(c, probe);
    } else {
      assertTrue(probe.inputs.isEmpty(), "a value function never runs on failure");
    }
    fixture.closeCleanly();
  }

  /**
   * A source for executor tests: one the function under test runs on (a failure for functions
   * that only see failures).
   */
  private Future<Integer> sourceThatRunsTheFunction(Case c) {
    return c.method().startsWith("exceptionally")
        ? loop.failedFuture(new IllegalStateException("boom"))
        : loop.completedFuture(1);
  }

  private static Object expectedFrom(Case c) {
    return c.method().startsWith("exceptionally") ? c.onFailure() : c.onValue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("executorCases")
  void executorVariantRunsThereAndCompletesOnTheLoop(Case c) throws Exception {
    ManualExecutor executor = new ManualExecutor();
    Future<Integer> source = sourceThatRunsTheFunction(c);
    Future<Integer> other = loop.completedFuture(2);
    Probe probe = new Probe();
    Future<?> stage = c.op().apply(source, other, executor, probe);
    runUntilSubmitted(executor);
    executor.runAllOnAnotherThread();
    assertEquals(1, probe.threads.size());
    assertEquals(ManualExecutor.THREAD, probe.threads.get(0).getName());
    assertFalse(stage.isDone(), "the result travels back to the loop; the executor never completes the stage");
    assertEquals(expectedFrom(c), loop.runUntilComplete(stage));
    fixture.closeCleanly();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("executorCases")
  void cancellingAnExecutorStageDropsTheResult(Case c) throws Exception {
    ManualExecutor executor = new ManualExecutor();
    Future<Integer> source = sourceThatRunsTheFunction(c);
    Future<Integer> other = loop.completedFuture(2);
    Probe probe = new Probe();
    Future<?> stage = c.op().apply(source, other, executor, probe);
    runUntilSubmitted(executor);
    assertTrue(stage.cancel("no longer needed"));
    executor.runAllOnAnotherThread();
    CancelledError error = assertThrows(CancelledError.class, () -> loop.runUntilComplete(stage));
    assertEquals("no longer needed", error.getMessage());
    loop.runUntilComplete(loop.yieldNow());
    assertTrue(stage.isCancelled());
    assertEquals(1, probe.inputs.size(), "the function ran; its result was dropped");
    fixture.closeCleanly();
  }

  @Test
  void functionFailureIsDeliveredAsTheSameInstance() {
    UnsupportedOperationException boom = new UnsupportedOperationException("fn failed");
    Future<Integer> onLoop = loop.completedFuture(1).thenApply(v -> {
      throw boom;
    });
    Future<Integer> onExecutor = loop.completedFuture(1).thenApplyAsync(v -> {
      throw boom;
    }, EXECUTOR);
    assertSame(boom, assertThrows(UnsupportedOperationException.class, () -> loop.runUntilComplete(onLoop)));
    assertSame(boom, assertThrows(UnsupportedOperationException.class, () -> loop.runUntilComplete(onExecutor)));
    fixture.closeCleanly();
  }

  @Test
  void rejectedExecutionFailsTheStage() {
    RejectedExecutionException rejected = new RejectedExecutionException("full");
    Future<Integer> stage = loop.completedFuture(1).thenApplyAsync(v -> v, r -> {
      throw rejected;
    });
    assertSame(rejected, assertThrows(RejectedExecutionException.class, () -> loop.runUntilComplete(stage)));
    fixture.closeCleanly();
  }

  @Test
  void whenCompleteKeepsTheOriginalFailureAndAddsTheActionsAsSuppressed() {
    IllegalStateException original = new IllegalStateException("original");
    IllegalArgumentException fromAction = new IllegalArgumentException("action");
    Future<Integer> failing = loop.<Integer>failedFuture(original).whenComplete((v, f) -> {
      throw fromAction;
    });
    assertSame(original, assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(failing)));
    assertSame(fromAction, original.getSuppressed()[0]);
    Future<Integer> succeeding = loop.completedFuture(1).whenComplete((v, f) -> {
      throw fromAction;
    });
    assertSame(fromAction, assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(succeeding)));
    fixture.closeCleanly();
  }

  @Test
  void dependentsRunInRegistrationOrder() {
    Steps steps = new Steps();
    Future<String> source = loop.createFuture();
    source.thenRun(() -> steps.expect(1));
    source.addDoneCallback(f -> steps.expect(2));
    source.whenComplete((v, f) -> steps.expect(3));
    source.handle((v, f) -> {
      steps.expect(4);
      return v;
    });
    Future<Void> last = source.thenAccept(v -> steps.expect(5));
    source.setResult("go");
    loop.runUntilComplete(last);
    steps.finish(6);
    fixture.closeCleanly();
  }

  @Test
  void composingWithForeignStagesAdoptsThem() {
    CompletableFuture<Integer> foreign = new CompletableFuture<>();
    Future<Integer> combined = loop.completedFuture(1).thenCombine(foreign, (a, b) -> a * 100 + b);
    Future<Integer> composed = loop.completedFuture(1).thenCompose(v -> foreign.thenApply(b -> v + b));
    loop.callSoon(() -> foreign.complete(5));
    assertEquals(105, loop.runUntilComplete(combined));
    assertEquals(6, loop.runUntilComplete(composed));
    fixture.closeCleanly();
  }

  @Test
  void composeFunctionReturningNullFailsWithAClearMessage() {
    Future<Integer> stage = loop.completedFuture(1).thenCompose(v -> null);
    NullPointerException thrown =
        assertThrows(NullPointerException.class, () -> loop.runUntilComplete(stage));
    assertTrue(thrown.getMessage().contains("returned null"), thrown.getMessage());
    fixture.closeCleanly();
  }

  @Test
  void nullFunctionsAreRejectedAtOnce() {
    Future<Integer> source = loop.createFuture();
    assertThrows(NullPointerException.class, () -> source.thenApply(null));
    assertThrows(NullPointerException.class, () -> source.thenCompose(null));
    assertThrows(NullPointerException.class, () -> source.whenComplete(null));
    assertThrows(NullPointerException.class, () -> source.exceptionally(null));
    assertThrows(NullPointerException.class, () -> source.thenCombine(source, null));
    assertThrows(NullPointerException.class, () -> source.thenCombine(null, (a, b) -> a));
    assertThrows(NullPointerException.class, () -> source.addDoneCallback(null));
    source.cancel();
    fixture.closeCleanly();
  }

  private void assertRanWhereExpected(Case c, Probe probe) {
    for (Thread thread : probe.threads) {
      if (c.variant() == Variant.EXECUTOR) {
        assertEquals(EXECUTOR_THREAD, thread.getName(), "executor variants run on the executor");
      } else {
        assertSame(Thread.currentThread(), thread, "runs on the loop thread");
      }
    }
  }

  /** Iterates the loop (never blocking) until a step has been handed to {@code executor}. */
  private void runUntilSubmitted(ManualExecutor executor) {
    for (int i = 0; i < 10 && executor.work.isEmpty(); i++) {
      loop.callSoon(() -> {});
      loop.runOnce();
    }
    assertEquals(1, executor.work.size(), "one step handed to the executor");
  }

  /** An executor whose work the test runs, on a thread of its own, when it chooses. */
  static final class ManualExecutor implements Executor {
    static final String THREAD = "manual-executor";
    final ConcurrentLinkedQueue<Runnable> work = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable command) {
      work.add(command);
    }

    void runAllOnAnotherThread() throws InterruptedException {
      Thread thread = new Thread(() -> {
        Runnable next;
        while ((next = work.poll()) != null) {
          next.run();
        }
      }, THREAD);
      thread.start();
      thread.join();
    }
  }
}

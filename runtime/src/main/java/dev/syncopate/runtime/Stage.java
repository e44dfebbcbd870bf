package dev.syncopate.runtime;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A future whose outcome comes from its own code: a composed stage, and the base of {@link Task}.
 *
 * <p>A stage is a small task. It waits on one source at a time (two for {@code thenCombine} and
 * {@code applyToEither}); {@link #cancel(String)} forwards the request there, and when no source
 * can take it (the source is done but the stage's step has not run yet, or the stage waits on a
 * foreign {@code CompletionStage}) the stage remembers it, and its step receives a {@link
 * CancelledError} in place of the source's outcome. asyncio's {@code Task} does the same with
 * {@code _fut_waiter} and {@code _must_cancel}.
 *
 * <p>Steps run on behalf of the task that created the stage, so {@link Aio#currentTask()} inside
 * a stage's function names the task whose body composed it.
 */
abstract class Stage<T> extends Future<T> {
  /** What a stage does with its source's outcome: return the new value, or throw the failure. */
  @FunctionalInterface
  interface Step<S, T> {
    T apply(S value, Throwable failure) throws Throwable;
  }

  /** The task on whose behalf this stage runs, or null. */
  final Task<?> owner;

  /** The {@link Future} waited on, or a {@code java.util.concurrent.Future} of a foreign stage. */
  private Object waitingOn;

  /**
   * A cancellation request kept for the next step: null if none, else its message, or {@link
   * #NO_MESSAGE} for a request without one. One field rather than a flag and a message: the flag
   * cost every task 8 bytes of padding (80 instead of 72; see docs/performance.md).
   */
  private Object mustCancel;

  private static final Object NO_MESSAGE = new Object();

  Stage(EventLoop loop, Task<?> owner) {
    super(loop);
    this.owner = owner;
  }

  @Override
  final boolean isSettable() {
    return false;
  }

  @Override
  public boolean cancel(String message) {
    check("cancel");
    return requestCancel(message);
  }

  /** asyncio's {@code Task.cancel} after the counter: forward, or remember for the next step. */
  final boolean requestCancel(String message) {
    if (!isPending()) {
      return false;
    }
    if (forwardCancel(message)) {
      return true;
    }
    mustCancel = message != null ? message : NO_MESSAGE;
    if (waitingOn instanceof java.util.concurrent.Future<?> foreign) {
      foreign.cancel(false);
    }
    return true;
  }

  /** Passes a cancellation request to the pending source(s); returns whether one accepted it. */
  boolean forwardCancel(String message) {
    return waitingOn instanceof Future<?> source && source.isPending() && source.cancel(message);
  }

  /** Withdraws a remembered cancellation request (for {@link Task#uncancel()}). */
  final void clearPendingCancel() {
    mustCancel = null;
  }

  /**
   * On a task, in {@link #mustCancel}: a kept cancellation request that the next stage of the
   * task to wait on a pending future delivers there (TaskGroup's re-armed external cancellation;
   * asyncio's {@code _must_cancel} consumed by the next {@code await}). Unlike a request for the
   * next step it does not replace the task's own outcome. Shares the field so that tasks stay at
   * 72 bytes; cleared by {@link #clearPendingCancel()} and superseded by a real request.
   */
  private static final Object NEXT_WAIT = new Object();

  /** Re-arms a kept cancellation request for this task's next wait; see {@link #NEXT_WAIT}. */
  final void cancelOnNextWait() {
    if (mustCancel == null) {
      mustCancel = NEXT_WAIT;
    }
  }

  /**
   * Returns the failure this step should see: a pending cancellation wins over the source's
   * outcome, which is then marked retrieved all the same.
   */
  final Throwable takeInput(Future<?> source) {
    Throwable failure = source == null ? null : source.takeFailure();
    if (mustCancel != null && mustCancel != NEXT_WAIT) {
      String message = mustCancel == NO_MESSAGE ? null : (String) mustCancel;
      mustCancel = null;
      // Keep a cancellation that already arrived (as asyncio's __step does): one instance, one message.
      if (!(failure instanceof CancelledError)) {
        failure = new CancelledError(message);
      }
    }
    return failure;
  }

  /** Waits for {@code source}; {@code registration} runs this stage's step when it is done. */
  final void await(Future<?> source, Registration registration) {
    waitingOn = source;
    source.register(registration);
    Stage<?> task = owner != null ? owner : this;
    if (task.mustCancel == NEXT_WAIT && source.isPending()) {
      task.mustCancel = null;
      requestCancel(null);
    }
  }

  final void stopWaiting() {
    waitingOn = null;
  }

  /** Runs {@code step} with the input and completes this stage with what it returns or throws. */
  final <S> void runStep(Step<? super S, ? extends T> step, S value, Throwable failure,
      boolean actionSeesFailure) {
    T result;
    try {
      result = step.apply(value, failure);
    } catch (Throwable thrown) {
      fail(thrown, actionSeesFailure && thrown == failure);
      return;
    }
    // A request accepted while the step ran must not be lost (asyncio's __step on return).
    Throwable cancelled = takeInput(null);
    if (cancelled != null) {
      fail(cancelled, false);
      return;
    }
    succeed(result);
  }

  /**
   * Completes this stage with the outcome of {@code inner}, waiting for it if needed:
   * {@code thenCompose}'s flattening and a task's wait on its body.
   */
  final void adopt(CompletionStage<? extends T> inner) {
    if (inner == null) {
      fail(new NullPointerException(describe() + ": the function returned null instead of a"
          + " CompletionStage; return a completed future for an immediate value"), false);
      return;
    }
    if (inner instanceof Future<? extends T> future && future.loop == loop) {
      await(future, new Adoption<>(this));
      return;
    }
    // A foreign stage, or a future of another loop: its completion may come from any thread.
    CompletionStage<? extends T> safe = inner instanceof Future<?> ? inner.toCompletableFuture() : inner;
    waitingOn = safe instanceof java.util.concurrent.Future<?> foreign ? foreign : null;
    Context context = Context.current();
    safe.whenComplete((value, failure) -> loop.callSoonThreadSafe(context, () -> {
      stopWaiting();
      Throwable input = takeInput(null);
      if (input != null) {
        fail(input, false);
      } else if (failure != null) {
        fail(Throwables.unwrap(failure), false);
      } else {
        succeed(value);
      }
    }));
  }

  final void onInnerDone(Future<? extends T> inner) {
    stopWaiting();
    Throwable failure = takeInput(inner);
    if (failure != null) {
      fail(failure, false);
    } else {
      succeed(inner.valueNow());
    }
  }

  /** Enters this stage's task while a step runs. */
  void enterOwner() {
    loop.threadState().task = owner;
  }

  @Override
  String describe() {
    return "Stage";
  }

  /**
   * Runs {@code step} on {@code executor} in the current context and completes {@code into} with
   * what it returns or throws, back on the loop. If {@code into} was cancelled meanwhile, the
   * result is dropped: the executor's thread is never interrupted.
   */
  static <S, U> void computeOn(EventLoop loop, Executor executor,
      Step<? super S, ? extends U> step, S value, Throwable failure, Future<U> into) {
    Context context = Context.current();
    Runnable work = () -> {
      Object[] result = new Object[1];
      Throwable[] thrown = new Throwable[1];
      context.run(() -> {
        try {
          result[0] = step.apply(value, failure);
        } catch (Throwable t) {
          thrown[0] = t;
        }
      });
      loop.callSoonThreadSafe(context, () -> {
        if (!into.isPending()) {
          return;
        }
        if (thrown[0] != null) {
          into.fail(thrown[0], true);
        } else {
          @SuppressWarnings("unchecked")
          U computed = (U) result[0];
          into.succeed(computed);
        }
      });
    };
    try {
      executor.execute(work);
    } catch (Throwable rejected) {
      into.fail(rejected, true);
    }
  }

  /**
   * Runs {@code step} on {@code executor}, then completes this stage on the loop; a cancellation
   * request meanwhile cancels the stage and drops the executor's result.
   */
  final <S> void runStepOn(Executor executor, Step<? super S, ? extends T> step, S value,
      Throwable failure, boolean actionSeesFailure) {
    Future<T> computed = new Future<>(loop);
    computeOn(loop, executor, step, value, failure, computed);
    await(computed, new Registration(Context.current()) {
      @Override
      void onDone(Future<?> done) {
        enterOwner();
        stopWaiting();
        Throwable thrown = takeInput(computed);
        if (thrown != null) {
          fail(thrown, actionSeesFailure && thrown == failure);
        } else {
          succeed(computed.valueNow());
        }
      }

      @Override
      String describe() {
        return "executor step of " + Stage.this;
      }
    });
  }

  // ---- The kinds of stage. ----

  /** Returns a future of {@code loop} that takes the outcome of a foreign or other-loop stage. */
  static <T> Future<T> adopting(EventLoop loop, CompletionStage<T> stage) {
    Adopted<T> adopted = new Adopted<>(loop, stage);
    adopted.adopt(stage);
    return adopted;
  }

  private static final class Adopted<T> extends Stage<T> {
    private final Object foreign;

    Adopted(EventLoop loop, Object foreign) {
      super(loop, loop.threadState().task);
      this.foreign = foreign;
    }

    @Override
    String describe() {
      return "Future adopting " + foreign;
    }
  }

  static <S, T> Future<T> map(
      Future<S> source, Executor executor, boolean actionSeesFailure, Step<? super S, T> step) {
    MapStage<S, T> stage = new MapStage<>(source.loop, executor, actionSeesFailure, step);
    stage.await(source, new Input(Context.current(), stage));
    return stage;
  }

  static <S, T> Future<T> compose(Future<S> source, Executor executor, boolean onValue,
      Step<? super S, ? extends CompletionStage<T>> step) {
    ComposeStage<S, T> stage = new ComposeStage<>(source.loop, executor, onValue, step);
    stage.await(source, new Input(Context.current(), stage));
    return stage;
  }

  static <A, B, T> Future<T> both(Future<A> first, Future<? extends B> second, Executor executor,
      BiFunction<? super A, ? super B, ? extends T> fn) {
    BothStage<A, B, T> stage = new BothStage<>(first, second, executor, fn);
    Context context = Context.current();
    stage.await(first, new Input(context, stage));
    second.register(new Input(context, stage));
    return stage;
  }

  static <S, T> Future<T> either(Future<? extends S> first, Future<? extends S> second,
      Executor executor, Function<? super S, T> fn) {
    EitherStage<S, T> stage = new EitherStage<>(first, second, executor, fn);
    Context context = Context.current();
    stage.await(first, new Input(context, stage));
    second.register(new Input(context, stage));
    return stage;
  }

  /** Delivers a source's completion to a stage's step. */
  private static final class Input extends Registration {
    private final StepStage<?> stage;

    Input(Context context, StepStage<?> stage) {
      super(context);
      this.stage = stage;
    }

    @Override
    void onDone(Future<?> source) {
      stage.enterOwner();
      stage.onInput(source);
    }

    @Override
    String describe() {
      return "step of " + stage;
    }
  }

  /** Delivers an adopted future's completion. */
  static final class Adoption<T> extends Registration {
    private final Stage<T> stage;

    Adoption(Stage<T> stage) {
      super(stage instanceof Task<?> task ? task.context : Context.current());
      this.stage = stage;
    }

    @Override
    @SuppressWarnings("unchecked")
    void onDone(Future<?> source) {
      stage.enterOwner();
      stage.onInnerDone((Future<? extends T>) source);
    }

    @Override
    String describe() {
      return "wake-up of " + stage;
    }
  }

  /** A stage with a step that reacts to an input. */
  private abstract static class StepStage<T> extends Stage<T> {
    StepStage(EventLoop loop) {
      super(loop, loop.threadState().task);
    }

    abstract void onInput(Future<?> source);
  }

  private static final class MapStage<S, T> extends StepStage<T> {
    private final Executor executor;
    private final boolean actionSeesFailure;
    private final Step<? super S, T> step;

    MapStage(EventLoop loop, Executor executor, boolean actionSeesFailure, Step<? super S, T> step) {
      super(loop);
      this.executor = executor;
      this.actionSeesFailure = actionSeesFailure;
      this.step = step;
    }

    @Override
    @SuppressWarnings("unchecked")
    void onInput(Future<?> source) {
      stopWaiting();
      Throwable failure = takeInput(source);
      S value = failure == null ? ((Future<S>) source).valueNow() : null;
      if (executor == null) {
        runStep(step, value, failure, actionSeesFailure);
      } else {
        runStepOn(executor, step, value, failure, actionSeesFailure);
      }
    }
  }

  private static final class ComposeStage<S, T> extends StepStage<T> {
    private final Executor executor;
    private final boolean onValue;
    private final Step<? super S, ? extends CompletionStage<T>> step;

    ComposeStage(EventLoop loop, Executor executor, boolean onValue,
        Step<? super S, ? extends CompletionStage<T>> step) {
      super(loop);
      this.executor = executor;
      this.onValue = onValue;
      this.step = step;
    }

    @Override
    @SuppressWarnings("unchecked")
    void onInput(Future<?> source) {
      stopWaiting();
      Throwable failure = takeInput(source);
      S value = failure == null ? ((Future<S>) source).valueNow() : null;
      // thenCompose passes failures on untouched; exceptionallyCompose passes values on.
      if (onValue ? failure != null : failure == null) {
        if (failure != null) {
          fail(failure, false);
        } else {
          succeed((T) value);
        }
        return;
      }
      if (executor == null) {
        CompletionStage<T> inner;
        try {
          inner = step.apply(value, failure);
        } catch (Throwable thrown) {
          fail(thrown, false);
          return;
        }
        adopt(inner);
      } else {
        Future<CompletionStage<T>> computed = new Future<>(loop);
        computeOn(loop, executor, step, value, failure, computed);
        await(computed, new Registration(Context.current()) {
          @Override
          void onDone(Future<?> done) {
            enterOwner();
            stopWaiting();
            Throwable thrown = takeInput(computed);
            if (thrown != null) {
              fail(thrown, false);
            } else {
              adopt(computed.valueNow());
            }
          }

          @Override
          String describe() {
            return "compose step of " + ComposeStage.this;
          }
        });
      }
    }
  }

  /**
   * {@code thenCombine} and friends: fails as soon as either source fails (as {@code
   * CompletableFuture} does), otherwise applies the function once both have values.
   */
  private static final class BothStage<A, B, T> extends StepStage<T> {
    private final Future<A> first;
    private final Future<? extends B> second;
    private final Executor executor;
    private final BiFunction<? super A, ? super B, ? extends T> fn;
    private boolean stepped;

    BothStage(Future<A> first, Future<? extends B> second, Executor executor,
        BiFunction<? super A, ? super B, ? extends T> fn) {
      super(first.loop);
      this.first = first;
      this.second = second;
      this.executor = executor;
      this.fn = fn;
    }

    @Override
    boolean forwardCancel(String message) {
      return super.forwardCancel(message) | (second.isPending() && second.cancel(message));
    }

    @Override
    void onInput(Future<?> source) {
      // stepped: both inputs can arrive after the step went to an executor; it must run once.
      if (!isPending() || stepped) {
        source.markRetrieved();
        return;
      }
      Throwable failure = takeInput(source);
      if (failure == null && (first.isPending() || second.isPending())) {
        return;
      }
      stepped = true;
      stopWaiting();
      if (failure != null) {
        fail(failure, false);
        return;
      }
      Step<Object, T> step = (ignored, none) -> fn.apply(first.valueNow(), second.valueNow());
      if (executor == null) {
        runStep(step, null, null, false);
      } else {
        runStepOn(executor, step, null, null, false);
      }
    }
  }

  /** {@code applyToEither} and friends: the first source to complete decides. */
  private static final class EitherStage<S, T> extends StepStage<T> {
    private final Future<? extends S> second;
    private final Executor executor;
    private final Function<? super S, T> fn;
    private boolean decided;

    EitherStage(Future<? extends S> first, Future<? extends S> second, Executor executor,
        Function<? super S, T> fn) {
      super(first.loop);
      this.second = second;
      this.executor = executor;
      this.fn = fn;
    }

    @Override
    boolean forwardCancel(String message) {
      return super.forwardCancel(message)
          | (!decided && second.isPending() && second.cancel(message));
    }

    @Override
    void onInput(Future<?> source) {
      if (decided) {
        // The other source decided; this one's failure is settled here, not reported.
        source.markRetrieved();
        return;
      }
      decided = true;
      stopWaiting();
      Throwable failure = takeInput(source);
      if (failure != null) {
        fail(failure, false);
        return;
      }
      @SuppressWarnings("unchecked")
      S value = ((Future<? extends S>) source).valueNow();
      Step<S, T> step = (v, none) -> fn.apply(v);
      if (executor == null) {
        runStep(step, value, null, false);
      } else {
        runStepOn(executor, step, value, null, false);
      }
    }
  }
}

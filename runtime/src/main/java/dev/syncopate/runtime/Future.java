package dev.syncopate.runtime;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The eventual outcome of an asynchronous operation, owned by one {@link EventLoop}: asyncio's
 * {@code Future}.
 *
 * <h2>States</h2>
 *
 * <pre>
 *   state      | reached by                          | result()            | exception()
 *   -----------+-------------------------------------+---------------------+------------------
 *   PENDING    | creation                            | IllegalStateException | IllegalStateException
 *   SUCCEEDED  | setResult; a stage's function       | the value           | null
 *   FAILED     | setException; a function that threw | throws the failure  | the failure
 *   CANCELLED  | cancel; a CancelledError outcome     | throws CancelledError | throws CancelledError
 * </pre>
 *
 * <p>A future leaves {@code PENDING} once and never changes again.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>Never inline.</b> Every dependent action ({@code thenApply}, {@code whenComplete},
 *       done callbacks, task wake-ups) runs on the loop through its FIFO ready queue: never in the
 *       call that completes the future, never in the call that registers it, also when the future
 *       is already done. The non-{@code Async} and {@code Async} variants without an executor are
 *       therefore the same; those with an executor run the function there and complete on the
 *       loop.
 *   <li><b>Unwrapped failures.</b> Functions and awaiters receive the original exception, never a
 *       {@code CompletionException}; one instance reaches every consumer.
 *   <li><b>Cancellation is a request.</b> {@link #cancel(String)} on a plain future cancels it at
 *       once. A future made by composition ({@code thenApply}, {@code thenCompose} …) is a small
 *       task: cancelling it cancels what it currently waits on, and its function then sees the
 *       {@link CancelledError}; an {@code exceptionally} or {@code handle} stage may turn it into
 *       a value. Cancelling a stage cancels its source even when others also wait on the source,
 *       as asyncio does for awaited futures; {@code shield} protects a shared source.
 *   <li><b>Errors never vanish.</b> A failure no consumer retrieved is reported to the loop's
 *       {@link ExceptionHandler} when the future is collected, at the latest when the loop closes.
 *       A stage that only passes a failure on hands the duty to report it to the next stage; a
 *       {@code whenComplete} action counts as having seen it.
 * </ul>
 *
 * <p><b>Why the name:</b> asyncio's. It is not a {@link java.util.concurrent.Future}: that
 * interface's blocking {@code get()} would deadlock on the loop thread and its {@code cancel}
 * contract (done at once) contradicts cancellation as a request. {@link #toCompletableFuture()}
 * gives the thread-safe {@code java.util.concurrent} view.
 *
 * <p><b>Threading:</b> loop-confined. Every public method except {@link #toCompletableFuture()},
 * {@link #loop()} and {@link #toString()} must be called on the loop's thread and throws {@link
 * WrongThreadException} elsewhere.
 *
 * @param <T> the result type
 * @see <a href="https://docs.python.org/3/library/asyncio-future.html">asyncio.Future</a>
 */
@LoopConfined
public class Future<T> implements CompletionStage<T> {
  private enum State {
    PENDING,
    SUCCEEDED,
    FAILED,
    CANCELLED
  }

  final EventLoop loop;
  private State state = State.PENDING;

  /** The value when SUCCEEDED; the Throwable when FAILED or CANCELLED. */
  private Object outcome;

  /** Registrations in reverse order of arrival; reversed when they are queued. */
  private Registration waiters;

  /** Set while a failure awaits retrieval. */
  private UnretrievedFailures.Entry unretrieved;

  Future(EventLoop loop) {
    this.loop = loop;
  }

  /** Returns the loop this future belongs to. Thread-safe. */
  @ThreadSafe
  public final EventLoop loop() {
    return loop;
  }

  /** Returns whether the future has an outcome: a value, a failure or a cancellation. */
  public final boolean isDone() {
    check("isDone");
    return state != State.PENDING;
  }

  /** Returns whether the future was cancelled (not merely failed with a {@code CancelledError}). */
  public final boolean isCancelled() {
    check("isCancelled");
    return state == State.CANCELLED;
  }

  /**
   * Returns the value of a successful future.
   *
   * <p>A failure is thrown as it is, also a checked one, which the method does not declare
   * (asyncio's {@code result()} raises the original exception; wrapping it would break the
   * same-instance rule).
   *
   * @return the value
   * @throws CancelledError if the future was cancelled
   * @throws IllegalStateException if the future is still pending
   */
  @SuppressWarnings("unchecked")
  public final T result() {
    check("result");
    switch (state) {
      case SUCCEEDED:
        return (T) outcome;
      case PENDING:
        throw notDone("result");
      default:
        markRetrieved();
        throw Throwables.sneakyThrow((Throwable) outcome);
    }
  }

  /**
   * Returns the failure of a failed future, or {@code null} if it succeeded.
   *
   * @return the failure, or {@code null}
   * @throws CancelledError if the future was cancelled
   * @throws IllegalStateException if the future is still pending
   */
  public final Throwable exception() {
    check("exception");
    switch (state) {
      case SUCCEEDED:
        return null;
      case PENDING:
        throw notDone("exception");
      case CANCELLED:
        throw (CancelledError) outcome;
      default:
        markRetrieved();
        return (Throwable) outcome;
    }
  }

  /**
   * Completes the future with a value and schedules its dependents.
   *
   * @param value the value; may be null
   * @throws IllegalStateException if the future is done, or is a task or composed stage (whose
   *     outcome comes from its own code)
   */
  public void setResult(T value) {
    check("setResult");
    requireSettable("setResult");
    succeed(value);
  }

  /**
   * Completes the future with a failure and schedules its dependents. The future is then failed,
   * not cancelled, even if {@code failure} is a {@link CancelledError}.
   *
   * @param failure the failure
   * @throws NullPointerException if {@code failure} is null
   * @throws IllegalStateException if the future is done, or is a task or composed stage
   */
  public void setException(Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    check("setException");
    requireSettable("setException");
    settle(State.FAILED, failure, false);
  }

  /**
   * Requests cancellation without a message; see {@link #cancel(String)}.
   *
   * @return whether the request was accepted
   */
  public final boolean cancel() {
    return cancel(null);
  }

  /**
   * Requests cancellation. A plain future is cancelled at once with a {@link CancelledError}
   * carrying {@code message}; a task or composed stage passes the request to what it waits on
   * (see the class documentation).
   *
   * @param message the reason, carried by the {@code CancelledError}; may be null
   * @return {@code false} if the future is already done, otherwise {@code true}
   */
  public boolean cancel(String message) {
    check("cancel");
    if (state != State.PENDING) {
      return false;
    }
    settle(State.CANCELLED, new CancelledError(message), false);
    return true;
  }

  /**
   * Adds a callback that runs on the loop, in the current context, once the future is done
   * (immediately scheduled if it is done already). Callbacks run in the order they were added. A
   * callback's exception goes to the loop's exception handler.
   *
   * @param callback receives this future
   * @throws NullPointerException if {@code callback} is null
   */
  public final void addDoneCallback(Consumer<? super Future<T>> callback) {
    Objects.requireNonNull(callback, "callback");
    check("addDoneCallback");
    register(new DoneCallback<>(Context.current(), callback));
  }

  /**
   * Removes every registration of {@code callback} that has not been scheduled yet.
   *
   * @param callback the callback given to {@link #addDoneCallback(Consumer)}
   * @return how many registrations were removed
   */
  public final int removeDoneCallback(Consumer<? super Future<T>> callback) {
    check("removeDoneCallback");
    int removed = 0;
    Registration previous = null;
    for (Registration current = waiters; current != null; current = current.next) {
      if (current instanceof DoneCallback<?> done && done.callback == callback) {
        removed++;
        if (previous == null) {
          waiters = current.next;
        } else {
          previous.next = current.next;
        }
      } else {
        previous = current;
      }
    }
    return removed;
  }

  // ---- CompletionStage: composition. Every stage belongs to this future's loop. ----

  @Override
  public <U> Future<U> thenApply(Function<? super T, ? extends U> fn) {
    return thenApplyAsync(fn, null);
  }

  @Override
  public <U> Future<U> thenApplyAsync(Function<? super T, ? extends U> fn) {
    return thenApplyAsync(fn, null);
  }

  @Override
  public <U> Future<U> thenApplyAsync(Function<? super T, ? extends U> fn, Executor executor) {
    Objects.requireNonNull(fn, "fn");
    return map("thenApply", executor, false, (value, failure) -> {
      if (failure != null) {
        throw failure;
      }
      return fn.apply(value);
    });
  }

  @Override
  public Future<Void> thenAccept(Consumer<? super T> action) {
    return thenAcceptAsync(action, null);
  }

  @Override
  public Future<Void> thenAcceptAsync(Consumer<? super T> action) {
    return thenAcceptAsync(action, null);
  }

  @Override
  public Future<Void> thenAcceptAsync(Consumer<? super T> action, Executor executor) {
    Objects.requireNonNull(action, "action");
    return map("thenAccept", executor, false, (value, failure) -> {
      if (failure != null) {
        throw failure;
      }
      action.accept(value);
      return null;
    });
  }

  @Override
  public Future<Void> thenRun(Runnable action) {
    return thenRunAsync(action, null);
  }

  @Override
  public Future<Void> thenRunAsync(Runnable action) {
    return thenRunAsync(action, null);
  }

  @Override
  public Future<Void> thenRunAsync(Runnable action, Executor executor) {
    Objects.requireNonNull(action, "action");
    return map("thenRun", executor, false, (value, failure) -> {
      if (failure != null) {
        throw failure;
      }
      action.run();
      return null;
    });
  }

  @Override
  public <U> Future<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
    return handleAsync(fn, null);
  }

  @Override
  public <U> Future<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
    return handleAsync(fn, null);
  }

  @Override
  public <U> Future<U> handleAsync(
      BiFunction<? super T, Throwable, ? extends U> fn, Executor executor) {
    Objects.requireNonNull(fn, "fn");
    return map("handle", executor, false, fn::apply);
  }

  @Override
  public Future<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
    return whenCompleteAsync(action, null);
  }

  @Override
  public Future<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
    return whenCompleteAsync(action, null);
  }

  @Override
  public Future<T> whenCompleteAsync(
      BiConsumer<? super T, ? super Throwable> action, Executor executor) {
    Objects.requireNonNull(action, "action");
    return map("whenComplete", executor, true, (value, failure) -> {
      try {
        action.accept(value, failure);
      } catch (Throwable actionFailure) {
        if (failure == null) {
          throw actionFailure;
        }
        // As CompletableFuture does: the original failure wins, the action's rides along.
        if (actionFailure != failure) {
          failure.addSuppressed(actionFailure);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return value;
    });
  }

  @Override
  public Future<T> exceptionally(Function<Throwable, ? extends T> fn) {
    return exceptionallyAsync(fn, null);
  }

  @Override
  public Future<T> exceptionallyAsync(Function<Throwable, ? extends T> fn) {
    return exceptionallyAsync(fn, null);
  }

  @Override
  public Future<T> exceptionallyAsync(Function<Throwable, ? extends T> fn, Executor executor) {
    Objects.requireNonNull(fn, "fn");
    return map("exceptionally", executor, false,
        (value, failure) -> failure == null ? value : fn.apply(failure));
  }

  @Override
  public <U> Future<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
    return thenComposeAsync(fn, null);
  }

  @Override
  public <U> Future<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn) {
    return thenComposeAsync(fn, null);
  }

  @Override
  public <U> Future<U> thenComposeAsync(
      Function<? super T, ? extends CompletionStage<U>> fn, Executor executor) {
    Objects.requireNonNull(fn, "fn");
    check("thenCompose");
    return Stage.compose(this, executor, true, (value, failure) -> fn.apply(value));
  }

  @Override
  public Future<T> exceptionallyCompose(Function<Throwable, ? extends CompletionStage<T>> fn) {
    return exceptionallyComposeAsync(fn, null);
  }

  @Override
  public Future<T> exceptionallyComposeAsync(
      Function<Throwable, ? extends CompletionStage<T>> fn) {
    return exceptionallyComposeAsync(fn, null);
  }

  @Override
  public Future<T> exceptionallyComposeAsync(
      Function<Throwable, ? extends CompletionStage<T>> fn, Executor executor) {
    Objects.requireNonNull(fn, "fn");
    check("exceptionallyCompose");
    return Stage.compose(this, executor, false, (value, failure) -> fn.apply(failure));
  }

  @Override
  public <U, V> Future<V> thenCombine(
      CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
    return thenCombineAsync(other, fn, null);
  }

  @Override
  public <U, V> Future<V> thenCombineAsync(
      CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
    return thenCombineAsync(other, fn, null);
  }

  @Override
  public <U, V> Future<V> thenCombineAsync(
      CompletionStage<? extends U> other,
      BiFunction<? super T, ? super U, ? extends V> fn,
      Executor executor) {
    Objects.requireNonNull(fn, "fn");
    check("thenCombine");
    return Stage.both(this, loop.ensureFuture(other), executor, fn);
  }

  @Override
  public <U> Future<Void> thenAcceptBoth(
      CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
    return thenAcceptBothAsync(other, action, null);
  }

  @Override
  public <U> Future<Void> thenAcceptBothAsync(
      CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
    return thenAcceptBothAsync(other, action, null);
  }

  @Override
  public <U> Future<Void> thenAcceptBothAsync(
      CompletionStage<? extends U> other,
      BiConsumer<? super T, ? super U> action,
      Executor executor) {
    Objects.requireNonNull(action, "action");
    return thenCombineAsync(other, (a, b) -> {
      action.accept(a, b);
      return null;
    }, executor);
  }

  @Override
  public Future<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
    return runAfterBothAsync(other, action, null);
  }

  @Override
  public Future<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action) {
    return runAfterBothAsync(other, action, null);
  }

  @Override
  public Future<Void> runAfterBothAsync(
      CompletionStage<?> other, Runnable action, Executor executor) {
    Objects.requireNonNull(action, "action");
    return thenCombineAsync(other, (a, b) -> {
      action.run();
      return null;
    }, executor);
  }

  @Override
  public <U> Future<U> applyToEither(
      CompletionStage<? extends T> other, Function<? super T, U> fn) {
    return applyToEitherAsync(other, fn, null);
  }

  @Override
  public <U> Future<U> applyToEitherAsync(
      CompletionStage<? extends T> other, Function<? super T, U> fn) {
    return applyToEitherAsync(other, fn, null);
  }

  @Override
  public <U> Future<U> applyToEitherAsync(
      CompletionStage<? extends T> other, Function<? super T, U> fn, Executor executor) {
    Objects.requireNonNull(fn, "fn");
    check("applyToEither");
    return Stage.either(this, loop.ensureFuture(other), executor, fn);
  }

  @Override
  public Future<Void> acceptEither(
      CompletionStage<? extends T> other, Consumer<? super T> action) {
    return acceptEitherAsync(other, action, null);
  }

  @Override
  public Future<Void> acceptEitherAsync(
      CompletionStage<? extends T> other, Consumer<? super T> action) {
    return acceptEitherAsync(other, action, null);
  }

  @Override
  public Future<Void> acceptEitherAsync(
      CompletionStage<? extends T> other, Consumer<? super T> action, Executor executor) {
    Objects.requireNonNull(action, "action");
    return applyToEitherAsync(other, value -> {
      action.accept(value);
      return null;
    }, executor);
  }

  @Override
  public Future<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
    return runAfterEitherAsync(other, action, null);
  }

  @Override
  public Future<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action) {
    return runAfterEitherAsync(other, action, null);
  }

  @Override
  public Future<Void> runAfterEitherAsync(
      CompletionStage<?> other, Runnable action, Executor executor) {
    Objects.requireNonNull(action, "action");
    check("runAfterEither");
    @SuppressWarnings("unchecked")
    Future<Object> self = (Future<Object>) this;
    return Stage.either(self, loop.ensureFuture(other), executor, value -> {
      action.run();
      return null;
    });
  }

  /**
   * Returns a thread-safe {@link CompletableFuture} that completes when this future does, with
   * the same value or the same exception instance (a {@link CancelledError} makes it cancelled).
   *
   * <p>The view cannot complete this future: {@code complete}, {@code completeExceptionally},
   * {@code obtrude*}, {@code completeAsync}, {@code completeOnTimeout} and {@code orTimeout}
   * throw {@link UnsupportedOperationException}. {@code cancel} cancels the view at once, as
   * {@code java.util.concurrent.Future} requires, and sends a cancellation request to this
   * future on its loop. Dependents of the view are plain {@code CompletableFuture}s and run
   * wherever {@code CompletableFuture} runs them.
   *
   * <p><b>Threading:</b> thread-safe; called from another thread, it registers with the loop
   * through {@link EventLoop#callSoonThreadSafe(Runnable)}.
   *
   * @return a new view
   * @throws LoopClosedException if called from another thread after the loop closed, or on the
   *     loop's thread after it closed while this future is pending (on a closed loop, the view of
   *     a done future is complete at once)
   */
  @ThreadSafe
  @Override
  public CompletableFuture<T> toCompletableFuture() {
    FutureView<T> view = new FutureView<>(this);
    if (loop.inLoopThread()) {
      if (loop.isClosed()) {
        // No iteration will ever run the registration: settle the view now, or refuse.
        if (state == State.PENDING) {
          throw new LoopClosedException("toCompletableFuture() of a pending " + describe()
              + " of closed event loop '" + loop.name() + "': it can never complete");
        }
        Registration settle = view.registration();
        settle.source = this;
        settle.invoke();
        return view;
      }
      register(view.registration());
    } else {
      loop.callSoonThreadSafe(() -> register(view.registration()));
    }
    return view;
  }

  @Override
  public String toString() {
    return describe() + "[" + stateText() + "]";
  }

  /** Names the future in {@link #toString()}: the class, or a task's name. */
  String describe() {
    return "Future";
  }

  final String stateText() {
    switch (state) {
      case SUCCEEDED:
        return "succeeded: " + outcome;
      case FAILED:
        return "failed: " + outcome;
      case CANCELLED:
        return "cancelled";
      default:
        return "pending";
    }
  }

  // ---- Internal completion machinery. ----

  final void check(String operation) {
    loop.checkThread(this, operation, "future.toCompletableFuture() or loop.callSoonThreadSafe(...)");
  }

  private IllegalStateException notDone(String operation) {
    return new IllegalStateException(
        operation + "() called on a pending " + describe()
            + "; wait for it with a done callback, thenApply/whenComplete, or a task");
  }

  private void requireSettable(String operation) {
    if (!isSettable()) {
      throw new IllegalStateException(
          operation + "() called on " + describe()
              + ", whose outcome comes from its own code; cancel it with cancel() instead");
    }
    if (state != State.PENDING) {
      throw new IllegalStateException(
          operation + "() called on a future that is already done (" + stateText() + ")");
    }
  }

  /** Whether {@link #setResult} and {@link #setException} are allowed: only on plain futures. */
  boolean isSettable() {
    return true;
  }

  final boolean isPending() {
    return state == State.PENDING;
  }

  /** Completes successfully; the caller has checked that the future is pending. */
  final void succeed(T value) {
    settle(State.SUCCEEDED, value, false);
  }

  /**
   * Completes with {@code failure}: cancelled if it is a {@link CancelledError} (a task or stage
   * that ends by a cancellation is cancelled, as in asyncio), failed otherwise.
   *
   * @param observed whether user code has already seen the failure, so that nobody needs to be
   *     told it went unretrieved
   */
  final void fail(Throwable failure, boolean observed) {
    settle(failure instanceof CancelledError ? State.CANCELLED : State.FAILED, failure, observed);
  }

  private void settle(State next, Object result, boolean observed) {
    if (state != State.PENDING) {
      throw new IllegalStateException(
          describe() + " cannot become " + next + ": it is already " + state);
    }
    state = next;
    outcome = result;
    if (next == State.FAILED && !observed) {
      unretrieved = loop.trackUnretrieved(this, (Throwable) result);
    }
    onSettled();
    Registration reversed = null;
    for (Registration current = waiters; current != null; ) {
      Registration following = current.next;
      current.next = reversed;
      reversed = current;
      current = following;
    }
    waiters = null;
    while (reversed != null) {
      Registration following = reversed.next;
      reversed.next = null;
      reversed.source = this;
      dispatch(reversed);
      reversed = following;
    }
  }

  /** Hook for subclasses that hold resources while pending (timers, task lists). */
  void onSettled() {}

  /** Registers {@code registration}; it is queued now if the future is done. */
  final void register(Registration registration) {
    if (state == State.PENDING) {
      registration.next = waiters;
      waiters = registration;
    } else {
      registration.source = this;
      dispatch(registration);
    }
  }

  private void dispatch(Registration registration) {
    if (registration.runsInline()) {
      registration.invoke();
    } else {
      loop.enqueue(registration);
    }
  }

  /** The value of a successful future; no checks, for consumers inside the runtime. */
  @SuppressWarnings("unchecked")
  final T valueNow() {
    return state == State.SUCCEEDED ? (T) outcome : null;
  }

  /** The failure or cancellation of a done future, marking it retrieved; null if it succeeded. */
  final Throwable takeFailure() {
    if (state == State.SUCCEEDED) {
      return null;
    }
    markRetrieved();
    return (Throwable) outcome;
  }

  final void markRetrieved() {
    if (unretrieved != null) {
      loop.retrieved(unretrieved);
      unretrieved = null;
    }
  }

  private <U> Future<U> map(
      String operation, Executor executor, boolean actionSeesFailure, Stage.Step<? super T, U> step) {
    check(operation);
    return Stage.map(this, executor, actionSeesFailure, step);
  }

  /** A callback from {@link #addDoneCallback(Consumer)}. */
  private static final class DoneCallback<T> extends Registration {
    final Consumer<? super Future<T>> callback;

    DoneCallback(Context context, Consumer<? super Future<T>> callback) {
      super(context);
      this.callback = callback;
    }

    @Override
    @SuppressWarnings("unchecked")
    void onDone(Future<?> source) {
      callback.accept((Future<T>) source);
    }

    @Override
    String describe() {
      return "done callback " + Callbacks.describe(callback, null);
    }
  }
}

package dev.syncopate.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * asyncio's module-level functions, acting on the loop running on the calling thread.
 *
 * <p>Each is a shortcut for the same method on {@link EventLoop#running()}; {@link
 * #run(AsyncCallable)} creates its own loop.
 *
 * <p><b>Threading:</b> everything but {@code run} must be called on a running loop's thread and
 * throws {@link IllegalStateException} elsewhere.
 */
public final class Aio {
  private Aio() {}

  /**
   * Runs {@code main} on a new event loop and closes it: asyncio's {@code asyncio.run}. See
   * {@link EventLoop#run(AsyncCallable)}.
   *
   * @param main the main async function
   * @return its value
   */
  public static <T> T run(AsyncCallable<T> main) {
    return EventLoop.create().run(main);
  }

  /** Returns {@link EventLoop#sleep(Duration)} of the running loop. */
  public static Future<Void> sleep(Duration delay) {
    return EventLoop.running().sleep(delay);
  }

  /** Returns {@link EventLoop#sleep(Duration, Object)} of the running loop. */
  public static <T> Future<T> sleep(Duration delay, T value) {
    return EventLoop.running().sleep(delay, value);
  }

  /** Returns {@link EventLoop#yieldNow()} of the running loop: asyncio's {@code sleep(0)}. */
  public static Future<Void> yieldNow() {
    return EventLoop.running().yieldNow();
  }

  /** Creates a task on the running loop: asyncio's {@code create_task}. */
  public static <T> Task<T> createTask(AsyncCallable<T> body) {
    return EventLoop.running().createTask(body);
  }

  /** Creates a named task on the running loop. */
  public static <T> Task<T> createTask(String name, AsyncCallable<T> body) {
    return EventLoop.running().createTask(name, body);
  }

  /**
   * Returns the task whose code is running, if any: asyncio's {@code current_task()}. Inside a
   * stage's function it is the task whose body composed the stage.
   */
  public static Optional<Task<?>> currentTask() {
    EventLoop.running();
    return Optional.ofNullable(ThreadState.get().task);
  }

  /**
   * Runs blocking {@code function} on a worker thread of the running loop and returns a future
   * of its outcome: asyncio's {@code to_thread}. See {@link WorkerPool#toThread(java.util.concurrent.Callable)} for
   * the bound, cancellation (the thread is never killed; the result is dropped) and context.
   *
   * @throws IllegalStateException if no loop runs on this thread
   * @throws NullPointerException if {@code function} is null
   */
  public static <T> Future<T> toThread(java.util.concurrent.Callable<T> function) {
    return WorkerPool.of(EventLoop.running()).toThread(function);
  }

  /**
   * Runs blocking {@code function} on the running loop's one thread-sensitive thread, after
   * everything handed there before: asgiref's {@code thread_sensitive}. See {@link
   * WorkerPool#toThreadSensitive(java.util.concurrent.Callable)}.
   *
   * @throws IllegalStateException if no loop runs on this thread
   * @throws NullPointerException if {@code function} is null
   */
  public static <T> Future<T> toThreadSensitive(java.util.concurrent.Callable<T> function) {
    return WorkerPool.of(EventLoop.running()).toThreadSensitive(function);
  }

  // ---- Structured concurrency: timeouts, shield, gather, wait, task groups. ----

  /**
   * Runs {@code body} in a {@link Timeout} scope that expires {@code delay} from now: asyncio's
   * {@code async with asyncio.timeout(delay)}. Use {@link Timeout#after(Duration)} to keep the
   * scope for queries and rescheduling.
   *
   * @param delay how long the block may run
   * @param body the block
   * @param <T> the result type
   * @return the block's outcome, or a {@link TimeoutError} if the scope's own cancellation ended it
   * @throws IllegalStateException if no loop runs on this thread or the code does not run in a task
   * @see Timeout
   */
  public static <T> Future<T> timeout(Duration delay, AsyncCallable<T> body) {
    return Timeout.after(delay).run(body);
  }

  /**
   * Runs {@code body} in a {@link Timeout} scope that expires at loop time {@code deadline}:
   * asyncio's {@code async with asyncio.timeout_at(when)}.
   *
   * @param deadline the loop time of expiry, in nanoseconds of {@link EventLoop#time()}
   * @param body the block
   * @param <T> the result type
   * @return the block's outcome, or a {@link TimeoutError} if the scope's own cancellation ended it
   * @throws IllegalStateException if no loop runs on this thread or the code does not run in a task
   * @see Timeout
   */
  public static <T> Future<T> timeoutAt(long deadline, AsyncCallable<T> body) {
    return Timeout.at(deadline).run(body);
  }

  /**
   * Waits for {@code stage} for at most {@code timeout}: asyncio's {@code wait_for} (3.12+).
   *
   * <p>On expiry the stage is cancelled and the result waits until it has really finished; it
   * never completes while the stage still runs. A value the stage produces while being cancelled
   * is returned; a different failure raised during the cancellation is passed on; only a
   * cancellation becomes the {@link TimeoutError}. If the stage completes in the same loop
   * iteration as the expiry, before the waiter has resumed, the value is dropped and the result is
   * a {@code TimeoutError}. A zero or negative timeout cancels a stage that is not done at once.
   * Implemented with a {@link Timeout} scope, so the same rules apply (it must run inside a task,
   * and its future must be on the task's wait path).
   *
   * @param stage what to wait for
   * @param timeout the longest wait
   * @param <T> the result type
   * @return a future with the stage's outcome, or a {@link TimeoutError}
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if no loop runs on this thread or the code does not run in a task
   */
  public static <T> Future<T> waitFor(CompletionStage<T> stage, Duration timeout) {
    return Timeout.waitFor(stage, timeout);
  }

  /**
   * Protects {@code stage} from cancellation: asyncio's {@code shield}. Returns {@code stage}
   * itself (as a future of this loop) if it is done; otherwise a new future that takes its
   * outcome. Cancelling that future cancels only it; the stage runs on, and a failure it ends
   * with afterwards is reported as never retrieved unless somebody else retrieves it.
   *
   * @param stage the stage to protect
   * @param <T> the result type
   * @return the protecting future
   * @throws NullPointerException if {@code stage} is null
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static <T> Future<T> shield(CompletionStage<T> stage) {
    return Shield.shield(stage);
  }

  /**
   * Waits for all {@code stages} and lists their values in argument order: asyncio's {@code
   * gather}. See {@link #gather(List)}.
   *
   * @param stages the stages
   * @param <T> the value type
   * @return the future of the values
   */
  @SafeVarargs
  public static <T> Future<List<T>> gather(CompletionStage<? extends T>... stages) {
    List<CompletionStage<? extends T>> list = new ArrayList<>(stages.length);
    for (CompletionStage<? extends T> stage : stages) {
      list.add(stage);
    }
    return GatheringFuture.values(list);
  }

  /**
   * Waits for all {@code stages} and lists their values in argument order: asyncio's {@code
   * gather}.
   *
   * <p>The first failure fails the result at once (the other stages run on; their later failures
   * count as retrieved). A cancelled stage <em>fails</em> the result with its {@link
   * CancelledError}: the result's {@code isCancelled()} is false, but an awaiting task sees the
   * error. Cancelling the result cancels every stage that is not done and then fails it with a
   * {@code CancelledError}; it returns false when all are done. An empty list gives an empty
   * list at once; a stage given twice is waited for once and listed twice.
   *
   * @param stages the stages
   * @param <T> the value type
   * @return the future of the values
   * @throws NullPointerException if the list or a member is null
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static <T> Future<List<T>> gather(List<? extends CompletionStage<? extends T>> stages) {
    return GatheringFuture.values(stages);
  }

  /**
   * Like {@link #gather(List)}, but failures are listed as values: asyncio's {@code gather(...,
   * return_exceptions=True)}. The result only fails when it is cancelled itself (with a {@link
   * CancelledError}, once all stages are done).
   *
   * @param stages the stages
   * @param <T> the value type
   * @return the future of the outcomes, in argument order
   * @throws NullPointerException if the list or a member is null
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static <T> Future<List<Outcome<T>>> gatherOutcomes(
      List<? extends CompletionStage<? extends T>> stages) {
    return GatheringFuture.outcomes(stages);
  }

  /**
   * Waits until {@code returnWhen} holds or {@code timeout} passes: asyncio's {@code wait}. It
   * never cancels the futures and never raises on timeout; cancelling the returned future
   * cancels only the wait. Under {@link ReturnWhen#FIRST_EXCEPTION} a failure it inspects counts
   * as retrieved, as in asyncio.
   *
   * @param futures the futures, at least one; duplicates count once
   * @param returnWhen when to return
   * @param timeout the longest wait, or null for none
   * @param <F> the future type
   * @return the (done, pending) split at the moment the waiter resumed
   * @throws NullPointerException if {@code futures}, a member or {@code returnWhen} is null
   * @throws IllegalArgumentException if {@code futures} is empty or holds another loop's future
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static <F extends Future<?>> Future<WaitResult<F>> wait(
      Collection<F> futures, ReturnWhen returnWhen, Duration timeout) {
    return Wait.wait(futures, returnWhen, timeout);
  }

  /**
   * Waits for all {@code futures} without a timeout; see {@link #wait(Collection, ReturnWhen,
   * Duration)}.
   *
   * @param futures the futures, at least one
   * @param returnWhen when to return
   * @param <F> the future type
   * @return the (done, pending) split
   */
  public static <F extends Future<?>> Future<WaitResult<F>> wait(
      Collection<F> futures, ReturnWhen returnWhen) {
    return Wait.wait(futures, returnWhen, null);
  }

  /**
   * Returns the futures' outcomes in completion order: asyncio's {@code as_completed}. See
   * {@link AsCompleted}.
   *
   * @param futures the futures; duplicates count once
   * @param timeout after this, every outcome not yet delivered is a {@link TimeoutError}; the
   *     futures keep running. Null for none.
   * @param <T> the value type
   * @return the sequence, one future per distinct input
   * @throws NullPointerException if {@code futures} or a member is null
   * @throws IllegalArgumentException if a future belongs to another loop
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static <T> AsCompleted<T> asCompleted(
      Collection<? extends Future<? extends T>> futures, Duration timeout) {
    return AsCompleted.of(futures, timeout);
  }

  /**
   * Runs {@code body} in a new {@link TaskGroup}: asyncio's {@code async with TaskGroup() as g}.
   *
   * @param body receives the group and returns its stage
   * @param <T> the body's result type
   * @return the group's future; see {@link TaskGroup}
   * @throws IllegalStateException if no loop runs on this thread or the code does not run in a task
   */
  public static <T> Future<T> taskGroup(TaskGroup.Body<T> body) {
    return new TaskGroup().run(body);
  }

  /**
   * An async {@code try/finally}: runs {@code body}, then, whatever its outcome (also a
   * cancellation), runs {@code cleanup} and waits for it, then completes with the body's
   * outcome. A failing cleanup wins, with the body's failure added as suppressed, as a Java
   * {@code finally} block that throws. A cancellation that arrives during the cleanup is
   * delivered to the cleanup's stage, as to an {@code await} in a Python {@code finally} block.
   * A body or cleanup that throws, or returns null, counts as failing.
   *
   * @param body the protected work
   * @param cleanup the cleanup, started once the body's stage is done
   * @param <T> the result type
   * @param <C> the cleanup's result type, ignored
   * @return the future of the outcome
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static <T, C> Future<T> tryFinally(AsyncCallable<T> body, AsyncCallable<C> cleanup) {
    return AsyncFinally.tryFinally(body, cleanup);
  }
}

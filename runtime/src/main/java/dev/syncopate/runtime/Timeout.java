package dev.syncopate.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * A deadline for an async block: asyncio's {@code asyncio.timeout} / {@code timeout_at} scope.
 *
 * <p>Create it with {@link #after(Duration)}, {@link #at(long)} or {@link #never()}, then enter
 * it once with {@link #run(AsyncCallable)} — the composition-style {@code async with}. While the
 * block runs, the scope can be queried ({@link #deadline()}, {@link #expired()}) and moved
 * ({@link #reschedule(long)}).
 *
 * <h2>Semantics (asyncio 3.11+)</h2>
 *
 * <ul>
 *   <li><b>Bound to the current task.</b> {@code run} records the task running the calling code
 *       and its {@link Task#cancelling()} count. At the deadline the scope calls {@link
 *       Task#cancel()}: the request travels down what the task waits on, which includes the
 *       scope's future as long as that future is part of the task's chain (returned by the task's
 *       body, or composed into what it returns) — as an {@code async with} block always is.
 *   <li><b>Only its own cancellation becomes a timeout.</b> When the block ends after expiry, the
 *       scope calls {@link Task#uncancel()}. If that brings the count back to what it was on entry
 *       and the block ended with a {@link CancelledError}, the scope fails with a {@link
 *       TimeoutError} whose cause is that {@code CancelledError}. If other requests remain (an
 *       external cancel, an outer scope that also expired), the {@code CancelledError} passes
 *       through unchanged; so with nested scopes only the outermost expired one converts, also
 *       when both expire in the same iteration.
 *   <li><b>Swallowed cancellation.</b> A block that catches the cancellation and completes
 *       normally completes the scope normally; {@link #expired()} is then true and the task's
 *       {@code cancelling()} is back to its value on entry.
 *   <li><b>Cleanup failures win.</b> A block that ends with another failure after expiry keeps
 *       that failure; the scope adds a {@link TimeoutError} to it as a suppressed exception, so
 *       the expiry stays visible (asyncio 3.13 chains it as the context).
 *   <li><b>Completion and expiry in one iteration.</b> If the block's stage completes and the
 *       deadline passes in the same loop iteration, before the scope has seen the completion, the
 *       completion is dropped and the scope fails with {@code TimeoutError} (CPython 3.12+).
 *   <li><b>A block that does not suspend</b> (its body returns an already completed stage) exits
 *       at once, before any timer can fire, as a block without {@code await} does.
 * </ul>
 *
 * <h2>States</h2>
 *
 * <pre>
 *   CREATED --run--> ENTERED --deadline--> EXPIRING --block ends--> EXPIRED
 *                    ENTERED --block ends--> EXITED
 * </pre>
 *
 * <p><b>Threading:</b> loop-confined: create, run and query it on the loop's thread.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-task.html#asyncio.timeout">asyncio.timeout</a>
 */
@LoopConfined
public final class Timeout {
  private enum State {
    CREATED,
    ENTERED,
    EXPIRING,
    EXPIRED,
    EXITED
  }

  private State state = State.CREATED;
  private boolean hasDeadline;
  private long deadline;
  private EventLoop loop;
  private Task<?> task;
  private int cancellingOnEntry;
  private boolean cancelRequested;
  private Handle timer;

  private Timeout(EventLoop loop, boolean hasDeadline, long deadline) {
    this.loop = loop;
    this.hasDeadline = hasDeadline;
    this.deadline = deadline;
  }

  /**
   * Creates a scope that expires {@code delay} after now on the running loop's clock: asyncio's
   * {@code timeout(delay)}. A zero or negative delay expires in the next iteration unless the
   * block completes without suspending.
   *
   * @param delay how long the block may run
   * @return the scope, not yet entered
   * @throws NullPointerException if {@code delay} is null
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static Timeout after(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    EventLoop running = EventLoop.running();
    return new Timeout(running, true, deadlineAfter(running, delay));
  }

  /**
   * Creates a scope that expires at loop time {@code deadline} (nanoseconds of {@link
   * EventLoop#time()}): asyncio's {@code timeout_at(when)}.
   *
   * @param deadline the loop time of expiry
   * @return the scope, not yet entered
   */
  public static Timeout at(long deadline) {
    return new Timeout(null, true, deadline);
  }

  /**
   * Creates a scope without a deadline, to be given one later with {@link #reschedule(long)}:
   * asyncio's {@code timeout(None)}.
   *
   * @return the scope, not yet entered
   */
  public static Timeout never() {
    return new Timeout(null, false, 0L);
  }

  /**
   * Enters the scope and runs {@code body} inside it; see the class documentation.
   *
   * @param body the block; called at once, on this thread
   * @param <T> the block's result type
   * @return a future with the block's outcome, or a {@link TimeoutError} as described above
   * @throws NullPointerException if {@code body} is null
   * @throws IllegalStateException if the scope was entered before, no loop runs on this thread,
   *     the scope was created for another loop, or the calling code does not run in a task
   */
  public <T> Future<T> run(AsyncCallable<T> body) {
    Objects.requireNonNull(body, "body");
    EventLoop running = EventLoop.running();
    if (state != State.CREATED) {
      throw new IllegalStateException("this Timeout was already entered (it is " + state
          + "); create a new Timeout for each block");
    }
    if (loop != null && loop != running) {
      throw new IllegalStateException("this Timeout was created on loop '" + loop.name()
          + "' but entered on loop '" + running.name() + "'");
    }
    Task<?> current = Bodies.requireTask(running, "Timeout.run()");
    loop = running;
    task = current;
    cancellingOnEntry = current.cancelling();
    state = State.ENTERED;
    schedule();
    Future<T> inner = Bodies.start(loop, body, "Timeout.run()");
    Stage.Step<T, T> exit = this::exit;
    if (inner.isDone()) {
      // The block did not suspend: it exits now, as a block without an await does.
      Throwable failure = inner.takeFailure();
      try {
        return loop.completedFuture(exit.apply(inner.valueNow(), failure));
      } catch (Throwable outcome) {
        Future<T> failed = loop.createFuture();
        failed.fail(outcome, false);
        return failed;
      }
    }
    return Stage.map(inner, null, false, exit);
  }

  /**
   * Returns the deadline in loop time (nanoseconds of {@link EventLoop#time()}), or empty if the
   * scope has none.
   */
  public OptionalLong deadline() {
    checkThread("deadline");
    return hasDeadline ? OptionalLong.of(deadline) : OptionalLong.empty();
  }

  /** Returns whether the deadline passed while the block ran (the scope cancelled its task). */
  public boolean expired() {
    checkThread("expired");
    return state == State.EXPIRING || state == State.EXPIRED;
  }

  /**
   * Moves the deadline to loop time {@code newDeadline}; a deadline already past expires the
   * scope in the next iteration.
   *
   * @param newDeadline the new loop time of expiry
   * @throws IllegalStateException if the scope has not been entered, has expired or has exited
   */
  public void reschedule(long newDeadline) {
    requireEntered("reschedule");
    hasDeadline = true;
    deadline = newDeadline;
    schedule();
  }

  /**
   * Moves the deadline to {@code delay} after now; see {@link #reschedule(long)}.
   *
   * @param delay the time left from now
   * @throws NullPointerException if {@code delay} is null
   * @throws IllegalStateException if the scope has not been entered, has expired or has exited
   */
  public void rescheduleAfter(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    requireEntered("rescheduleAfter");
    reschedule(deadlineAfter(loop, delay));
  }

  /**
   * Removes the deadline: the scope will not expire unless rescheduled. asyncio's {@code
   * reschedule(None)}.
   *
   * @throws IllegalStateException if the scope has not been entered, has expired or has exited
   */
  public void clearDeadline() {
    requireEntered("clearDeadline");
    hasDeadline = false;
    schedule();
  }

  @Override
  public String toString() {
    return "Timeout[" + state + (hasDeadline ? ", deadline=" + deadline : ", no deadline") + "]";
  }

  /**
   * asyncio's {@code wait_for}; see {@link Aio#waitFor(CompletionStage, Duration)}.
   */
  static <T> Future<T> waitFor(CompletionStage<T> stage, Duration timeout) {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(timeout, "timeout");
    EventLoop running = EventLoop.running();
    Future<T> inner = running.ensureFuture(stage);
    if (!timeout.isNegative() && !timeout.isZero()) {
      return after(timeout).run(() -> inner);
    }
    if (inner.isDone()) {
      // Already settled: its outcome, even with a zero timeout (asyncio does the same).
      return Stage.map(inner, null, false, Timeout::passOn);
    }
    // No time at all: cancel now and wait until the inner has really finished.
    inner.cancel();
    return Stage.map(inner, null, false, (value, failure) -> {
      if (failure instanceof CancelledError) {
        throw new TimeoutError("waitFor: timeout of " + timeout + " elapsed", failure);
      }
      return passOn(value, failure);
    });
  }

  private static <T> T passOn(T value, Throwable failure) throws Throwable {
    if (failure != null) {
      throw failure;
    }
    return value;
  }

  private void schedule() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    if (!hasDeadline) {
      return;
    }
    timer = deadline - loop.time() <= 0 ? loop.callSoon(this::onTimeout)
        : loop.callAt(deadline, this::onTimeout);
  }

  private void onTimeout() {
    timer = null;
    state = State.EXPIRING;
    cancelRequested = task.cancel();
  }

  private <T> T exit(T value, Throwable failure) throws Throwable {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    if (state == State.EXPIRING) {
      state = State.EXPIRED;
      int remaining = cancelRequested ? task.uncancel() : task.cancelling();
      if (remaining <= cancellingOnEntry && failure != null) {
        TimeoutError timeout = new TimeoutError(
            "the block did not finish before its deadline (loop time " + deadline + ")",
            failure instanceof CancelledError ? failure : null);
        if (failure instanceof CancelledError) {
          throw timeout;
        }
        // Another failure won; keep the expiry visible beside it.
        failure.addSuppressed(timeout);
      }
    } else {
      state = State.EXITED;
    }
    return passOn(value, failure);
  }

  private void requireEntered(String operation) {
    if (state == State.CREATED) {
      throw new IllegalStateException(operation + "() on a Timeout that has not been entered;"
          + " call it from inside the block given to run()");
    }
    checkThread(operation);
    if (state != State.ENTERED) {
      throw new IllegalStateException(operation + "() on a Timeout that is " + state
          + "; its deadline can only move while the block runs and has not expired");
    }
  }

  private void checkThread(String operation) {
    if (loop != null) {
      loop.checkThread(this, operation, "loop.callSoonThreadSafe(...)");
    }
  }

  private static long deadlineAfter(EventLoop loop, Duration delay) {
    long now = loop.time();
    long nanos;
    try {
      nanos = delay.toNanos();
    } catch (ArithmeticException tooLong) {
      nanos = delay.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    long sum = now + nanos;
    // Saturate instead of wrapping round: an enormous delay means "practically never".
    if (((now ^ sum) & (nanos ^ sum)) < 0) {
      return nanos > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return sum;
  }
}

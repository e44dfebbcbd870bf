package dev.syncopate.runtime.sync;

import dev.syncopate.runtime.AsyncCallable;
import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.LoopConfined;
import dev.syncopate.runtime.internal.LoopBinding;
import dev.syncopate.runtime.internal.WaiterQueue;
import java.util.Objects;

/**
 * A counter of permits for tasks: asyncio's {@code Semaphore}.
 *
 * <p>{@link #acquire()} takes a permit, waiting while none is free; {@link #release()} returns
 * one. Guarantees as for {@link Lock}: strict FIFO with no barging; a released permit goes
 * straight to the oldest waiter that is not cancelled and is <em>reserved</em> for it until it
 * runs, so {@link #isLocked()} stays true and newcomers wait; a waiter handed a permit and then
 * cancelled returns it. Releases beyond the initial value are allowed (use {@link
 * AsyncBoundedSemaphore} to forbid them).
 *
 * <p><b>Why the name:</b> {@code Semaphore} would clash with {@code
 * java.util.concurrent.Semaphore}, which code that mixes threads and loops imports beside ours
 * (often through {@code java.util.concurrent.*}).
 *
 * <p><b>Threading:</b> loop-confined. Bound to the loop that first uses it; every method throws
 * {@link IllegalStateException} on another thread.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Semaphore">asyncio.Semaphore</a>
 */
@LoopConfined
public class AsyncSemaphore {
  private final LoopBinding binding;
  private final WaiterQueue<Future<Void>> waiters = new WaiterQueue<>();
  private final int bound;
  private int value;

  /**
   * Creates a semaphore with {@code permits} free permits.
   *
   * @param permits the initial value, at least 0
   * @throws IllegalArgumentException if {@code permits} is negative
   */
  public AsyncSemaphore(int permits) {
    this(permits, false);
  }

  AsyncSemaphore(int permits, boolean bounded) {
    if (permits < 0) {
      throw new IllegalArgumentException(
          "initial permits must be 0 or more, got " + permits);
    }
    this.value = permits;
    this.bound = bounded ? permits : -1;
    this.binding = new LoopBinding(getClass().getSimpleName());
  }

  /**
   * Takes a permit: the future succeeds once the caller holds one; it is already done if a
   * permit is free and nobody waits. Cancelling it before then withdraws the request.
   *
   * @return a future that succeeds when a permit is held
   * @throws IllegalStateException if no loop runs on this thread, or the semaphore belongs to
   *     another loop's thread
   */
  public final Future<Void> acquire() {
    EventLoop loop = binding.loop("acquire");
    if (value > 0 && !waiters.hasLive()) {
      value--;
      return binding.done();
    }
    Future<Void> waiter = loop.createFuture();
    waiters.add(waiter);
    // Runs before anyone sees the outcome: a waiter handed a permit, then cancelled, returns it.
    return waiter.whenComplete((ignored, failure) -> {
      if (failure != null && !waiter.isCancelled()) {
        returnPermit();
      }
    });
  }

  /**
   * Takes a permit without waiting.
   *
   * @return true if a permit was free with nobody waiting, and is now held
   * @throws IllegalStateException on the wrong thread, as for {@link #acquire()}
   */
  public final boolean tryAcquire() {
    binding.loop("tryAcquire");
    if (value > 0 && !waiters.hasLive()) {
      value--;
      return true;
    }
    return false;
  }

  /**
   * Returns a permit, handing it to the oldest waiter that is not cancelled, if any.
   *
   * @throws IllegalStateException if this is a bounded semaphore and the release would exceed its
   *     initial value, or on the wrong thread
   */
  public final void release() {
    binding.loop("release");
    if (bound >= 0 && value >= bound) {
      throw new IllegalStateException(
          "release() called more often than acquire() on a bounded semaphore with " + bound
              + " permits; release once per successful acquire (withPermit(...) does this)");
    }
    returnPermit();
  }

  /**
   * Runs {@code body} holding a permit and returns the permit when the body's stage completes:
   * asyncio's {@code async with semaphore}. See {@link Lock#withLock(AsyncCallable)}.
   *
   * @param body the code to run
   * @param <T> the result type
   * @return the body's outcome
   * @throws NullPointerException if {@code body} is null
   * @throws IllegalStateException on the wrong thread, as for {@link #acquire()}
   */
  public final <T> Future<T> withPermit(AsyncCallable<T> body) {
    Objects.requireNonNull(body, "body");
    return Holding.run(acquire(), body, this::returnPermit);
  }

  /** Returns whether an {@link #acquire()} now would wait. */
  public final boolean isLocked() {
    if (!binding.isBoundHere("isLocked")) {
      return value == 0;
    }
    return value == 0 || waiters.hasLive();
  }

  /** Returns a snapshot: free permits, whether acquire would wait, live waiters. */
  public final SemaphoreStatistics statistics() {
    if (!binding.isBoundHere("statistics")) {
      return new SemaphoreStatistics(value, value == 0, 0);
    }
    return new SemaphoreStatistics(value, isLocked(), waiters.countLive());
  }

  private void returnPermit() {
    value++;
    while (value > 0) {
      Future<Void> next = waiters.pollLive();
      if (next == null) {
        return;
      }
      value--;
      next.setResult(null);
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[value=" + value + "]";
  }
}

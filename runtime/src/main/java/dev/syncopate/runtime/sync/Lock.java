package dev.syncopate.runtime.sync;

import dev.syncopate.runtime.AsyncCallable;
import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.LoopConfined;
import dev.syncopate.runtime.internal.LoopBinding;
import dev.syncopate.runtime.internal.WaiterQueue;
import java.util.Objects;

/**
 * A mutual-exclusion lock for tasks: asyncio's {@code Lock}.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>No owner.</b> Any code on the loop may {@link #release()} it, as in asyncio; it is not
 *       reentrant (a holder that acquires again waits forever).
 *   <li><b>Strict FIFO, no barging.</b> Acquirers are served in arrival order. {@link #release()}
 *       hands the lock straight to the oldest waiter that is not cancelled, so a newcomer cannot
 *       take it in between even though that waiter has not run yet; {@link #isLocked()} stays
 *       true during the hand-off (asyncio's {@code locked()} is false in that window, but its
 *       newcomers wait as well).
 *   <li><b>Cancellation never loses the lock.</b> A waiter cancelled before the hand-off leaves
 *       the queue. A waiter that was handed the lock but is cancelled before its stage completes
 *       (the awaiting task was cancelled in between) passes the lock to the next waiter.
 * </ul>
 *
 * <p>Once the future of {@link #acquire()} has succeeded, the caller holds the lock and must
 * release it. {@link #withLock(AsyncCallable)} does both and is the safe default: between the
 * acquisition and the next stage of hand-written composition, a cancellation could otherwise
 * leave the lock held.
 *
 * <p><b>Why the name:</b> asyncio's. {@code java.util.concurrent.locks.Lock} blocks threads and
 * is seldom imported beside loop code; where both are needed, a single-type import decides.
 *
 * <p><b>Threading:</b> loop-confined. Bound to the loop that first uses it; every method throws
 * {@link IllegalStateException} on another thread.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Lock">asyncio.Lock</a>
 */
@LoopConfined
public final class Lock {
  private final LoopBinding binding = new LoopBinding("Lock");
  private final WaiterQueue<Future<Void>> waiters = new WaiterQueue<>();
  private boolean locked;

  /** Creates an unlocked lock; it binds to the loop that first uses it. */
  public Lock() {}

  /**
   * Acquires the lock: the returned future succeeds once the caller holds it. If the lock is free
   * and nobody waits, the future is already done.
   *
   * <p>Cancelling the returned future (or the task waiting on it) before it completes withdraws
   * the request; see the class documentation for a cancellation that comes after the hand-off.
   *
   * @return a future that succeeds when the lock is held
   * @throws IllegalStateException if no loop runs on this thread, or the lock belongs to another
   *     loop's thread
   */
  public Future<Void> acquire() {
    EventLoop loop = binding.loop("acquire");
    if (!locked && !waiters.hasLive()) {
      locked = true;
      return binding.done();
    }
    Future<Void> waiter = loop.createFuture();
    waiters.add(waiter);
    // The step below runs before anyone can see the outcome: it is where a waiter that was
    // handed the lock and then cancelled gives it back (asyncio does this in acquire()'s except).
    return waiter.whenComplete((ignored, failure) -> {
      if (failure != null && !waiter.isCancelled()) {
        handOff();
      }
    });
  }

  /**
   * Acquires the lock without waiting.
   *
   * @return true if the lock was free with nobody waiting and is now held by the caller
   * @throws IllegalStateException on the wrong thread, as for {@link #acquire()}
   */
  public boolean tryAcquire() {
    binding.loop("tryAcquire");
    if (!locked && !waiters.hasLive()) {
      locked = true;
      return true;
    }
    return false;
  }

  /**
   * Releases the lock, handing it to the oldest waiter that is not cancelled, if any.
   *
   * @throws IllegalStateException if the lock is not held (asyncio's "Lock is not acquired"), or
   *     on the wrong thread
   */
  public void release() {
    binding.loop("release");
    if (!locked) {
      throw new IllegalStateException(
          "release() called on an unlocked Lock; release only after acquire() succeeded, once per"
              + " acquisition (withLock(...) does this for you)");
    }
    handOff();
  }

  /**
   * Runs {@code body} while holding the lock and releases it when the body's stage completes,
   * however it completes: asyncio's {@code async with lock}.
   *
   * <p>Cancelling the returned future while it waits for the lock withdraws the request; once the
   * body runs, the request is passed to the body's stage. If the body throws, the lock is released
   * and the returned future fails with that exception.
   *
   * @param body the code to run under the lock
   * @param <T> the result type
   * @return the body's outcome
   * @throws NullPointerException if {@code body} is null
   * @throws IllegalStateException on the wrong thread, as for {@link #acquire()}
   */
  public <T> Future<T> withLock(AsyncCallable<T> body) {
    Objects.requireNonNull(body, "body");
    return Holding.run(acquire(), body, this::release);
  }

  /** Returns whether the lock is held, or promised to a woken waiter that has not run yet. */
  public boolean isLocked() {
    binding.isBoundHere("isLocked");
    return locked;
  }

  /** Returns a snapshot: held or not, and the number of waiters that are not cancelled. */
  public LockStatistics statistics() {
    if (!binding.isBoundHere("statistics")) {
      return new LockStatistics(false, 0);
    }
    return new LockStatistics(locked, waiters.countLive());
  }

  /** Gives the lock to the oldest live waiter, or frees it. */
  private void handOff() {
    Future<Void> next = waiters.pollLive();
    if (next != null) {
      next.setResult(null);
    } else {
      locked = false;
    }
  }

  @Override
  public String toString() {
    return "Lock[" + (locked ? "locked" : "unlocked") + "]";
  }
}

package dev.syncopate.runtime.sync;

import dev.syncopate.runtime.AsyncCallable;
import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.LoopConfined;
import dev.syncopate.runtime.internal.LoopBinding;
import dev.syncopate.runtime.internal.WaiterQueue;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * A condition variable for tasks: asyncio's {@code Condition}, over a {@link Lock}.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>The lock is held when {@link #await()} completes, however it completes.</b> Also when
 *       the waiting task is cancelled: the lock is re-acquired first, and only then does the
 *       {@link dev.syncopate.runtime.CancelledError} reach the next stage, one instance for every
 *       consumer. Cancellations that arrive during the re-acquisition do not interrupt it.
 *   <li><b>No lost signal.</b> A waiter that was signalled and is then cancelled passes the
 *       signal to the next waiter (a spurious wake-up is possible, as asyncio allows; use {@link
 *       #waitFor(BooleanSupplier)}).
 *   <li>Signals go to waiters in arrival order.
 * </ul>
 *
 * <p><b>Why the names:</b> asyncio's {@code wait()}, {@code notify()} and {@code notify_all()}
 * are final methods of {@link Object}; {@code await}, {@code signal} and {@code signalAll} are
 * {@code java.util.concurrent.locks.Condition}'s words for the same operations.
 *
 * <p><b>Threading:</b> loop-confined. Bound to the loop that first uses it; every method throws
 * {@link IllegalStateException} on another thread.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Condition">asyncio.Condition</a>
 */
@LoopConfined
public final class Condition {
  private final LoopBinding binding = new LoopBinding("Condition");
  private final Lock lock;
  private final WaiterQueue<Future<Void>> waiters = new WaiterQueue<>();

  /** Creates a condition with its own new lock. */
  public Condition() {
    this(new Lock());
  }

  /**
   * Creates a condition over {@code lock}, which other conditions may share.
   *
   * @param lock the lock
   * @throws NullPointerException if {@code lock} is null
   */
  public Condition(Lock lock) {
    this.lock = Objects.requireNonNull(lock, "lock");
  }

  /** Returns the underlying lock. */
  public Lock lock() {
    return lock;
  }

  /** Acquires the underlying lock; see {@link Lock#acquire()}. */
  public Future<Void> acquire() {
    return lock.acquire();
  }

  /** Releases the underlying lock; see {@link Lock#release()}. */
  public void release() {
    lock.release();
  }

  /** Returns whether the underlying lock is held; see {@link Lock#isLocked()}. */
  public boolean isLocked() {
    return lock.isLocked();
  }

  /** Runs {@code body} holding the underlying lock; see {@link Lock#withLock(AsyncCallable)}. */
  public <T> Future<T> withLock(AsyncCallable<T> body) {
    return lock.withLock(body);
  }

  /**
   * Releases the lock, waits to be signalled, and re-acquires the lock: asyncio's {@code wait()}.
   *
   * <p>The returned future completes only while the caller holds the lock again: it succeeds
   * after a signal, and fails with {@link dev.syncopate.runtime.CancelledError} (after the
   * re-acquisition) when it or its task is cancelled.
   *
   * @return a future that succeeds once signalled and holding the lock again
   * @throws IllegalStateException if the lock is not held ("cannot wait on un-acquired lock"), if
   *     no loop runs on this thread, or the condition belongs to another loop's thread
   */
  public Future<Void> await() {
    EventLoop loop = binding.loop("await");
    requireLocked("await");
    lock.release();
    Future<Void> signal = loop.createFuture();
    waiters.add(signal);
    Waiter waiter = new Waiter(signal);
    signal.addDoneCallback(done -> waiter.reacquire());
    // The waiter is a foreign stage on purpose: a cancellation request reaches a foreign stage
    // through its cancel(boolean) and the stage that adopted it stays pending until the waiter
    // completes. That lets the lock be re-acquired before the CancelledError is delivered (a
    // plain Future would be cancelled, and its dependents woken, at once).
    return binding.done().thenCombine(waiter, (none, alsoNone) -> null);
  }

  /**
   * Waits until {@code predicate} is true, calling it with the lock held first and after each
   * signal: asyncio's {@code wait_for(predicate)}.
   *
   * @param predicate the condition to wait for; evaluated on the loop with the lock held
   * @return a future that succeeds, holding the lock, once the predicate returned true; it fails
   *     with the predicate's exception (lock held), or with a cancellation as {@link #await()}
   * @throws NullPointerException if {@code predicate} is null
   * @throws IllegalStateException as for {@link #await()}
   */
  public Future<Void> waitFor(BooleanSupplier predicate) {
    Objects.requireNonNull(predicate, "predicate");
    binding.loop("waitFor");
    requireLocked("waitFor");
    if (predicate.getAsBoolean()) {
      return binding.done();
    }
    return await().thenCompose(ignored -> waitFor(predicate));
  }

  /**
   * Wakes the oldest waiter, if any: asyncio's {@code notify()}.
   *
   * @throws IllegalStateException if the lock is not held, or on the wrong thread
   */
  public void signal() {
    signal(1);
  }

  /**
   * Wakes up to {@code n} waiters, oldest first: asyncio's {@code notify(n)}.
   *
   * @param n how many waiters to wake, at least 0
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws IllegalStateException if the lock is not held, or on the wrong thread
   */
  public void signal(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("signal(n) needs n >= 0, got " + n);
    }
    binding.loop("signal");
    requireLocked("signal");
    wake(n);
  }

  /**
   * Wakes every waiter: asyncio's {@code notify_all()}.
   *
   * @throws IllegalStateException if the lock is not held, or on the wrong thread
   */
  public void signalAll() {
    signal(Integer.MAX_VALUE);
  }

  /** Returns a snapshot: live waiters and the lock's statistics. */
  public ConditionStatistics statistics() {
    int live = binding.isBoundHere("statistics") ? waiters.countLive() : 0;
    return new ConditionStatistics(live, lock.statistics());
  }

  private void wake(int n) {
    for (int woken = 0; woken < n; woken++) {
      Future<Void> next = waiters.pollLive();
      if (next == null) {
        return;
      }
      next.setResult(null);
    }
  }

  private void requireLocked(String operation) {
    if (!lock.isLocked()) {
      throw new IllegalStateException(
          operation + "() needs the condition's lock to be held; call it inside withLock(...)"
              + " or after acquire() succeeded");
    }
  }

  @Override
  public String toString() {
    return "Condition[" + lock + "]";
  }

  /**
   * One {@link #await()}: completes once the lock is held again. Its {@code cancel} is the hook
   * through which a cancellation request arrives; it never cancels this future itself.
   */
  private final class Waiter extends CompletableFuture<Void> {
    private final Future<Void> signal;
    private boolean cancelRequested;
    private boolean reacquiring;

    Waiter(Future<Void> signal) {
      this.signal = signal;
    }

    /** Called on the loop thread by the adopting stage when the awaiting task is cancelled. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (cancelRequested) {
        return false;
      }
      cancelRequested = true;
      if (isDone()) {
        // Signalled and holding the lock already; the cancellation now reaches the caller, so
        // the signal it consumed goes to the next waiter.
        wake(1);
      } else if (!signal.isDone()) {
        signal.cancel(); // leaves the queue; its done callback re-acquires the lock
      }
      return false;
    }

    void reacquire() {
      if (reacquiring) {
        return;
      }
      reacquiring = true;
      Future<Void> acquired = lock.acquire();
      if (acquired.isDone()) {
        relocked();
      } else {
        acquired.addDoneCallback(done -> relocked());
      }
    }

    private void relocked() {
      if (cancelRequested && !signal.isCancelled()) {
        wake(1); // signalled, then cancelled while re-acquiring: pass the signal on
      }
      complete(null);
    }
  }
}

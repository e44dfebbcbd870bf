package dev.syncopate.runtime;

import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Callbacks handed to the loop from other threads, and the wake-up of a loop blocked in its
 * selector.
 *
 * <p>The protocol keeps {@link Selector#wakeup()} (a system call) off the path while the loop is
 * busy: the loop raises {@code sleeping} before it blocks and checks the queue once more; a
 * producer wakes the selector only if it is the one that lowers the flag. Either the loop sees
 * the item in its re-check, or the producer sees the flag raised and wakes it; a spurious
 * wake-up is possible, a lost one is not.
 *
 * <p>It also counts the threads blocked in bridge calls on this loop: with as many of them as
 * CPUs, neither they nor the idle loop spin before parking (see {@link #worthSpinning()}).
 */
final class Inbox {
  private final ConcurrentLinkedQueue<Handle> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean sleeping = new AtomicBoolean();
  private final Selector selector;
  private volatile Thread parked;
  /** Threads blocked in a bridge call on this loop, from just before they post until they resume. */
  private final AtomicInteger blockedCallers = new AtomicInteger();

  Inbox(Selector selector) {
    this.selector = selector;
  }

  /** Adds a callback from any thread and wakes the loop if it sleeps. */
  void post(Handle handle) {
    queue.offer(handle);
    if (sleeping.get() && sleeping.compareAndSet(true, false)) {
      // The loop announces itself in `parked` before its last look at `sleeping`: either it sees
      // the flag lowered and does not park, or we see it here and unpark it.
      Thread parkedLoop = parked;
      if (parkedLoop != null) {
        LockSupport.unpark(parkedLoop);
      } else {
        selector.wakeup();
      }
    }
  }

  /** Withdraws a callback that was posted but not yet taken; returns whether it was there. */
  boolean withdraw(Handle handle) {
    return queue.remove(handle);
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** Moves every posted callback to the ready queue, in posting order per thread. */
  void drainTo(ArrayDeque<Handle> ready) {
    Handle handle;
    while ((handle = queue.poll()) != null) {
      ready.addLast(handle);
    }
  }

  /** How long an idle loop spins for a post before it blocks; shared by all loops. */
  private static final SpinPolicy IDLE_SPIN = new SpinPolicy(256);

  /**
   * Spins briefly, adaptively (see {@link SpinPolicy}), for a post to arrive before the loop
   * blocks in its selector: a thread-safe caller that is answered within the spin saves the
   * selector wake-up on both sides. Returns whether something was posted.
   */
  boolean spinForPost() {
    return worthSpinning() && IDLE_SPIN.spinUntil(this::hasPosts);
  }

  /**
   * Whether the loop waiting for posts, or a blocked bridge caller waiting for its answer, should
   * spin before it parks: only while fewer callers than CPUs are blocked on this loop (see {@link
   * SpinPolicy#worthSpinning(int)}). Callers count from before their post until they resume, so
   * callers the loop has answered but that have not run yet count too: they need a core next.
   */
  boolean worthSpinning() {
    return SpinPolicy.worthSpinning(blockedCallers.get());
  }

  /** A thread is about to post a bridge call and block until it is answered. */
  void callerBlocked() {
    blockedCallers.incrementAndGet();
  }

  /** A blocked bridge caller has resumed (answered, interrupted or released). */
  void callerResumed() {
    blockedCallers.decrementAndGet();
  }

  /** Threads blocked in bridge calls on this loop; for tests. */
  int blockedCallers() {
    return blockedCallers.get();
  }

  private boolean hasPosts() {
    return !queue.isEmpty();
  }

  /**
   * Announces that the loop is about to block; returns false if callbacks arrived meanwhile, in
   * which case the loop must not block.
   */
  boolean prepareToSleep() {
    sleeping.set(true);
    if (!queue.isEmpty()) {
      sleeping.set(false);
      return false;
    }
    return true;
  }

  /**
   * Blocks the loop thread instead of the selector, when no channel is registered, until a post
   * lowers {@code sleeping}, {@code timeoutNanos} pass (negative: no limit), or the thread is
   * interrupted. Called after {@link #prepareToSleep()} returned true. May return early.
   */
  void park(long timeoutNanos) {
    parked = Thread.currentThread();
    try {
      if (sleeping.get()) {
        if (timeoutNanos < 0) {
          LockSupport.park(this);
        } else {
          LockSupport.parkNanos(this, timeoutNanos);
        }
      }
    } finally {
      parked = null;
    }
  }

  void awake() {
    sleeping.set(false);
  }

  int clear() {
    int discarded = 0;
    while (queue.poll() != null) {
      discarded++;
    }
    return discarded;
  }
}

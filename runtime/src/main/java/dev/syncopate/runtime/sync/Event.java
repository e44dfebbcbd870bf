package dev.syncopate.runtime.sync;

import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.LoopConfined;
import dev.syncopate.runtime.internal.LoopBinding;
import dev.syncopate.runtime.internal.WaiterQueue;

/**
 * A flag that tasks can wait for: asyncio's {@code Event}.
 *
 * <p>{@link #set()} wakes every waiter (in arrival order, through the loop's ready queue, never
 * inline); waiters that arrive while the flag is set do not wait. {@link #clear()} only affects
 * later waiters. Cancelling a waiter just withdraws it.
 *
 * <p><b>Why {@code await()}:</b> asyncio's {@code wait()} is final in {@link Object}; {@code
 * await()} is Java's word for "until" ({@code CountDownLatch.await()}).
 *
 * <p><b>Threading:</b> loop-confined. Bound to the loop that first uses it; every method throws
 * {@link IllegalStateException} on another thread.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Event">asyncio.Event</a>
 */
@LoopConfined
public final class Event {
  private final LoopBinding binding = new LoopBinding("Event");
  private final WaiterQueue<Future<Void>> waiters = new WaiterQueue<>();
  private boolean set;

  /** Creates an event whose flag is clear; it binds to the loop that first uses it. */
  public Event() {}

  /**
   * Waits until the flag is set; the future is already done if it is set now.
   *
   * @return a future that succeeds once the flag is set
   * @throws IllegalStateException if no loop runs on this thread, or the event belongs to another
   *     loop's thread
   */
  public Future<Void> await() {
    EventLoop loop = binding.loop("await");
    if (set) {
      return binding.done();
    }
    Future<Void> waiter = loop.createFuture();
    waiters.add(waiter);
    return waiter;
  }

  /**
   * Sets the flag and wakes every waiter. Does nothing if it is set already.
   *
   * @throws IllegalStateException on the wrong thread, as for {@link #await()}
   */
  public void set() {
    binding.loop("set");
    if (!set) {
      set = true;
      waiters.drainLive(waiter -> waiter.setResult(null));
    }
  }

  /**
   * Clears the flag; later {@link #await()} calls wait again.
   *
   * @throws IllegalStateException on the wrong thread, as for {@link #await()}
   */
  public void clear() {
    binding.loop("clear");
    set = false;
  }

  /** Returns whether the flag is set. */
  public boolean isSet() {
    binding.isBoundHere("isSet");
    return set;
  }

  /** Returns a snapshot: the flag and the number of waiters that are not cancelled. */
  public EventStatistics statistics() {
    if (!binding.isBoundHere("statistics")) {
      return new EventStatistics(set, 0);
    }
    return new EventStatistics(set, waiters.countLive());
  }

  @Override
  public String toString() {
    return "Event[" + (set ? "set" : "unset") + "]";
  }
}

package dev.syncopate.runtime.sync;

import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.LoopConfined;
import dev.syncopate.runtime.internal.LoopBinding;
import java.util.ArrayDeque;

/**
 * A barrier that lets {@code parties} tasks pass together: asyncio's {@code Barrier}.
 *
 * <h2>States</h2>
 *
 * <pre>
 *   state     | entered by                               | await()
 *   ----------+------------------------------------------+---------------------------------------
 *   FILLING   | creation; the last waiter of a round     | counts the caller in; the last one of
 *             |   left; reset() with nobody inside       |   parties releases the round
 *   DRAINING  | the parties-th arrival                   | waits until the round has left
 *   RESETTING | reset() while tasks are inside           | waits until they have left
 *   BROKEN    | abort()                                  | fails with BrokenBarrierError
 * </pre>
 *
 * <p>{@link #await()} returns the caller's arrival index, 0 to {@code parties - 1}. {@link
 * #abort()} and {@link #reset()} fail the tasks waiting to fill the round with {@link
 * BrokenBarrierError}; after {@code reset()} the barrier fills again once they have left; after
 * {@code abort()} it stays broken until {@code reset()}.
 *
 * <p><b>Cancellation:</b> as in asyncio, a waiter cancelled while the barrier fills leaves it
 * without breaking it: the others keep waiting for a full round. A cancelled waiter is not
 * counted when the round would be complete, so it never releases a round it has left. A waiter
 * cancelled after its round was released still counts as having passed. Arrival indexes are
 * asyncio's: the count at arrival, so an index may repeat after a waiter left.
 *
 * <p><b>Threading:</b> loop-confined. Bound to the loop that first uses it; every method throws
 * {@link IllegalStateException} on another thread.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Barrier">asyncio.Barrier</a>
 */
@LoopConfined
public final class Barrier {
  /** The states of a barrier; see the class documentation. */
  public enum State {
    /** Waiting for parties to arrive. */
    FILLING,
    /** A round was released and its tasks are leaving. */
    DRAINING,
    /** Reset while tasks were inside; they are leaving. */
    RESETTING,
    /** Aborted; waits fail until {@link Barrier#reset()}. */
    BROKEN
  }

  private final LoopBinding binding = new LoopBinding("Barrier");
  private final int parties;
  private State state = State.FILLING;

  /** Arrivals counted in and not yet left. */
  private int count;

  /** Counted-in arrivals whose round has not been released. */
  private final ArrayDeque<Arrival> filling = new ArrayDeque<>();

  /** Arrivals held back while the barrier drains or resets. */
  private final ArrayDeque<Arrival> blocked = new ArrayDeque<>();

  /**
   * Creates a barrier.
   *
   * @param parties how many tasks pass together, at least 1
   * @throws IllegalArgumentException if {@code parties} is less than 1
   */
  public Barrier(int parties) {
    if (parties < 1) {
      throw new IllegalArgumentException("parties must be at least 1, got " + parties);
    }
    this.parties = parties;
  }

  /**
   * Waits until {@code parties} tasks have called this method.
   *
   * @return a future of the caller's arrival index; it fails with {@link BrokenBarrierError} if
   *     the barrier is broken, or is aborted or reset while the caller waits for its round
   * @throws IllegalStateException if no loop runs on this thread, or the barrier belongs to
   *     another loop's thread
   */
  public Future<Integer> await() {
    EventLoop loop = binding.loop("await");
    if (state == State.BROKEN) {
      return loop.failedFuture(broken("the barrier is broken; reset() it first"));
    }
    Arrival arrival = new Arrival(loop.createFuture());
    if (state == State.FILLING) {
      countIn(arrival);
    } else {
      blocked.addLast(arrival);
    }
    // Runs before anyone sees the outcome, also for a waiter cancelled after its release.
    return arrival.signal.whenComplete((index, failure) -> leave(arrival));
  }

  /**
   * Puts the barrier back to filling: asyncio's {@code reset()}. Tasks waiting for a round fail
   * with {@link BrokenBarrierError}; new arrivals wait until every task inside has left.
   *
   * @throws IllegalStateException on the wrong thread
   */
  public void reset() {
    binding.loop("reset");
    if (count > 0) {
      state = State.RESETTING;
      failFilling("the barrier was reset while this task waited");
    } else {
      state = State.FILLING;
      admitBlocked();
    }
  }

  /**
   * Breaks the barrier: asyncio's {@code abort()}. Every waiting task and every later {@link
   * #await()} fails with {@link BrokenBarrierError} until {@link #reset()}.
   *
   * @throws IllegalStateException on the wrong thread
   */
  public void abort() {
    binding.loop("abort");
    state = State.BROKEN;
    failFilling("the barrier was aborted while this task waited");
    for (Arrival arrival; (arrival = blocked.pollFirst()) != null; ) {
      fail(arrival, "the barrier was aborted while this task waited");
    }
  }

  /** Returns the number of tasks that pass together. */
  public int parties() {
    return parties;
  }

  /** Returns how many tasks wait for the barrier to fill; 0 unless filling. */
  public int waiting() {
    binding.isBoundHere("waiting");
    return state == State.FILLING ? count : 0;
  }

  /** Returns whether the barrier is broken. */
  public boolean isBroken() {
    binding.isBoundHere("isBroken");
    return state == State.BROKEN;
  }

  /** Returns a snapshot: parties, waiting tasks, state. */
  public BarrierStatistics statistics() {
    binding.isBoundHere("statistics");
    return new BarrierStatistics(parties, state == State.FILLING ? count : 0, state);
  }

  private void countIn(Arrival arrival) {
    arrival.index = count++;
    arrival.inside = true;
    filling.addLast(arrival);
    if (count == parties) {
      dropCancelled();
    }
    if (count == parties) {
      state = State.DRAINING;
      for (Arrival member; (member = filling.pollFirst()) != null; ) {
        if (!member.signal.isDone()) {
          member.signal.setResult(member.index);
        }
      }
    }
  }

  /** Counts out waiters whose cancellation has not reached {@link #leave} yet. */
  private void dropCancelled() {
    filling.removeIf(member -> {
      if (member.signal.isCancelled()) {
        exit(member);
        return true;
      }
      return false;
    });
  }

  private void leave(Arrival arrival) {
    filling.remove(arrival);
    exit(arrival);
  }

  private void exit(Arrival arrival) {
    if (!arrival.inside) {
      return;
    }
    arrival.inside = false;
    count--;
    if (count == 0 && (state == State.DRAINING || state == State.RESETTING)) {
      state = State.FILLING;
      admitBlocked();
    }
  }

  private void admitBlocked() {
    while (state == State.FILLING) {
      Arrival next = blocked.pollFirst();
      if (next == null) {
        return;
      }
      if (!next.signal.isDone()) {
        countIn(next);
      }
    }
  }

  private void failFilling(String why) {
    for (Arrival member; (member = filling.pollFirst()) != null; ) {
      fail(member, why);
    }
  }

  private static void fail(Arrival arrival, String why) {
    if (!arrival.signal.isDone()) {
      arrival.signal.setException(broken(why));
    }
  }

  private static BrokenBarrierError broken(String why) {
    return new BrokenBarrierError(why + "; create a new barrier or reset() this one");
  }

  @Override
  public String toString() {
    return "Barrier[" + state + ", " + count + "/" + parties + "]";
  }

  /** One call of {@link #await()}. */
  private static final class Arrival {
    final Future<Integer> signal;
    int index = -1;
    boolean inside;

    Arrival(Future<Integer> signal) {
      this.signal = signal;
    }
  }
}

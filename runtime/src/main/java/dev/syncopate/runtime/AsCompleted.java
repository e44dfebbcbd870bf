package dev.syncopate.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The futures of {@link Aio#asCompleted(Collection, Duration)} in completion order: asyncio's
 * {@code as_completed}.
 *
 * <p>{@link #next()} returns, for the n-th call, a new future that takes the outcome of the n-th
 * of the given futures to finish (its value, or its failure — a cancelled one's {@link
 * CancelledError} as a failure). There are as many as there are distinct futures. With a timeout,
 * every future handed out that is still unfilled when the time is up, and every one handed out
 * later, fails with a {@link TimeoutError}; the given futures are not cancelled and keep running.
 * A handed-out future that the caller cancels passes its place to the next one.
 *
 * <p>Single use: {@link #iterator()} returns this object.
 *
 * <p><b>Threading:</b> loop-confined.
 *
 * @param <T> the value type
 * @see <a href="https://docs.python.org/3/library/asyncio-task.html#asyncio.as_completed">asyncio.as_completed</a>
 */
@LoopConfined
public final class AsCompleted<T> implements Iterator<Future<T>>, Iterable<Future<T>> {
  private final EventLoop loop;
  private final Set<Future<? extends T>> todo;
  private final ArrayDeque<Future<? extends T>> finished = new ArrayDeque<>();
  private final ArrayDeque<Future<T>> waiting = new ArrayDeque<>();
  private final Consumer<Future<? extends T>> onCompletion = this::onCompletion;
  private int left;
  private boolean timedOut;
  private Handle timer;

  private AsCompleted(EventLoop loop, Set<Future<? extends T>> futures) {
    this.loop = loop;
    this.todo = futures;
    this.left = futures.size();
  }

  static <T> AsCompleted<T> of(Collection<? extends Future<? extends T>> futures, Duration timeout) {
    java.util.Objects.requireNonNull(futures, "futures");
    EventLoop loop = EventLoop.running();
    Set<Future<? extends T>> all = new LinkedHashSet<>();
    if (!futures.isEmpty()) {
      all.addAll(Wait.distinctOnLoop(loop, futures, "asCompleted()"));
    }
    AsCompleted<T> sequence = new AsCompleted<>(loop, all);
    for (Future<? extends T> future : all) {
      future.addDoneCallback(sequence.onCompletion);
    }
    if (timeout != null && !all.isEmpty()) {
      sequence.timer = loop.callLater(timeout, sequence::onTimeout);
    }
    return sequence;
  }

  /** Returns whether another future can be handed out. */
  @Override
  public boolean hasNext() {
    loop.checkThread(this, "hasNext", "loop.callSoonThreadSafe(...)");
    return left > 0;
  }

  /**
   * Returns the future of the next completion; see the class documentation.
   *
   * @return a future that completes with the next finished future's outcome
   * @throws NoSuchElementException if every future was handed out already
   */
  @Override
  public Future<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("asCompleted handed out all its futures already");
    }
    left--;
    Future<T> slot = loop.createFuture();
    if (!finished.isEmpty()) {
      fill(slot, finished.poll());
    } else if (timedOut) {
      slot.setException(timeoutError());
    } else {
      waiting.add(slot);
    }
    return slot;
  }

  /**
   * Returns this object (single use).
   *
   * @return this
   */
  @Override
  public Iterator<Future<T>> iterator() {
    return this;
  }

  private void onCompletion(Future<? extends T> done) {
    if (!todo.remove(done)) {
      return;
    }
    Future<T> slot;
    do {
      slot = waiting.poll();
    } while (slot != null && slot.isDone());
    if (slot != null) {
      fill(slot, done);
    } else {
      finished.add(done);
    }
    if (todo.isEmpty() && timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  private void onTimeout() {
    timer = null;
    timedOut = true;
    for (Future<? extends T> future : todo) {
      future.removeDoneCallback(onCompletion);
    }
    todo.clear();
    for (Future<T> slot; (slot = waiting.poll()) != null; ) {
      if (!slot.isDone()) {
        slot.setException(timeoutError());
      }
    }
  }

  private static TimeoutError timeoutError() {
    return new TimeoutError("asCompleted: the timeout elapsed before the next future finished;"
        + " the futures were not cancelled", null);
  }

  private static <T> void fill(Future<T> slot, Future<? extends T> done) {
    Throwable failure = done.takeFailure();
    if (failure != null) {
      slot.setException(failure);
    } else {
      slot.setResult(done.valueNow());
    }
  }
}

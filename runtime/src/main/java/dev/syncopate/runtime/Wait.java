package dev.syncopate.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** asyncio's {@code wait}; see {@link Aio#wait(Collection, ReturnWhen, Duration)}. */
final class Wait {
  private Wait() {}

  static <F extends Future<?>> Future<WaitResult<F>> wait(
      Collection<F> futures, ReturnWhen returnWhen, Duration timeout) {
    Objects.requireNonNull(futures, "futures");
    Objects.requireNonNull(returnWhen, "returnWhen");
    EventLoop loop = EventLoop.running();
    Set<F> all = distinctOnLoop(loop, futures, "wait()");
    Future<Void> waiter = loop.createFuture();
    int[] unfinished = {all.size()};
    Handle[] timer = {null};
    Consumer<Future<?>> onCompletion = done -> {
      unfinished[0]--;
      boolean failed = returnWhen == ReturnWhen.FIRST_EXCEPTION
          && !done.isCancelled() && done.exception() != null;
      if (unfinished[0] <= 0 || returnWhen == ReturnWhen.FIRST_COMPLETED || failed) {
        release(waiter, timer);
      }
    };
    for (F future : all) {
      future.addDoneCallback(onCompletion);
    }
    if (timeout != null) {
      // The timeout only wakes the waiter: nothing is cancelled, nothing raised.
      timer[0] = loop.callLater(timeout, () -> release(waiter, timer));
    }
    return Stage.map(waiter, null, false, (ignored, failure) -> {
      release(null, timer);
      for (F future : all) {
        future.removeDoneCallback(onCompletion);
      }
      if (failure != null) {
        // Cancelled while waiting: only the waiter is cancelled, the futures run on.
        throw failure;
      }
      Set<F> done = new LinkedHashSet<>();
      Set<F> pending = new LinkedHashSet<>();
      for (F future : all) {
        (future.isDone() ? done : pending).add(future);
      }
      return new WaitResult<>(done, pending);
    });
  }

  private static void release(Future<Void> waiter, Handle[] timer) {
    if (timer[0] != null) {
      timer[0].cancel();
      timer[0] = null;
    }
    if (waiter != null && !waiter.isDone()) {
      waiter.setResult(null);
    }
  }

  /**
   * Returns the distinct futures of {@code futures} in their order, checking each belongs to
   * {@code loop}.
   */
  static <F extends Future<?>> Set<F> distinctOnLoop(
      EventLoop loop, Collection<F> futures, String operation) {
    if (futures.isEmpty()) {
      throw new IllegalArgumentException(operation + " needs at least one future; the collection"
          + " is empty");
    }
    Set<F> all = new LinkedHashSet<>();
    for (F future : futures) {
      Objects.requireNonNull(future, operation + " was given a null future");
      if (future.loop != loop) {
        throw new IllegalArgumentException(operation + " was given " + future + " of loop '"
            + future.loop.name() + "', but runs on loop '" + loop.name() + "'");
      }
      all.add(future);
    }
    return all;
  }
}

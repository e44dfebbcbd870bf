package dev.syncopate.runtime;

import java.util.concurrent.Callable;

/**
 * A function handed to a worker thread, and the loop future of its outcome. Cancelling the future
 * marks the call so that it does not start; a running function is left to finish and its result
 * is dropped.
 *
 * <p><b>Threading:</b> the future part is loop-confined; {@link #run()} runs on the worker and
 * posts the outcome back with {@link EventLoop#callSoonThreadSafe}.
 */
final class WorkerCall<T> extends Future<T> implements Runnable {
  private final Callable<T> function;
  private final Context context;
  private final Object[] propagated;
  private volatile boolean abandoned;

  WorkerCall(EventLoop loop, Callable<T> function) {
    super(loop);
    this.function = function;
    this.context = Context.current();
    this.propagated = ContextPropagation.capture();
  }

  @Override
  public void run() {
    if (abandoned || loop.isClosed()) {
      return;
    }
    Object[] previous = ContextPropagation.restore(propagated);
    T value = null;
    Throwable failure = null;
    try {
      value = context.run(this::callUnchecked);
    } catch (Throwable thrown) {
      failure = thrown;
    } finally {
      ContextPropagation.reset(previous);
    }
    T result = value;
    Throwable outcome = failure;
    try {
      loop.callSoonThreadSafe(() -> settle(result, outcome));
    } catch (LoopClosedException closed) {
      // Nobody waits any more: the result is dropped, as documented.
    }
  }

  private T callUnchecked() {
    try {
      return function.call();
    } catch (Exception e) {
      throw Throwables.sneakyThrow(e);
    }
  }

  private void settle(T value, Throwable failure) {
    if (!isPending()) {
      return; // cancelled meanwhile: the result is dropped
    }
    if (failure == null) {
      succeed(value);
    } else {
      fail(failure, false);
    }
  }

  @Override
  void onSettled() {
    abandoned = true;
  }

  @Override
  boolean isSettable() {
    return false;
  }

  @Override
  String describe() {
    return "toThread(" + function + ")";
  }
}

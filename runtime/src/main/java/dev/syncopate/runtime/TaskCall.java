package dev.syncopate.runtime;

import java.time.Duration;

/**
 * A bridge call of an async function: on the loop it becomes a {@link Task} (so it can be
 * cancelled, sees {@link Aio#currentTask()}, and runs in the caller's {@link Context}), with an
 * optional timer that cancels it when the timeout expires.
 *
 * <p><b>Threading:</b> see {@link BridgeCall}.
 */
class TaskCall<T> extends BridgeCall<T> {
  private final AsyncCallable<T> operation;
  private final Object[] propagated;
  private Task<T> task;
  private TimerHandle timer;
  private boolean expired;
  private String cancelledBeforeStart;

  TaskCall(BridgeCore core, Context context, AsyncCallable<T> operation, Duration timeout) {
    super(core, context, timeout);
    this.operation = operation;
    this.propagated = ContextPropagation.capture();
  }

  @Override
  void run() {
    if (!isOpen()) {
      return; // the bridge ended before the loop got here
    }
    EventLoop loop = core.loop;
    if (cancelledBeforeStart != null) {
      fail(new CancelledError(cancelledBeforeStart));
      return;
    }
    if (timeout != null) {
      timer = loop.callLater(timeout, this::expire);
    }
    // This callback exists only to start the task: start it here rather than an iteration later.
    task = loop.startTaskNow(propagated == null ? operation : this::callWithPropagatedState);
    task.register(new Registration(Context.EMPTY) {
      @Override
      boolean runsInline() {
        return true; // wakes the calling thread; runs no user code
      }

      @Override
      void onDone(Future<?> source) {
        settled();
      }

      @Override
      String describe() {
        return "bridge hand-off of " + task;
      }
    });
  }

  private java.util.concurrent.CompletionStage<T> callWithPropagatedState() throws Exception {
    Object[] previous = ContextPropagation.restore(propagated);
    try {
      return operation.call();
    } finally {
      ContextPropagation.reset(previous);
    }
  }

  private void expire() {
    expired = true;
    task.cancel("the bridge call timed out after " + timeout);
    // Bounded: a task that does not settle within the grace is left behind, and said so.
    timer = core.loop.callLater(LoopBridge.CANCEL_GRACE, this::abandon);
  }

  private void abandon() {
    timer = null;
    timedOut(new CancelledError("the operation had not settled " + LoopBridge.CANCEL_GRACE
        + " after its cancellation and may still be running"));
  }

  private void settled() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    Throwable failure = task.takeFailure();
    if (failure == null) {
      succeed(task.valueNow());
    } else if (expired && failure instanceof CancelledError) {
      timedOut(failure);
    } else {
      fail(failure);
    }
  }

  @Override
  void requestCancel(String message) {
    if (task != null) {
      task.cancel(message);
    } else {
      cancelledBeforeStart = message;
    }
  }
}

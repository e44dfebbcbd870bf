package dev.syncopate.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A non-blocking bridge call ({@link LoopBridge#submit}): asyncio's {@code
 * run_coroutine_threadsafe}. The outcome completes a {@link CompletableFuture}; cancelling that
 * future cancels the task.
 *
 * <p><b>Threading:</b> see {@link BridgeCall}; the future is thread-safe.
 */
final class SubmitCall<T> extends TaskCall<T> {
  final CompletableFuture<T> future = new Result();

  SubmitCall(BridgeCore core, AsyncCallable<T> operation, Duration timeout) {
    super(core, ThreadState.get().context, operation, timeout);
  }

  @Override
  void finished() {
    core.leave(this); // registered by BridgeCore.post; blocking calls are found by their thread
    if (operationFailed()) {
      // The original exception as it is: a call site of the loop thread would only mislead.
      future.completeExceptionally(failureOrNull());
      return;
    }
    try {
      future.complete(outcome("LoopBridge.submit"));
    } catch (Throwable failure) {
      future.completeExceptionally(failure);
    }
  }

  /** The caller's future: cancelling it sends a cancellation request to the task. */
  private final class Result extends CompletableFuture<T> {
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        core.cancelFromCaller(SubmitCall.this, "the future returned by LoopBridge.submit was cancelled");
      }
      return cancelled;
    }
  }
}

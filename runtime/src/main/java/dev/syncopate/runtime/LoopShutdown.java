package dev.syncopate.runtime;

import java.util.List;

/**
 * The end of a loop the bridge owns: anyio's {@code stop(cancel_remaining)}. Every pending task
 * is cancelled; the loop runs until they have settled or {@link LoopBridge#CANCEL_GRACE} has
 * passed on the loop's clock; then it closes (which reports tasks that refused to end).
 *
 * <p><b>Threading:</b> on the loop's thread, while the loop is not running.
 */
final class LoopShutdown {
  private LoopShutdown() {}

  static void cancelRemainingAndClose(EventLoop loop) {
    try {
      List<Task<?>> remaining = loop.allTasks();
      if (!remaining.isEmpty()) {
        Future<Void> settled = loop.createFuture();
        int[] left = {remaining.size()};
        for (Task<?> task : remaining) {
          task.cancel("the bridge of event loop '" + loop.name() + "' is shutting down");
          task.register(new Registration(Context.EMPTY) {
            @Override
            void onDone(Future<?> source) {
              Throwable failure = source.takeFailure();
              if (failure != null && !(failure instanceof CancelledError)) {
                loop.callExceptionHandler(new LoopError(
                    "unhandled failure of " + source + " during bridge shutdown", failure, source));
              }
              if (--left[0] == 0 && settled.isPending()) {
                settled.succeed(null);
              }
            }

            @Override
            String describe() {
              return "bridge shutdown wait for " + task;
            }
          });
        }
        TimerHandle grace = loop.callLater(LoopBridge.CANCEL_GRACE, () -> {
          if (settled.isPending()) {
            settled.succeed(null);
          }
        });
        loop.runUntilComplete(settled);
        grace.cancel();
      }
    } catch (RuntimeException failure) {
      loop.callExceptionHandler(new LoopError("bridge shutdown failed", failure, loop));
    } finally {
      if (!loop.isRunning()) {
        loop.close();
      }
    }
  }
}

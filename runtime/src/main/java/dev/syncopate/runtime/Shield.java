package dev.syncopate.runtime;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** asyncio's {@code shield}; see {@link Aio#shield(CompletionStage)}. */
final class Shield {
  private Shield() {}

  static <T> Future<T> shield(CompletionStage<T> stage) {
    java.util.Objects.requireNonNull(stage, "stage");
    Future<T> inner = EventLoop.running().ensureFuture(stage);
    if (inner.isDone()) {
      return inner;
    }
    Future<T> outer = new Future<>(inner.loop);
    Consumer<Future<T>> onInnerDone = done -> {
      if (outer.isDone()) {
        // Both finished in one iteration: the outcome had nowhere to go, but was seen here.
        if (!done.isCancelled()) {
          done.markRetrieved();
        }
        return;
      }
      Throwable failure = done.takeFailure();
      if (failure != null) {
        outer.fail(failure, false);
      } else {
        outer.succeed(done.valueNow());
      }
    };
    inner.addDoneCallback(onInnerDone);
    // Once the outer is done (cancelled by the caller), the inner's later failure stays the
    // inner's own: unretrieved, so the loop reports it instead of it vanishing.
    outer.addDoneCallback(done -> {
      if (!inner.isDone()) {
        inner.removeDoneCallback(onInnerDone);
      }
    });
    return outer;
  }
}

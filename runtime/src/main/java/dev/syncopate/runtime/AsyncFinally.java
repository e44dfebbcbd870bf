package dev.syncopate.runtime;

import java.util.Objects;

/** An async {@code try/finally}; see {@link Aio#tryFinally(AsyncCallable, AsyncCallable)}. */
final class AsyncFinally {
  private AsyncFinally() {}

  static <T, C> Future<T> tryFinally(AsyncCallable<T> body, AsyncCallable<C> cleanup) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(cleanup, "cleanup");
    EventLoop loop = EventLoop.running();
    Future<T> inner = Bodies.start(loop, body, "tryFinally() body");
    // Whatever the body's outcome (a cancellation too), hold it while the cleanup runs.
    Future<Outcome<T>> settled = Stage.map(inner, null, false,
        (value, failure) -> failure == null ? Outcome.success(value) : Outcome.<T>failure(failure));
    return Stage.compose(settled, null, true, (outcome, none) -> {
      Future<?> cleaning = Bodies.start(loop, cleanup, "tryFinally() cleanup");
      return Stage.map(cleaning, null, false, (ignored, cleanupFailure) -> {
        Throwable original = outcome.failure();
        if (cleanupFailure != null) {
          // As a Java finally block: the cleanup's failure wins; the original rides along.
          if (original != null && original != cleanupFailure) {
            cleanupFailure.addSuppressed(original);
          }
          throw cleanupFailure;
        }
        return outcome.getOrThrow();
      });
    });
  }
}

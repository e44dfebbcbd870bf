package dev.syncopate.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The thread-safe {@link CompletableFuture} that follows a {@link Future}; see {@link
 * Future#toCompletableFuture()}.
 *
 * <p>Only the source's loop completes it. Every public way to complete it from outside throws,
 * because completing the view would let it disagree with its source.
 */
final class FutureView<T> extends CompletableFuture<T> {
  private static final String READ_ONLY =
      "this CompletableFuture follows a Syncopate Future and completes only when the Future does;"
          + " complete the Future itself on its loop (setResult/setException), or cancel() this view";

  private final Future<T> followed;

  FutureView(Future<T> source) {
    this.followed = source;
  }

  Registration registration() {
    return new Registration(Context.EMPTY) {
      @Override
      void onDone(Future<?> done) {
        Throwable failure = followed.takeFailure();
        if (failure == null) {
          FutureView.super.complete(followed.valueNow());
        } else {
          FutureView.super.completeExceptionally(failure);
        }
      }

      @Override
      String describe() {
        return "toCompletableFuture view of " + followed;
      }
    };
  }

  /**
   * Cancels this view at once and asks the source's loop to cancel the source.
   *
   * @return whether this view was cancelled by this call
   */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      EventLoop loop = followed.loop();
      Runnable request = () -> followed.cancel("cancelled through its CompletableFuture view");
      if (loop.inLoopThread()) {
        request.run();
      } else if (!loop.isClosed()) {
        try {
          loop.callSoonThreadSafe(request);
        } catch (LoopClosedException closedMeanwhile) {
          // The loop closed after the check: its source can no longer change; nothing to cancel.
        }
      }
    }
    return cancelled;
  }

  @Override
  public boolean complete(T value) {
    throw new UnsupportedOperationException(READ_ONLY);
  }

  @Override
  public boolean completeExceptionally(Throwable failure) {
    throw new UnsupportedOperationException(READ_ONLY);
  }

  @Override
  public void obtrudeValue(T value) {
    throw new UnsupportedOperationException(READ_ONLY);
  }

  @Override
  public void obtrudeException(Throwable failure) {
    throw new UnsupportedOperationException(READ_ONLY);
  }

  @Override
  public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
    throw new UnsupportedOperationException(READ_ONLY);
  }

  @Override
  public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier) {
    throw new UnsupportedOperationException(READ_ONLY);
  }

  @Override
  public CompletableFuture<T> completeOnTimeout(T value, long timeout, TimeUnit unit) {
    throw new UnsupportedOperationException(READ_ONLY);
  }

  @Override
  public CompletableFuture<T> orTimeout(long timeout, TimeUnit unit) {
    throw new UnsupportedOperationException(READ_ONLY);
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }
}

package dev.syncopate.runtime;

/**
 * A callback scheduled on an {@link EventLoop}: asyncio's {@code Handle}.
 *
 * <p>The loop runs the callback in the {@link Context} that was current when it was scheduled. A
 * cancelled handle is skipped when its turn comes.
 *
 * <p><b>Threading:</b> loop-confined. {@link #cancel()} on a handle returned by {@link
 * EventLoop#callSoonThreadSafe(Runnable)} must itself be called on the loop thread; from other
 * threads, cancel through {@code loop.callSoonThreadSafe(handle::cancel)}.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-eventloop.html#callback-handles">asyncio
 *     callback handles</a>
 */
@LoopConfined
public abstract class Handle {
  /** The context the callback runs in. */
  final Context context;

  private boolean cancelled;

  Handle(Context context) {
    this.context = context;
  }

  /** Runs the callback; the loop has already entered {@link #context}. */
  abstract void invoke();

  /** Names the callback in warnings and error reports. */
  abstract String describe();

  /**
   * Cancels the callback if it has not run yet; cancelling twice, or after it ran, does nothing.
   */
  public void cancel() {
    cancelled = true;
  }

  /** Returns whether {@link #cancel()} was called. */
  public boolean cancelled() {
    return cancelled;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + describe() + (cancelled ? ", cancelled" : "") + "]";
  }
}

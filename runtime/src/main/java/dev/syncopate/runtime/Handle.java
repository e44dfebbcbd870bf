package dev.syncopate.runtime;

/**
 * A callback scheduled on an {@link EventLoop}: asyncio's {@code Handle}.
 *
 * <p>The loop runs the callback in the {@link Context} that was current when it was scheduled. A
 * cancelled handle is skipped when its turn comes.
 *
 * <p><b>Threading:</b> {@link #cancel()} and {@link #cancelled()} of a callback handle ({@link
 * EventLoop#callSoon}, {@link EventLoop#callSoonThreadSafe}) are thread-safe: a cancel from
 * another thread takes effect if the loop has not yet started the callback (the loop checks the
 * flag just before it runs it; a callback already running is not stopped). A {@link TimerHandle}'s
 * cancel is loop-confined, because it removes the timer from the loop's heap.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-eventloop.html#callback-handles">asyncio
 *     callback handles</a>
 */
public abstract class Handle {
  /** The context the callback runs in. */
  final Context context;

  /** Volatile: a callback handle may be cancelled from any thread (see the class comment). */
  private volatile boolean cancelled;

  Handle(Context context) {
    this.context = context;
  }

  /** Runs the callback; the loop has already entered {@link #context}. */
  abstract void invoke();

  /** Names the callback in warnings and error reports. */
  abstract String describe();

  /**
   * Cancels the callback if it has not run yet; cancelling twice, or after it ran, does nothing.
   * Thread-safe for a callback handle; see the class comment.
   */
  public void cancel() {
    cancelled = true;
  }

  /** Returns whether {@link #cancel()} was called. */
  @ThreadSafe
  public boolean cancelled() {
    return cancelled;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + describe() + (cancelled ? ", cancelled" : "") + "]";
  }
}

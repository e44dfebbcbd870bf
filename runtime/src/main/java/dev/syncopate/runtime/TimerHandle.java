package dev.syncopate.runtime;

/**
 * A callback scheduled for a point in loop time: asyncio's {@code TimerHandle}.
 *
 * <p>Timers fire in deadline order; timers with equal deadlines fire in the order they were
 * scheduled (asyncio leaves that order undefined; Syncopate guarantees FIFO). {@link #cancel()}
 * removes the timer from the loop at once, so cancelled timers hold no memory.
 *
 * <p><b>Threading:</b> loop-confined, unlike a plain callback {@link Handle}: cancelling a timer
 * edits the loop's timer heap, so {@link #cancel()} must run on the loop thread.
 */
@LoopConfined
public final class TimerHandle extends Handle {
  private final EventLoop loop;
  private final Runnable callback;
  private final String origin;
  final long deadline;
  final long sequence;

  /** Position in the loop's timer heap, or -1 when not in it. */
  int heapIndex = -1;

  TimerHandle(
      EventLoop loop, Context context, long deadline, long sequence, Runnable callback, String origin) {
    super(context);
    this.loop = loop;
    this.deadline = deadline;
    this.sequence = sequence;
    this.callback = callback;
    this.origin = origin;
  }

  /** Returns the loop time, in nanoseconds of {@link EventLoop#time()}, at which it fires. */
  public long when() {
    return deadline;
  }

  /**
   * Cancels the timer and removes it from the loop; does nothing if it fired or was cancelled.
   *
   * @throws WrongThreadException if called from a thread other than the loop's
   */
  @Override
  public void cancel() {
    loop.checkThread(this, "cancel", "loop.callSoonThreadSafe(handle::cancel)");
    if (!cancelled()) {
      super.cancel();
      loop.removeTimer(this);
    }
  }

  @Override
  void invoke() {
    callback.run();
  }

  @Override
  String describe() {
    return Callbacks.describe(callback, origin) + ", when=" + deadline;
  }
}

package dev.syncopate.runtime;

/**
 * What the runtime knows about one thread: the loop it runs, the context and task it is in, and
 * the bridge call it is blocked in.
 *
 * <p>One thread-local lookup finds them all. The loop caches its own thread's state, so running
 * a callback only writes two fields.
 */
final class ThreadState {
  private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::new);

  /** The loop this thread is running, or null. */
  EventLoop loop;

  /** The current context; never null. */
  Context context = Context.EMPTY;

  /** The task whose code this thread is running, or null. */
  Task<?> task;

  /**
   * The bridge call this thread is blocked in, or null: written by this thread around the wait,
   * read by a bridge's end from any thread (see {@link BlockedCallers}).
   */
  volatile BridgeCall<?> blockedIn;

  /** Whether {@link BlockedCallers#ALL} knows this thread; read and written by this thread only. */
  boolean registeredAsCaller;

  static ThreadState get() {
    return CURRENT.get();
  }
}

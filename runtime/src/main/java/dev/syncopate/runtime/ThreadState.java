package dev.syncopate.runtime;

/**
 * What the runtime knows about one thread: the loop it runs, the context and task it is in, where
 * a context variable's token may be reset, and the bridge call it is blocked in.
 *
 * <p>One thread-local lookup finds them all. The loop caches its own thread's state, so running
 * a callback only writes a few fields.
 *
 * <p><b>Threading:</b> confined to its thread, but for {@link #blockedIn}.
 */
final class ThreadState {
  private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::new);

  /** The loop this thread is running, or null. */
  EventLoop loop;

  /** The current context; never null. */
  Context context = Context.EMPTY;

  /** The task whose code this thread is running, or null. */
  Task<?> task;

  /** The {@link Context#run} in progress on this thread (a marker per run), or null. */
  Object runScope;

  /** The callback the loop is running on this thread, or this state itself outside callbacks. */
  Object callbackScope = this;

  /** The thread this state belongs to, for messages. */
  final Thread thread = Thread.currentThread();

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

  /**
   * Where a {@link ContextVar.Token} made now belongs, which is where it may be reset: asyncio's
   * "the same {@code Context}". The innermost of: the {@link Context#run} in progress, the running
   * task (all its steps and continuations share it), the callback the loop is running, the thread.
   */
  Object tokenScope() {
    return runScope != null ? runScope : task != null ? task : callbackScope;
  }

  /** Describes a {@link #tokenScope()} for messages. */
  static String describeScope(Object scope) {
    if (scope instanceof Task<?> owner) {
      return "task '" + owner.name() + "'";
    }
    if (scope instanceof Handle callback) {
      return "the loop callback " + callback.describe();
    }
    if (scope instanceof IoHandler) {
      return "an I/O readiness callback";
    }
    if (scope instanceof ThreadState state) {
      return "thread '" + state.thread.getName() + "' outside any callback";
    }
    return "a Context.run";
  }
}

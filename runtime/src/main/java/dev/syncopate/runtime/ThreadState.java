package dev.syncopate.runtime;

/**
 * What the runtime knows about one thread: the loop it runs, the context and task it is in.
 *
 * <p>One thread-local lookup finds all three. The loop caches its own thread's state, so running
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

  static ThreadState get() {
    return CURRENT.get();
  }
}

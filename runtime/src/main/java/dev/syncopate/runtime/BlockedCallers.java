package dev.syncopate.runtime;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every thread that has blocked in a bridge call, so that a bridge's end can find and release
 * the callers blocked on it, at the cost of two writes to a field of the caller's own per call.
 *
 * <p>A thread blocks in at most one bridge call at a time, whatever the bridge, so the call it
 * is blocked in is one field of its {@link ThreadState} ({@link ThreadState#blockedIn}), which
 * the caller already looked up; the thread registers here once, on its first blocking call. A
 * call shows itself in that field before it checks whether its bridge has ended, and the caller
 * clears the field when it resumes. No shared structure is written per call, and the loop thread
 * touches none (a concurrent set of calls, added to by the caller and removed from by the loop,
 * cost 12% of the callers' time and a fifth of the loop's with 64 callers; a thread-local slot
 * per bridge cost the callers a second thread-local lookup per call). A bridge's end looks at
 * every registered thread and takes the calls on its own bridge: ending is rare, calls are not.
 * The registry holds a thread's state weakly: once the thread has died and the garbage collector
 * has cleared its state, the entry is dropped lazily, by the next registration's sweep; until
 * then it shows no call.
 *
 * <p>Release ordering: the caller writes {@code blockedIn} (volatile) and then reads the bridge's
 * ended state; the ending writes that state and then reads the threads' fields. One of the two
 * sees the other: either the caller fails at once, or the ending finds its call. A field may
 * still show a call that has just completed; releasing it again does nothing (a call completes
 * once). A caller that gave up (interrupted, and its call not settled within the grace) clears
 * its field: the call is then no longer released or cancelled by the bridge's end, which no
 * caller waits for.
 *
 * <p><b>Threading:</b> thread-safe; {@link #register} is called by the registering thread itself.
 */
final class BlockedCallers {
  /** The registry the bridges use. */
  static final BlockedCallers ALL = new BlockedCallers();

  private static final class Registered extends WeakReference<ThreadState> {
    Registered(ThreadState state, ReferenceQueue<ThreadState> queue) {
      super(state, queue);
    }
  }

  private final Set<Registered> threads = ConcurrentHashMap.newKeySet();
  private final ReferenceQueue<ThreadState> collected = new ReferenceQueue<>();

  /** Registers the calling thread's {@code state}, once; drops threads that have been collected. */
  void register(ThreadState state) {
    Reference<? extends ThreadState> dead;
    while ((dead = collected.poll()) != null) {
      threads.remove(dead);
    }
    threads.add(new Registered(state, collected));
    state.registeredAsCaller = true;
  }

  /** Adds every call on {@code core} that a registered thread is blocked in to {@code into}. */
  void collectCalls(BridgeCore core, List<? super BridgeCall<?>> into) {
    for (Registered registered : threads) {
      ThreadState state = registered.get();
      BridgeCall<?> call = state == null ? null : state.blockedIn;
      if (call != null && call.core == core) {
        into.add(call);
      }
    }
  }

  /** How many threads are registered (dead ones included until collected and swept); for tests. */
  int registeredThreads() {
    return threads.size();
  }
}

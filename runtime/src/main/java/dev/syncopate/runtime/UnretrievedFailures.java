package dev.syncopate.runtime;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Failures that no consumer has retrieved yet: asyncio's "exception was never retrieved".
 *
 * <p>The loop holds each failed future only weakly: a failure is reported when its future is
 * garbage-collected unretrieved (asyncio reports from {@code __del__}), and every failure still
 * unretrieved is reported when the loop closes.
 */
final class UnretrievedFailures {
  private final ReferenceQueue<Future<?>> collected = new ReferenceQueue<>();
  private final Set<Entry> live = new HashSet<>();

  Entry track(Future<?> future, Throwable failure) {
    Entry entry = new Entry(future, failure, collected);
    live.add(entry);
    return entry;
  }

  void retrieved(Entry entry) {
    live.remove(entry);
    entry.clear();
  }

  /** Reports the failures whose futures were collected without being retrieved. */
  void reportCollected(EventLoop loop) {
    if (live.isEmpty()) {
      return;
    }
    Object reference;
    while ((reference = collected.poll()) != null) {
      Entry entry = (Entry) reference;
      if (live.remove(entry)) {
        entry.report(loop);
      }
    }
  }

  /** Reports every failure still unretrieved; the loop is closing. */
  void reportAll(EventLoop loop) {
    List<Entry> remaining = new ArrayList<>(live);
    live.clear();
    for (Entry entry : remaining) {
      entry.clear();
      entry.report(loop);
    }
  }

  static final class Entry extends WeakReference<Future<?>> {
    private final Throwable failure;
    private final String description;

    Entry(Future<?> future, Throwable failure, ReferenceQueue<Future<?>> queue) {
      super(future, queue);
      this.failure = failure;
      this.description = future.toString();
    }

    void report(EventLoop loop) {
      loop.callExceptionHandler(
          new LoopError(
              "failure was never retrieved from " + description
                  + "; consume it (exceptionally, handle, whenComplete) or await the future",
              failure,
              description));
    }
  }
}

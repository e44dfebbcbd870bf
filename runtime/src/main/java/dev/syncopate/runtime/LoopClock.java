package dev.syncopate.runtime;

/**
 * The source of an event loop's time, in nanoseconds from an arbitrary origin.
 *
 * <p>The default is {@link #system()}. Tests inject a {@link VirtualClock}, which the loop moves
 * forward to the next timer whenever it has nothing else to do.
 *
 * <p><b>Threading:</b> implementations must be thread-safe; the loop reads the clock on its own
 * thread, and {@link EventLoop#time()} may be read from any thread.
 */
@ThreadSafe
@FunctionalInterface
public interface LoopClock {
  /** Returns the current time in nanoseconds; differences between readings are what count. */
  long nanoTime();

  /** Returns the monotonic system clock ({@link System#nanoTime()}). */
  static LoopClock system() {
    return System::nanoTime;
  }
}

package dev.syncopate.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * A clock that moves only when told to, or when its loop is idle: trio's {@code MockClock} with
 * auto-jump, asyncio's {@code TestLoop}.
 *
 * <p>When the loop that uses it has no ready callback and no pending thread-safe submission, it
 * first waits for I/O for at most the {@linkplain #autoJumpThreshold() auto-jump threshold} of
 * real time (zero by default), then jumps this clock straight to the next timer's deadline. A
 * thirty-second timeout therefore fires in microseconds, deterministically. With no timer
 * pending, the loop blocks for thread-safe submissions as usual.
 *
 * <p>A positive threshold suits tests that mix virtual timers with real I/O: the loop jumps only
 * after real I/O has been quiet for that long.
 *
 * <p><b>Threading:</b> thread-safe.
 */
@ThreadSafe
public final class VirtualClock implements LoopClock {
  private volatile long now;
  private final Duration autoJumpThreshold;

  /** Creates a clock at time zero that jumps as soon as its loop is idle. */
  public VirtualClock() {
    this(Duration.ZERO);
  }

  /**
   * Creates a clock at time zero that jumps once its loop has been idle for {@code threshold} of
   * real time.
   *
   * @param autoJumpThreshold how long real I/O must be quiet before time jumps
   * @throws IllegalArgumentException if the threshold is negative
   */
  public VirtualClock(Duration autoJumpThreshold) {
    Objects.requireNonNull(autoJumpThreshold, "autoJumpThreshold");
    if (autoJumpThreshold.isNegative()) {
      throw new IllegalArgumentException(
          "auto-jump threshold must not be negative, got " + autoJumpThreshold);
    }
    this.autoJumpThreshold = autoJumpThreshold;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  /** Returns how long real I/O must be quiet before the loop jumps this clock. */
  public Duration autoJumpThreshold() {
    return autoJumpThreshold;
  }

  /**
   * Moves the clock forward; timers that come due fire in the loop's next iteration.
   *
   * @param amount how far to move
   * @throws IllegalArgumentException if {@code amount} is negative: time never goes back
   */
  public synchronized void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a clock never goes back; got " + amount);
    }
    now += amount.toNanos();
  }

  /** Moves the clock to {@code deadline} if that is later than now. */
  synchronized void jumpTo(long deadline) {
    if (deadline - now > 0) {
      now = deadline;
    }
  }

  @Override
  public String toString() {
    return "VirtualClock[" + Duration.ofNanos(now) + "]";
  }
}

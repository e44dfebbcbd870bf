package dev.syncopate.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * A one-shot hand-off of an outcome to one waiting thread: spin briefly (see {@link SpinPolicy}),
 * then park. No monitor is held while waiting, so virtual threads never pin their carrier.
 *
 * <p>States: {@code PENDING -> CLAIMED -> DONE}. Whoever wins the claim writes the outcome, then
 * publishes {@code DONE} and unparks the waiter; the waiter announces itself before its last check,
 * so a wake-up is never lost.
 *
 * <p><b>Threading:</b> thread-safe; one waiter at a time.
 */
abstract class Handoff extends Handle {
  static final int DONE = 0;
  static final int INTERRUPTED = 1;
  static final int TIMED_OUT = 2;

  private static final int PENDING = 0;
  private static final int CLAIMED = 1;
  private static final int FINISHED = 2;
  private static final java.lang.invoke.VarHandle STATE;

  static {
    try {
      STATE = java.lang.invoke.MethodHandles.lookup()
          .findVarHandle(Handoff.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final SpinPolicy CALLERS = new SpinPolicy(256);

  private volatile int state;
  private volatile Thread waiter;

  /**
   * @param context the context the loop runs this object in when it is posted as a handle (a
   *     bridge call is its own handle)
   */
  Handoff(Context context) {
    super(context);
  }

  /** Claims the right to complete; the winner must then call {@link #publish()}. */
  final boolean claim() {
    return STATE.compareAndSet(this, PENDING, CLAIMED);
  }

  /** Makes the outcome written after {@link #claim()} visible and wakes the waiter. */
  final void publish() {
    state = FINISHED;
    Thread parked = waiter;
    if (parked != null) {
      LockSupport.unpark(parked);
    }
    finished();
  }

  /**
   * Whether the waiter should spin before it parks (see {@link SpinPolicy#worthSpinning(int)});
   * by default it should.
   */
  boolean worthSpinning() {
    return true;
  }

  /** Called once after the outcome is published, on the completing thread. */
  void finished() {}

  final boolean isFinished() {
    return state == FINISHED;
  }

  /** Returns whether nobody has claimed the completion yet. */
  final boolean isOpen() {
    return state == PENDING;
  }

  /**
   * Waits for the outcome.
   *
   * @param timeoutNanos the longest wait, or a negative number for no limit
   * @param interruptible whether an interrupt ends the wait (it is then consumed: the caller
   *     restores it); otherwise interrupts are remembered and re-asserted on return
   * @return {@link #DONE}, {@link #INTERRUPTED} or {@link #TIMED_OUT}
   */
  final int await(long timeoutNanos, boolean interruptible) {
    if (state == FINISHED) {
      return DONE;
    }
    if (worthSpinning() && CALLERS.spinUntil(this::isFinished)) {
      return DONE;
    }
    return park(timeoutNanos, interruptible);
  }

  private int park(long timeoutNanos, boolean interruptible) {
    long deadline = timeoutNanos >= 0 ? System.nanoTime() + timeoutNanos : 0L;
    boolean swallowed = false;
    waiter = Thread.currentThread();
    try {
      while (state != FINISHED) {
        if (Thread.interrupted()) {
          if (interruptible) {
            return INTERRUPTED;
          }
          swallowed = true;
        }
        if (timeoutNanos < 0) {
          LockSupport.park(this);
        } else {
          long remaining = deadline - System.nanoTime();
          if (remaining <= 0) {
            return TIMED_OUT;
          }
          LockSupport.parkNanos(this, remaining);
        }
      }
      return DONE;
    } finally {
      waiter = null;
      if (swallowed) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

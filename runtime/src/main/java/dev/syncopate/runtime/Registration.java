package dev.syncopate.runtime;

/**
 * Something waiting for a future to complete. When it does, the registration itself is queued on
 * the loop's ready queue, so one object serves as list node and ready-queue entry.
 */
abstract class Registration extends Handle {
  /** Next registration on the same future. */
  Registration next;

  /** The future that completed; set when the registration is queued. */
  Future<?> source;

  Registration(Context context) {
    super(context);
  }

  @Override
  final void invoke() {
    onDone(source);
  }

  /**
   * Whether this registration reacts inside the call that completes its future instead of through
   * the ready queue. Only for runtime listeners that run no user code and schedule nothing on
   * this loop, such as waking a thread blocked in the bridge: user code always goes through the
   * ready queue.
   */
  boolean runsInline() {
    return false;
  }

  /** Reacts to {@code source} having completed; runs on the loop in {@link #context}. */
  abstract void onDone(Future<?> source);
}

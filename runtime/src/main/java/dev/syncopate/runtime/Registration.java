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

  /** Reacts to {@code source} having completed; runs on the loop in {@link #context}. */
  abstract void onDone(Future<?> source);
}

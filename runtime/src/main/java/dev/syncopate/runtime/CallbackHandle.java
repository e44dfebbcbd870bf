package dev.syncopate.runtime;

/** A handle that runs a plain {@link Runnable}: what {@code callSoon} schedules. */
class CallbackHandle extends Handle {
  private final Runnable callback;

  CallbackHandle(Context context, Runnable callback) {
    super(context);
    this.callback = callback;
  }

  /**
   * Creates the handle; {@code origin} (where it was scheduled, in debug mode) gets a subclass, so
   * the common handle has no field for it: 24 bytes instead of 32 (see docs/performance.md).
   */
  static CallbackHandle of(Context context, Runnable callback, String origin) {
    return origin == null ? new CallbackHandle(context, callback) : new Traced(context, callback, origin);
  }

  /** Where the callback was scheduled from, in debug mode; otherwise null. */
  String origin() {
    return null;
  }

  @Override
  final void invoke() {
    callback.run();
  }

  @Override
  final String describe() {
    return Callbacks.describe(callback, origin());
  }

  /** A handle created in debug mode, which remembers where it was scheduled. */
  private static final class Traced extends CallbackHandle {
    private final String origin;

    Traced(Context context, Runnable callback, String origin) {
      super(context, callback);
      this.origin = origin;
    }

    @Override
    String origin() {
      return origin;
    }
  }
}

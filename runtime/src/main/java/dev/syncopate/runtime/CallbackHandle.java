package dev.syncopate.runtime;

/** A handle that runs a plain {@link Runnable}: what {@code callSoon} schedules. */
final class CallbackHandle extends Handle {
  private final Runnable callback;

  /** Where the callback was scheduled from, in debug mode; otherwise null. */
  private final String origin;

  CallbackHandle(Context context, Runnable callback, String origin) {
    super(context);
    this.callback = callback;
    this.origin = origin;
  }

  @Override
  void invoke() {
    callback.run();
  }

  @Override
  String describe() {
    return Callbacks.describe(callback, origin);
  }
}

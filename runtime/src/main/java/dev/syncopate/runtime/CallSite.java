package dev.syncopate.runtime;

/**
 * The call-site marker of the bridge: the operation's original exception is rethrown as it is
 * (same instance, same type, checked or not) with one of these attached as a suppressed exception,
 * whose stack trace is the blocked caller's. A stack trace print thus shows where the failure
 * happened on the loop and, under "Suppressed:", where the blocking call was made.
 *
 * <p>Why not re-create the exception with the original as cause (as the JDK's HttpClient does)?
 * That needs a reflective constructor lookup that fails for many types and changes the instance
 * that {@code catch} blocks and identity checks see. The marker keeps the type and instance exact.
 *
 * <p><b>Threading:</b> made and attached on the caller's thread.
 */
final class CallSite extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private CallSite(String message) {
    super(message);
  }

  /** Attaches the calling thread's call site to {@code failure} and throws it unchanged. */
  static RuntimeException rethrow(Throwable failure, String what) {
    failure.addSuppressed(new CallSite(
        what + " was called here, on thread '" + Thread.currentThread().getName()
            + "'; the exception above was thrown by the operation on the event loop"));
    throw Throwables.sneakyThrow(failure);
  }
}

package dev.syncopate.runtime;

import java.time.Duration;

/**
 * One call through a {@link LoopBridge}: posted to the loop as a callback ({@link #run()}), it
 * starts the work there; its outcome travels back through the {@link Handoff}.
 *
 * <p>The outcome is one of: a value, the operation's failure, a timeout (with the cancellation
 * as cause) or the loop's end (with the reason as cause). The exception the caller sees is made
 * on the caller's thread by {@link #outcome(String)}, so its own call site is visible.
 *
 * <p><b>Threading:</b> {@link #run()} and {@link #requestCancel(String)} run on the loop thread;
 * completion may come from any thread (the loop, or whoever ends the bridge); the outcome is read
 * by the caller after the hand-off.
 */
abstract class BridgeCall<T> extends Handoff implements BridgeCore.Releasable {
  private enum Kind {
    VALUE,
    FAILURE,
    TIMEOUT,
    CLOSED
  }

  final BridgeCore core;
  final Duration timeout;
  private Kind kind;
  private T value;
  private Throwable failure;

  /**
   * @param context the caller's context, which the call runs in
   */
  BridgeCall(BridgeCore core, Context context, Duration timeout) {
    super(context);
    this.core = core;
    this.timeout = timeout;
  }

  /** Starts the work; runs on the loop thread. */
  abstract void run();

  /** The call is its own handle on the loop's queue (one object less per call): it starts. */
  @Override
  final void invoke() {
    run();
  }

  @Override
  final String describe() {
    return "the start of a bridge call (" + getClass().getSimpleName() + ")";
  }

  /** Cancels the work if it can still be cancelled; runs on the loop thread. */
  abstract void requestCancel(String message);

  final void succeed(T result) {
    complete(Kind.VALUE, result, null);
  }

  final void fail(Throwable cause) {
    complete(Kind.FAILURE, null, cause);
  }

  final void timedOut(Throwable cancellation) {
    complete(Kind.TIMEOUT, null, cancellation);
  }

  @Override
  public final void loopGone(Throwable cause) {
    complete(Kind.CLOSED, null, cause);
  }

  private void complete(Kind outcomeKind, T result, Throwable cause) {
    if (claim()) {
      kind = outcomeKind;
      value = result;
      failure = cause;
      publish();
    }
  }

  /** Spins only while few callers wait for the loop; see {@link Inbox#worthSpinning()}. */
  @Override
  final boolean worthSpinning() {
    return core.loop.inbox().worthSpinning();
  }

  /** Whether the operation itself failed (not a timeout or the loop's end). */
  final boolean operationFailed() {
    return kind == Kind.FAILURE;
  }

  /** The failure after completion, or null for a value; for the interrupt path. */
  final Throwable failureOrNull() {
    return failure;
  }

  /**
   * Returns the value or throws the outcome as seen by the caller; call after the hand-off.
   *
   * @param what the call, for messages (for example {@code "LoopBridge.call"})
   */
  final T outcome(String what) {
    switch (kind) {
      case VALUE:
        return value;
      case FAILURE:
        throw CallSite.rethrow(failure, what);
      case TIMEOUT:
        throw new TimeoutError(
            what + " timed out after " + timeout + " on event loop '" + core.loop.name()
                + "'; the operation was cancelled (the cause tells how that ended)",
            failure);
      default:
        throw core.closedException(what, failure);
    }
  }
}

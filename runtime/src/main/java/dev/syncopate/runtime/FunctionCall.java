package dev.syncopate.runtime;

import java.util.concurrent.Callable;

/**
 * A bridge call of a plain function on the loop thread ({@link LoopBridge#invoke}). It runs as
 * one callback; once started it cannot be cancelled, only waited for.
 *
 * <p><b>Threading:</b> see {@link BridgeCall}.
 */
final class FunctionCall<T> extends BridgeCall<T> {
  private final Callable<T> function;
  private final Object[] propagated;

  FunctionCall(BridgeCore core, Context context, Callable<T> function) {
    super(core, context, null);
    this.function = function;
    this.propagated = ContextPropagation.capture();
  }

  @Override
  void run() {
    if (!isOpen()) {
      return;
    }
    Object[] previous = ContextPropagation.restore(propagated);
    try {
      succeed(function.call());
    } catch (Throwable failure) {
      fail(failure);
    } finally {
      ContextPropagation.reset(previous);
    }
  }

  @Override
  void requestCancel(String message) {
    // Callbacks from one thread run in order, so the function has already run: nothing to stop.
  }
}

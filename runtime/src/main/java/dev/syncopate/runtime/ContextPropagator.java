package dev.syncopate.runtime;

/**
 * Carries thread-bound state (SLF4J's MDC, OpenTelemetry's context, your own {@link
 * ThreadLocal}s) across the bridge's thread hops, which {@link ContextVar}s cross on their own.
 *
 * <p>The runtime calls {@link #capture()} on the thread that hands work over (a thread calling
 * {@link LoopBridge#call}, or the loop thread calling {@link Aio#toThread}); then, on the thread
 * that runs the work, {@link #restore(Object)} before and {@link #reset(Object)} after it. On the
 * loop, the restored values cover the synchronous start of the operation (its body up to the
 * stage it returns), because the loop thread interleaves many tasks; inside tasks, keep request
 * state in {@link ContextVar}s, which follow every continuation. For {@code toThread} work they
 * cover the whole function.
 *
 * <p>Register propagators with {@link ContextPropagation#register(ContextPropagator)}, or list
 * their classes in {@code META-INF/services/dev.syncopate.runtime.ContextPropagator} (loaded once,
 * with the runtime's class loader).
 *
 * <p><b>Threading:</b> implementations must be thread-safe; each method runs on the thread named
 * above and must not block. An exception from a propagator is reported to the loop's exception
 * handler when there is one (else the platform logger) and the work runs without that state.
 */
public interface ContextPropagator {
  /**
   * Captures the calling thread's state.
   *
   * @return an immutable snapshot, may be null
   */
  Object capture();

  /**
   * Installs a snapshot on the calling thread.
   *
   * @param captured what {@link #capture()} returned
   * @return what {@link #reset(Object)} needs to put the thread back as it was; may be null
   */
  Object restore(Object captured);

  /**
   * Puts the calling thread back as it was before {@link #restore(Object)}.
   *
   * @param previous what {@code restore} returned
   */
  void reset(Object previous);
}

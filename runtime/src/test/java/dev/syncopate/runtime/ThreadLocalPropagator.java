package dev.syncopate.runtime;

/** A user propagator for a plain ThreadLocal, as one would write for SLF4J's MDC; for tests. */
class ThreadLocalPropagator implements ContextPropagator {
  private final ThreadLocal<String> local;

  ThreadLocalPropagator(ThreadLocal<String> local) {
    this.local = local;
  }

  @Override
  public Object capture() {
    return local.get();
  }

  @Override
  public Object restore(Object captured) {
    String previous = local.get();
    local.set((String) captured);
    return previous;
  }

  @Override
  public void reset(Object previous) {
    local.set((String) previous);
  }
}

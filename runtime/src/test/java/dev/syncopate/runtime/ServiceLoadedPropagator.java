package dev.syncopate.runtime;

/** A propagator found through ServiceLoader (see META-INF/services in the test resources). */
public final class ServiceLoadedPropagator implements ContextPropagator {
  static final ThreadLocal<String> TENANT = new ThreadLocal<>();

  @Override
  public Object capture() {
    return TENANT.get();
  }

  @Override
  public Object restore(Object captured) {
    String previous = TENANT.get();
    TENANT.set((String) captured);
    return previous;
  }

  @Override
  public void reset(Object previous) {
    TENANT.set((String) previous);
  }
}

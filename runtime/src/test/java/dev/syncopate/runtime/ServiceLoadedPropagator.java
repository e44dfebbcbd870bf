package dev.syncopate.runtime;

/** A propagator found through ServiceLoader (see META-INF/services in the test resources). */
public final class ServiceLoadedPropagator extends ThreadLocalPropagator {
  static final ThreadLocal<String> TENANT = new ThreadLocal<>();

  /** The constructor ServiceLoader calls. */
  public ServiceLoadedPropagator() {
    super(TENANT);
  }
}

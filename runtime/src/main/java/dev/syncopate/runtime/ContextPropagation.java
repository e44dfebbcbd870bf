package dev.syncopate.runtime;

import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of {@link ContextPropagator}s: programmatic registrations plus those found once by
 * {@link ServiceLoader}.
 *
 * <p><b>Threading:</b> thread-safe; a registration affects hand-offs that start after it.
 */
@ThreadSafe
public final class ContextPropagation {
  private static final CopyOnWriteArrayList<ContextPropagator> PROPAGATORS =
      new CopyOnWriteArrayList<>(ServiceLoader.load(ContextPropagator.class,
          ContextPropagation.class.getClassLoader()).stream().map(ServiceLoader.Provider::get)
          .toList());

  private ContextPropagation() {}

  /**
   * Registers {@code propagator}; registering it twice has no further effect.
   *
   * @param propagator the propagator
   * @return a handle whose {@code close()} unregisters it
   * @throws NullPointerException if {@code propagator} is null
   */
  public static AutoCloseableRegistration register(ContextPropagator propagator) {
    Objects.requireNonNull(propagator, "propagator");
    PROPAGATORS.addIfAbsent(propagator);
    return () -> PROPAGATORS.remove(propagator);
  }

  /** Returns the registered propagators, in registration order (service-loaded ones first). */
  public static List<ContextPropagator> registered() {
    return List.copyOf(PROPAGATORS);
  }

  /** An {@link AutoCloseable} without a checked exception: closing it unregisters. */
  @FunctionalInterface
  public interface AutoCloseableRegistration extends AutoCloseable {
    /** Unregisters the propagator; closing twice does nothing. */
    @Override
    void close();
  }

  /** Captures every propagator's state on the calling thread; null when none is registered. */
  static Object[] capture() {
    if (PROPAGATORS.isEmpty()) {
      return null; // the common case; toArray() would copy even an empty list, on every call
    }
    Object[] registered = PROPAGATORS.toArray();
    if (registered.length == 0) {
      return null;
    }
    Object[] snapshot = new Object[registered.length * 2];
    for (int i = 0; i < registered.length; i++) {
      ContextPropagator propagator = (ContextPropagator) registered[i];
      snapshot[2 * i] = propagator;
      try {
        snapshot[2 * i + 1] = propagator.capture();
      } catch (RuntimeException failure) {
        snapshot[2 * i] = null;
        report(propagator, "capture", failure);
      }
    }
    return snapshot;
  }

  /** Installs a snapshot; returns what {@link #reset(Object[])} needs. */
  static Object[] restore(Object[] snapshot) {
    if (snapshot == null) {
      return null;
    }
    Object[] previous = new Object[snapshot.length];
    for (int i = 0; i < snapshot.length; i += 2) {
      ContextPropagator propagator = (ContextPropagator) snapshot[i];
      if (propagator == null) {
        continue;
      }
      try {
        previous[i + 1] = propagator.restore(snapshot[i + 1]);
        previous[i] = propagator;
      } catch (RuntimeException failure) {
        report(propagator, "restore", failure);
      }
    }
    return previous;
  }

  /** Undoes {@link #restore(Object[])}, in reverse order. */
  static void reset(Object[] previous) {
    if (previous == null) {
      return;
    }
    for (int i = previous.length - 2; i >= 0; i -= 2) {
      ContextPropagator propagator = (ContextPropagator) previous[i];
      if (propagator == null) {
        continue;
      }
      try {
        propagator.reset(previous[i + 1]);
      } catch (RuntimeException failure) {
        report(propagator, "reset", failure);
      }
    }
  }

  private static void report(ContextPropagator propagator, String step, RuntimeException failure) {
    String message = "context propagator " + propagator + " failed in " + step + "()";
    EventLoop loop = ThreadState.get().loop;
    if (loop != null) {
      loop.callExceptionHandler(new LoopError(message, failure, propagator));
    } else {
      System.getLogger(ContextPropagation.class.getName())
          .log(System.Logger.Level.ERROR, message, failure);
    }
  }
}

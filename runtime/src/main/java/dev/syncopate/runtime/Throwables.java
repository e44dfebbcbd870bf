package dev.syncopate.runtime;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for passing failures on unchanged. */
final class Throwables {
  private Throwables() {}

  /** Throws {@code failure} as it is, checked or not, without wrapping it. */
  static RuntimeException sneakyThrow(Throwable failure) {
    throw Throwables.<RuntimeException>uncheckedThrow(failure);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E uncheckedThrow(Throwable failure) throws E {
    throw (E) failure;
  }

  /** Removes the wrappers that {@code CompletableFuture} adds around a dependent's failure. */
  static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}

package dev.syncopate.runtime;

import java.util.Objects;

/**
 * What the loop reports to its {@link ExceptionHandler}: asyncio's exception-handler context.
 *
 * @param message what happened, for humans
 * @param exception the failure, or {@code null} for a warning without one (a slow callback)
 * @param source the handle, future or task concerned, or {@code null}
 */
public record LoopError(String message, Throwable exception, Object source) {
  /**
   * Creates a report.
   *
   * @throws NullPointerException if {@code message} is null
   */
  public LoopError {
    Objects.requireNonNull(message, "message");
  }

  /** Returns whether this report is a warning that carries no exception. */
  public boolean isWarning() {
    return exception == null;
  }
}

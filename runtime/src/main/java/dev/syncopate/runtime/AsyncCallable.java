package dev.syncopate.runtime;

import java.util.concurrent.CompletionStage;

/**
 * An async function: called on the loop, it starts work and returns the stage that completes with
 * its outcome. The body of a {@link Task}.
 *
 * <p>A body that throws, or returns {@code null}, fails its task with that exception (a {@code
 * NullPointerException} for {@code null}).
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface AsyncCallable<T> {
  /**
   * Starts the work.
   *
   * @return the stage that completes with the outcome
   * @throws Exception if the work cannot start; the task fails with it
   */
  CompletionStage<T> call() throws Exception;
}

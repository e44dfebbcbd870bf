package dev.syncopate.runtime;

/**
 * The outcome of one future, as a value: what {@link Aio#gatherOutcomes(java.util.List)} returns
 * in place of asyncio's {@code gather(..., return_exceptions=True)} list that mixes values and
 * exceptions.
 *
 * <p><b>Threading:</b> immutable; thread-safe.
 *
 * @param value the value when the future succeeded, otherwise null
 * @param failure the failure (a {@link CancelledError} for a cancelled future), or null on success
 * @param <T> the value type
 */
@ThreadSafe
public record Outcome<T>(T value, Throwable failure) {
  /**
   * Returns a successful outcome.
   *
   * @param value the value; may be null
   * @param <T> the value type
   * @return the outcome
   */
  public static <T> Outcome<T> success(T value) {
    return new Outcome<>(value, null);
  }

  /**
   * Returns a failed outcome.
   *
   * @param failure the failure
   * @param <T> the value type
   * @return the outcome
   * @throws NullPointerException if {@code failure} is null
   */
  public static <T> Outcome<T> failure(Throwable failure) {
    return new Outcome<>(null, java.util.Objects.requireNonNull(failure, "failure"));
  }

  /**
   * Creates an outcome.
   *
   * @throws IllegalArgumentException if both a value and a failure are given
   */
  public Outcome {
    if (failure != null && value != null) {
      throw new IllegalArgumentException("an outcome is a value or a failure, not both");
    }
  }

  /** Returns whether the future succeeded. */
  public boolean succeeded() {
    return failure == null;
  }

  /** Returns whether the future ended with a {@link CancelledError}. */
  public boolean cancelled() {
    return failure instanceof CancelledError;
  }

  /**
   * Returns the value, or throws the failure as it is (checked or not, never wrapped).
   *
   * @return the value
   * @throws CancelledError if the future was cancelled; any other failure likewise
   */
  public T getOrThrow() {
    if (failure != null) {
      throw Throwables.sneakyThrow(failure);
    }
    return value;
  }
}

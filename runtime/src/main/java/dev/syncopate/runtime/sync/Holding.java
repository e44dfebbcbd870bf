package dev.syncopate.runtime.sync;

import dev.syncopate.runtime.AsyncCallable;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.internal.Sneaky;

/**
 * Runs a body while holding something acquired (a lock, a permit) and gives it back however the
 * body ends: the {@code async with} of Lock, Condition and the semaphores.
 */
final class Holding {
  private Holding() {}

  /**
   * Waits for {@code acquired}, runs {@code body}, and calls {@code release} once the returned
   * future is done, if the acquisition succeeded. The returned future completes only after the
   * body's stage has, so the release always follows the body; it also covers a cancellation that
   * lands between the acquisition and the body's start, which fails the stage without running it.
   */
  static <T> Future<T> run(Future<Void> acquired, AsyncCallable<T> body, Runnable release) {
    Future<T> result = acquired.thenCompose(ignored -> {
      try {
        return body.call();
      } catch (Exception thrown) {
        throw Sneaky.rethrow(thrown);
      }
    });
    result.addDoneCallback(done -> {
      if (acquired.isDone() && !acquired.isCancelled()) {
        release.run();
      }
    });
    return result;
  }
}

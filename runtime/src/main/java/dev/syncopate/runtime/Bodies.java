package dev.syncopate.runtime;

/** Starts the async bodies of scopes (timeouts, task groups, try/finally) in one way. */
final class Bodies {
  private Bodies() {}

  /**
   * Calls {@code body} and returns its stage as a future of {@code loop}. A body that throws, or
   * returns null, gives a failed future: to the scope that is the same as the body failing later,
   * as an exception raised inside an {@code async with} block is.
   */
  static <T> Future<T> start(EventLoop loop, AsyncCallable<T> body, String scope) {
    java.util.concurrent.CompletionStage<T> stage;
    try {
      stage = body.call();
    } catch (Throwable thrown) {
      return loop.failedFuture(thrown);
    }
    if (stage == null) {
      return loop.failedFuture(new NullPointerException("the body given to " + scope
          + " returned null instead of a CompletionStage; return a completed future for an"
          + " immediate value"));
    }
    return loop.ensureFuture(stage);
  }

  /** Returns the task running the current code, or explains that the scope needs one. */
  static Task<?> requireTask(EventLoop loop, String scope) {
    Task<?> task = loop.threadState().task;
    if (task == null) {
      throw new IllegalStateException(scope + " must be used inside a task: call it from a task's"
          + " body or from a stage that body composed (loop.createTask(...), Aio.run(...))");
    }
    return task;
  }
}

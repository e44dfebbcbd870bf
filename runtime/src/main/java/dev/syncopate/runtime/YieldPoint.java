package dev.syncopate.runtime;

/**
 * A done future that a task or {@code thenCompose} waits one loop iteration for: what {@link
 * EventLoop#yieldNow()} and zero-delay sleeps return.
 *
 * <p>Waiting on any other done future continues at once, as {@code await} on a done future does
 * in asyncio; a yield point is the one deliberate suspension (asyncio's bare {@code yield} in
 * {@code sleep(0)}).
 */
final class YieldPoint<T> extends Future<T> {
  YieldPoint(EventLoop loop, T value) {
    super(loop);
    succeed(value);
  }

  @Override
  String describe() {
    return "YieldPoint";
  }
}

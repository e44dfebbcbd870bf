package dev.syncopate.runtime;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A blocking iterator over an {@link AsyncSequence} running on a loop, made by {@link
 * LoopBridge#iterate}. It must be closed (try-with-resources) unless it ran to its end: closing
 * cancels the producer and closes the sequence.
 *
 * <p><b>Threading:</b> {@link #hasNext()} and {@link #next()} belong to one consumer thread at a
 * time, never the loop's (they throw {@link BlockingOnLoopThreadException} there); {@link
 * #close()} is thread-safe.
 *
 * @param <T> the element type
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  /**
   * Cancels the producer if it still runs, waits (bounded by {@link LoopBridge#CANCEL_GRACE}) for
   * the sequence to be closed, and ends the iteration: {@code hasNext()} then returns false.
   * Closing twice does nothing. Never throws a checked exception.
   */
  @Override
  void close();

  /**
   * Returns a sequential stream of the remaining elements; closing the stream closes this
   * iterator.
   *
   * @return the stream
   */
  Stream<T> stream();
}

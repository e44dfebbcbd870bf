package dev.syncopate.runtime;

import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
  default Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
        .onClose(this::close);
  }

  /**
   * Returns a view of this iterator whose elements are {@code convert}ed as they are taken;
   * closing the view closes this iterator. The generated twins use it to hand out the twins of a
   * sequence's {@code @Async} elements.
   *
   * <p><b>Threading:</b> as this iterator's; {@code convert} runs on the consuming thread.
   *
   * @param convert applied to each element when {@code next()} returns it
   * @param <R> the converted element type
   * @return the converting view
   * @throws NullPointerException if {@code convert} is null
   */
  default <R> CloseableIterator<R> map(Function<? super T, ? extends R> convert) {
    Objects.requireNonNull(convert, "convert");
    CloseableIterator<T> source = this;
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public R next() {
        return convert.apply(source.next());
      }

      @Override
      public void close() {
        source.close();
      }
    };
  }
}

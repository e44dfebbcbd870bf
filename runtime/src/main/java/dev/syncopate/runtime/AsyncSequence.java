package dev.syncopate.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An asynchronous sequence: Python's async iterator ({@code __anext__} / {@code aclose}), shaped
 * like .NET's {@code IAsyncEnumerator} so that elements may be null.
 *
 * <p>A consumer calls {@link #moveNext()}, waits for its stage, and reads {@link #current()} when
 * the stage says {@code true}; {@code false} means the end. At most one {@code moveNext()} is
 * outstanding at a time. <b>Cancellation:</b> cancelling the stage of {@code moveNext()} cancels
 * the step that produces the element. <b>Close:</b> a consumer that stops early calls {@link
 * #closeAsync()} (also after a failure or cancellation); the blocking {@link
 * LoopBridge#iterate} does it for you.
 *
 * <p><b>Threading:</b> loop-confined: every method is called on the loop thread of the consumer.
 *
 * @param <T> the element type
 */
public interface AsyncSequence<T> extends AsyncCloseable {
  /**
   * Starts producing the next element.
   *
   * @return a stage that completes with {@code true} if an element is available in {@link
   *     #current()}, {@code false} at the end, or fails with the producer's failure
   */
  CompletionStage<Boolean> moveNext();

  /**
   * Returns the element made available by the last {@code moveNext()} that completed with
   * {@code true}.
   *
   * @return the element; may be null
   * @throws NoSuchElementException if there is none
   */
  T current();

  /**
   * Releases the sequence; the default has nothing to release.
   *
   * @return a completed stage
   * @throws IllegalStateException if no loop runs on the calling thread
   */
  @Override
  default CompletionStage<Void> closeAsync() {
    return EventLoop.running().completedFuture(null);
  }

  /**
   * Returns a sequence of the given elements.
   *
   * @param elements the elements, in order; may contain null
   * @param <T> the element type
   * @return the sequence
   * @throws NullPointerException if the array is null
   */
  @SafeVarargs
  static <T> AsyncSequence<T> of(T... elements) {
    List<T> copy = new ArrayList<>(elements.length);
    for (T element : elements) {
      copy.add(element);
    }
    return fromIterable(copy);
  }

  /**
   * Returns a sequence over {@code iterable}, iterated lazily on the loop thread.
   *
   * @param iterable the elements
   * @param <T> the element type
   * @return the sequence
   * @throws NullPointerException if {@code iterable} is null
   */
  static <T> AsyncSequence<T> fromIterable(Iterable<? extends T> iterable) {
    Objects.requireNonNull(iterable, "iterable");
    return new AsyncSequence<>() {
      private Iterator<? extends T> iterator;
      private boolean hasCurrent;
      private T current;

      @Override
      public CompletionStage<Boolean> moveNext() {
        EventLoop loop = EventLoop.running();
        if (iterator == null) {
          iterator = iterable.iterator();
        }
        hasCurrent = iterator.hasNext();
        current = hasCurrent ? iterator.next() : null;
        return loop.completedFuture(hasCurrent);
      }

      @Override
      public T current() {
        if (!hasCurrent) {
          throw new NoSuchElementException("moveNext() has not produced an element");
        }
        return current;
      }
    };
  }

  /**
   * Returns a sequence of {@code fn} applied to each element; closing it closes this one.
   *
   * @param fn the mapping, run on the loop thread by {@code current()} of the result
   * @param <R> the result type
   * @return the mapped sequence
   * @throws NullPointerException if {@code fn} is null
   */
  default <R> AsyncSequence<R> map(Function<? super T, ? extends R> fn) {
    Objects.requireNonNull(fn, "fn");
    AsyncSequence<T> source = this;
    return new AsyncSequence<>() {
      @Override
      public CompletionStage<Boolean> moveNext() {
        return source.moveNext();
      }

      @Override
      public R current() {
        return fn.apply(source.current());
      }

      @Override
      public CompletionStage<Void> closeAsync() {
        return source.closeAsync();
      }
    };
  }

  /**
   * Runs {@code action} for every element, then closes the sequence: Python's {@code async for}.
   * A failure of the sequence or the action fails the result after the sequence is closed;
   * cancelling the result cancels the outstanding {@code moveNext()}.
   *
   * @param action what to do with each element, on the loop thread
   * @return a stage that completes when every element was consumed and the sequence closed
   * @throws NullPointerException if {@code action} is null
   */
  default CompletionStage<Void> forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    EventLoop loop = EventLoop.running();
    return SequenceLoop.run(loop, this, action);
  }
}

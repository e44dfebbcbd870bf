package dev.syncopate.runtime;

import java.util.function.Consumer;

/**
 * The loop of {@link AsyncSequence#forEach}: one {@code moveNext()} at a time, driven by done
 * callbacks so that long sequences use neither stack nor a chain of pending stages.
 */
final class SequenceLoop<T> extends Future<Void> {
  private final AsyncSequence<T> sequence;
  private final Consumer<? super T> action;
  private Future<Boolean> step;

  private SequenceLoop(EventLoop loop, AsyncSequence<T> sequence, Consumer<? super T> action) {
    super(loop);
    this.sequence = sequence;
    this.action = action;
  }

  static <T> Future<Void> run(EventLoop loop, AsyncSequence<T> sequence, Consumer<? super T> action) {
    SequenceLoop<T> iteration = new SequenceLoop<>(loop, sequence, action);
    iteration.next();
    // Whatever ended the iteration, close the sequence before reporting the outcome.
    return iteration.handle((ignored, failure) -> failure)
        .thenCompose(failure -> loop.ensureFuture(sequence.closeAsync())
            .handle((ignored, closeFailure) -> {
              Throwable outcome = failure != null ? failure : closeFailure;
              if (outcome != null) {
                throw Throwables.sneakyThrow(outcome);
              }
              return (Void) null;
            }));
  }

  private void next() {
    try {
      step = loop.ensureFuture(sequence.moveNext());
    } catch (Throwable failure) {
      fail(failure, false);
      return;
    }
    step.addDoneCallback(done -> {
      step = null;
      if (!isPending()) {
        return;
      }
      Throwable failure = done.takeFailure();
      if (failure != null) {
        fail(failure, false);
        return;
      }
      try {
        if (Boolean.TRUE.equals(done.valueNow())) {
          action.accept(sequence.current());
          next();
        } else {
          succeed(null);
        }
      } catch (Throwable actionFailure) {
        fail(actionFailure, false);
      }
    });
  }

  @Override
  public boolean cancel(String message) {
    Future<Boolean> outstanding = step;
    boolean accepted = super.cancel(message);
    if (accepted && outstanding != null) {
      outstanding.cancel(message);
    }
    return accepted;
  }

  @Override
  boolean isSettable() {
    return false;
  }

  @Override
  String describe() {
    return "AsyncSequence.forEach";
  }
}

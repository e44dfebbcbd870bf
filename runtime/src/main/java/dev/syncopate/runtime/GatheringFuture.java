package dev.syncopate.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * asyncio's {@code _GatheringFuture}: the future of {@link Aio#gather(List)} and {@link
 * Aio#gatherOutcomes(List)}. It is a plain future whose {@link #cancel(String)} cancels the
 * children instead of itself; a child's cancellation <em>fails</em> it with that child's {@link
 * CancelledError}, so {@link #isCancelled()} stays false while awaiters still see the error.
 */
final class GatheringFuture<T, R> extends Future<List<R>> {
  /** One per argument, in argument order; a future given twice appears twice. */
  private final List<Future<? extends T>> children;

  /** Each distinct child once. */
  private final List<Future<? extends T>> distinct;

  private final boolean outcomes;
  private final Function<Future<? extends T>, R> collect;
  private int unfinished;
  private boolean cancelRequested;
  private String cancelMessage;

  private GatheringFuture(EventLoop loop, List<Future<? extends T>> children,
      List<Future<? extends T>> distinct, boolean outcomes,
      Function<Future<? extends T>, R> collect) {
    super(loop);
    this.children = children;
    this.distinct = distinct;
    this.outcomes = outcomes;
    this.collect = collect;
    this.unfinished = distinct.size();
  }

  static <T> Future<List<T>> values(List<? extends CompletionStage<? extends T>> stages) {
    return start(stages, false, Future::valueNow);
  }

  static <T> Future<List<Outcome<T>>> outcomes(List<? extends CompletionStage<? extends T>> stages) {
    return start(stages, true, child -> {
      Throwable failure = child.takeFailure();
      return failure == null ? Outcome.success(child.valueNow()) : Outcome.failure(failure);
    });
  }

  private static <T, R> Future<List<R>> start(List<? extends CompletionStage<? extends T>> stages,
      boolean outcomes, Function<Future<? extends T>, R> collect) {
    Objects.requireNonNull(stages, "stages");
    EventLoop loop = EventLoop.running();
    if (stages.isEmpty()) {
      return loop.completedFuture(List.of());
    }
    Map<Object, Future<? extends T>> byArgument = new IdentityHashMap<>();
    List<Future<? extends T>> children = new ArrayList<>(stages.size());
    List<Future<? extends T>> distinct = new ArrayList<>();
    for (CompletionStage<? extends T> stage : stages) {
      Objects.requireNonNull(stage, "gather() was given a null stage");
      Future<? extends T> child = byArgument.get(stage);
      if (child == null) {
        child = loop.ensureFuture(stage);
        byArgument.put(stage, child);
        distinct.add(child);
      }
      children.add(child);
    }
    GatheringFuture<T, R> gathering = new GatheringFuture<>(loop, children, distinct, outcomes, collect);
    for (Future<? extends T> child : distinct) {
      if (child.isDone()) {
        gathering.onChildDone(child);
      } else {
        child.addDoneCallback(gathering::onChildDone);
      }
    }
    return gathering;
  }

  /**
   * Cancels every child that is not done; the gathering future then fails with a {@link
   * CancelledError} once all children have finished, also in outcomes mode.
   *
   * @return whether a child accepted the request; false if this future or all children are done
   */
  @Override
  public boolean cancel(String message) {
    check("cancel");
    if (isDone()) {
      return false;
    }
    boolean accepted = false;
    for (Future<? extends T> child : distinct) {
      accepted |= child.cancel(message);
    }
    if (accepted) {
      cancelRequested = true;
      cancelMessage = message;
    }
    return accepted;
  }

  @Override
  String describe() {
    return "gather of " + distinct.size() + " futures";
  }

  private void onChildDone(Future<? extends T> child) {
    unfinished--;
    if (isDone()) {
      // The outcome went out already; a later child's failure counts as seen, as in asyncio.
      child.markRetrieved();
      return;
    }
    if (!outcomes) {
      Throwable failure = child.takeFailure();
      if (failure != null) {
        // A cancelled child fails the gather with its CancelledError: failed, not cancelled.
        setException(failure);
        return;
      }
    }
    if (unfinished > 0) {
      return;
    }
    if (cancelRequested) {
      setException(new CancelledError(cancelMessage));
      return;
    }
    List<R> results = new ArrayList<>(children.size());
    for (Future<? extends T> each : children) {
      results.add(collect.apply(each));
    }
    setResult(Collections.unmodifiableList(results));
  }
}

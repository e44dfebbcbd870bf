package dev.syncopate.sample.twins;

import dev.syncopate.runtime.Async;
import dev.syncopate.runtime.AsyncSequence;
import dev.syncopate.runtime.EventLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A named greeter: its twin {@code Greeter} is a {@code Named} too. */
@Async
public interface AsyncGreeter extends AsyncNamed {
  /**
   * Greets someone.
   *
   * @param who whom to greet
   * @return a stage with the greeting
   */
  CompletionStage<String> greet(String who);

  /**
   * The given greeters in reverse order.
   *
   * @param greeters async objects here, twins in the twin
   * @return a stage with a new list
   */
  CompletionStage<List<AsyncNamed>> reversed(List<AsyncNamed> greeters);

  /**
   * A plain method: the first of a set, if any.
   *
   * @param greeters async objects here, twins in the twin
   * @return the first in iteration order
   */
  Optional<AsyncNamed> first(Set<AsyncNamed> greeters);

  /**
   * The given greeters by their names, keys upper-cased.
   *
   * @param byName async objects as values here, twins in the twin
   * @return a stage with a new map, in the same order
   */
  CompletionStage<Map<String, AsyncNamed>> shouted(Map<String, AsyncNamed> byName);

  /**
   * The given greeters, one by one.
   *
   * @param greeters async objects here, twins in the twin
   * @return a sequence of them; an iterator of twins in the twin
   */
  AsyncSequence<AsyncNamed> each(List<AsyncNamed> greeters);

  /**
   * Hands back {@code source}, a future completed elsewhere (not a loop future): a timeout of the
   * twin must still cancel it.
   *
   * @param source the future to hand back
   * @return {@code source}
   */
  @Async.Timeout("PT5S")
  CompletableFuture<List<AsyncNamed>> relay(CompletableFuture<List<AsyncNamed>> source);

  /**
   * A greeter confined to the running loop.
   *
   * @param name its name
   * @return the greeter
   */
  static AsyncGreeter named(String name) {
    return new AsyncGreeter() {
      @Override
      public CompletionStage<String> name() {
        return EventLoop.running().completedFuture(name + "@" + Thread.currentThread().getName());
      }

      @Override
      public CompletionStage<String> greet(String who) {
        return EventLoop.running().completedFuture("hello " + who + " from " + name);
      }

      @Override
      public CompletionStage<List<AsyncNamed>> reversed(List<AsyncNamed> greeters) {
        List<AsyncNamed> copy = new ArrayList<>(greeters);
        Collections.reverse(copy);
        return EventLoop.running().completedFuture(copy);
      }

      @Override
      public Optional<AsyncNamed> first(Set<AsyncNamed> greeters) {
        return greeters.stream().findFirst();
      }

      @Override
      public CompletionStage<Map<String, AsyncNamed>> shouted(Map<String, AsyncNamed> byName) {
        Map<String, AsyncNamed> copy = new LinkedHashMap<>();
        byName.forEach((key, value) -> copy.put(key.toUpperCase(Locale.ROOT), value));
        return EventLoop.running().completedFuture(copy);
      }

      @Override
      public AsyncSequence<AsyncNamed> each(List<AsyncNamed> greeters) {
        return AsyncSequence.fromIterable(greeters);
      }

      @Override
      public CompletableFuture<List<AsyncNamed>> relay(CompletableFuture<List<AsyncNamed>> source) {
        return source;
      }
    };
  }
}

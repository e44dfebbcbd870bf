package dev.syncopate.sample.twins;

import dev.syncopate.runtime.AsyncSequence;
import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/** A loop-confined {@link AsyncAccount}; the latches let plain threads observe its loop side. */
final class LoopAccount implements AsyncAccount {
  private final CountDownLatch hangStarted = new CountDownLatch(1);
  private final CountDownLatch cancellations = new CountDownLatch(1);
  private final CountDownLatch closings = new CountDownLatch(1);
  private long balance;

  LoopAccount(long balance) {
    this.balance = balance;
  }

  CountDownLatch hangStarted() {
    return hangStarted;
  }

  CountDownLatch cancellations() {
    return cancellations;
  }

  CountDownLatch closings() {
    return closings;
  }

  @Override
  public CompletionStage<Long> balance() {
    return EventLoop.running().completedFuture(balance);
  }

  @Override
  public CompletionStage<Void> withdraw(long amount) {
    EventLoop loop = EventLoop.running();
    if (amount > balance) {
      return loop.failedFuture(new InsufficientFundsException("balance " + balance + " < " + amount));
    }
    balance -= amount;
    return loop.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> freeze(String reason) {
    return EventLoop.running().failedFuture(new IllegalStateException("frozen: " + reason));
  }

  @Override
  public CompletionStage<String> hang() {
    Future<String> never = EventLoop.running().createFuture();
    never.addDoneCallback(f -> {
      if (f.isCancelled()) {
        cancellations.countDown();
      }
    });
    hangStarted.countDown();
    return never;
  }

  @Override
  public CompletionStage<String> slow(Duration delay) {
    return EventLoop.running().sleep(delay, "slow done");
  }

  @Override
  public CompletionStage<String> slowButAllowed(Duration delay) {
    return EventLoop.running().sleep(delay, "allowed done");
  }

  @Override
  public String threadName() {
    return Thread.currentThread().getName();
  }

  @Override
  public AsyncSequence<Integer> count(int n) {
    return AsyncSequence.fromIterable(java.util.stream.IntStream.rangeClosed(1, n).boxed()
        .collect(java.util.stream.Collectors.toList()));
  }

  @Override
  public AsyncSequence<Integer> forever() {
    return new AsyncSequence<>() {
      private int next = -1;

      @Override
      public CompletionStage<Boolean> moveNext() {
        next++;
        return EventLoop.running().yieldNow().thenApply(ignored -> true);
      }

      @Override
      public Integer current() {
        return next;
      }

      @Override
      public CompletionStage<Void> closeAsync() {
        closings.countDown();
        return EventLoop.running().completedFuture(null);
      }
    };
  }

  @Override
  public CompletionStage<AsyncStatement> statement() {
    long shown = balance;
    return EventLoop.running().completedFuture(new AsyncStatement() {
      private boolean closed;

      @Override
      public CompletionStage<List<String>> lines() {
        return EventLoop.running().completedFuture(List.of("balance " + shown));
      }

      @Override
      public boolean closed() {
        return closed;
      }

      @Override
      public CompletionStage<Void> closeAsync() {
        closed = true;
        return EventLoop.running().completedFuture(null);
      }
    });
  }

  @Override
  public CompletionStage<Void> transfer(AsyncAccount to, long amount) {
    return withdraw(amount).thenCompose(ignored -> ((LoopAccount) to).deposit(amount));
  }

  private CompletionStage<Void> deposit(long amount) {
    balance += amount;
    return EventLoop.running().completedFuture(null);
  }
}

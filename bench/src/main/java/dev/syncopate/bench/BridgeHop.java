package dev.syncopate.bench;

import dev.syncopate.runtime.LoopBridge;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Promise;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One blocking round trip from a caller thread to a single service thread and back, for each
 * peer measured by {@link BridgeBenchmark} and {@link BridgeThroughputMain}.
 *
 * <p><b>Threading:</b> {@link #call(int)} is thread-safe; {@link #close()} once at the end.
 */
interface BridgeHop extends AutoCloseable {
  /** Hands {@code value} to the service thread and returns what it answers ({@code value + 1}). */
  int call(int value);

  @Override
  void close();

  static BridgeHop create(String peer) {
    switch (peer) {
      case "syncopate-call":
        return new SyncopateCall();
      case "syncopate-invoke":
        return new SyncopateInvoke();
      case "netty":
        return new Netty();
      case "cf-single-thread":
        return new SingleThreadFuture();
      case "park-unpark":
        return new ParkHandoff(0);
      case "spin-then-park":
        return new ParkHandoff(ParkHandoff.NAIVE_SPINS);
      case "vertx":
        return new VertxContext();
      default:
        throw new IllegalArgumentException("unknown peer " + peer);
    }
  }

  /** LoopBridge.call of an async function that completes at once (one task per call). */
  final class SyncopateCall implements BridgeHop {
    private final LoopBridge bridge = LoopBridge.start("bench-bridge");

    @Override
    public int call(int value) {
      return bridge.call(() -> bridge.loop().completedFuture(value + 1));
    }

    @Override
    public void close() {
      bridge.close();
    }
  }

  /** LoopBridge.invoke of a plain function on the loop thread (no task). */
  final class SyncopateInvoke implements BridgeHop {
    private final LoopBridge bridge = LoopBridge.start("bench-bridge");

    @Override
    public int call(int value) {
      return bridge.invoke(() -> value + 1);
    }

    @Override
    public void close() {
      bridge.close();
    }
  }

  /** Netty: execute on a DefaultEventLoop, complete a promise, await it. */
  final class Netty implements BridgeHop {
    private final DefaultEventLoopGroup group = new DefaultEventLoopGroup(1);
    private final EventLoop loop = group.next();

    @Override
    public int call(int value) {
      Promise<Integer> promise = loop.newPromise();
      loop.execute(() -> promise.setSuccess(value + 1));
      return promise.syncUninterruptibly().getNow();
    }

    @Override
    public void close() {
      group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** CompletableFuture.supplyAsync on a single-thread executor, then join. */
  final class SingleThreadFuture implements BridgeHop {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @Override
    public int call(int value) {
      return CompletableFuture.supplyAsync(() -> value + 1, executor).join();
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }

  /**
   * Vert.x 4: {@code runOnContext} on an event-loop context of a one-thread event-loop pool,
   * complete a promise there, and wait for it through its {@code CompletionStage} (Vert.x 4 has
   * no blocking wait of its own for a thread outside Vert.x).
   */
  final class VertxContext implements BridgeHop {
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final Context context = vertx.getOrCreateContext();

    @Override
    public int call(int value) {
      io.vertx.core.Promise<Integer> promise = io.vertx.core.Promise.promise();
      context.runOnContext(ignored -> promise.complete(value + 1));
      return promise.future().toCompletionStage().toCompletableFuture().join();
    }

    @Override
    public void close() {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }
}

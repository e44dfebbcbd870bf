package dev.syncopate.bench;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.TimeUnit;

/**
 * A Netty event loop: the only loop of a {@code NioEventLoopGroup(1)} or a {@code
 * DefaultEventLoopGroup(1)}.
 *
 * <p><b>Threading:</b> as {@link LoopUnderTest}.
 */
final class NettyLoop implements LoopUnderTest {
  private final EventLoopGroup group;
  private final EventLoop loop;

  private NettyLoop(EventLoopGroup group) {
    this.group = group;
    this.loop = group.next();
  }

  static NettyLoop nio() {
    return new NettyLoop(new NioEventLoopGroup(1));
  }

  static NettyLoop defaultLoop() {
    return new NettyLoop(new DefaultEventLoopGroup(1));
  }

  @Override
  public void submit(Runnable workload) {
    loop.execute(workload);
  }

  @Override
  public void callSoon(Runnable callback) {
    loop.execute(callback);
  }

  @Override
  public void callLater(long delayNanos, Runnable callback) {
    loop.schedule(callback, delayNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void spawnYieldingTasks(int count, Runnable allDone) {
    GenericFutureListener<Future<Object>> counter = new GenericFutureListener<>() {
      private int left = count;

      @Override
      public void operationComplete(Future<Object> promise) {
        if (--left == 0) {
          allDone.run();
        }
      }
    };
    for (int i = 0; i < count; i++) {
      Promise<Object> promise = loop.newPromise();
      promise.addListener(counter);
      // The task's first step re-submits itself once (its "yield"), then completes its promise.
      loop.execute(() -> loop.execute(() -> promise.setSuccess(null)));
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}

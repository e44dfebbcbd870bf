package dev.syncopate.bench;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor the bridge is compared with: a raw hand-off between caller threads and one server
 * thread through a lock-free queue, with park/unpark on both sides ({@code spins == 0}), or a
 * naive fixed spin before each park ({@code spins > 0}: no adaptation, no CPU check).
 *
 * <p><b>Threading:</b> {@link #call(int)} is thread-safe.
 */
final class ParkHandoff implements BridgeHop {
  static final int NAIVE_SPINS = 20_000;

  private static final class Request {
    final int value;
    final Thread caller = Thread.currentThread();
    volatile boolean done;
    int answer;

    Request(int value) {
      this.value = value;
    }
  }

  private final int spins;
  private final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean sleeping = new AtomicBoolean();
  private final Thread server;
  private volatile boolean running = true;

  ParkHandoff(int spins) {
    this.spins = spins;
    this.server = new Thread(this::serve, "park-handoff-server");
    server.setDaemon(true);
    server.start();
  }

  @Override
  public int call(int value) {
    Request request = new Request(value);
    queue.offer(request);
    if (sleeping.get() && sleeping.compareAndSet(true, false)) {
      LockSupport.unpark(server);
    }
    for (int i = 0; i < spins && !request.done; i++) {
      Thread.onSpinWait();
    }
    while (!request.done) {
      LockSupport.park(this);
    }
    return request.answer;
  }

  private void serve() {
    while (running) {
      Request request = queue.poll();
      if (request == null) {
        for (int i = 0; i < spins && queue.isEmpty(); i++) {
          Thread.onSpinWait();
        }
        if (!queue.isEmpty()) {
          continue;
        }
        sleeping.set(true);
        if (queue.isEmpty() && running) {
          LockSupport.park(this);
        }
        sleeping.set(false);
        continue;
      }
      request.answer = request.value + 1;
      request.done = true;
      LockSupport.unpark(request.caller);
    }
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(server);
  }
}

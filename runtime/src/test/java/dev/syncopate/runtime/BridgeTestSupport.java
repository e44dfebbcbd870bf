package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Owned bridges on a virtual clock whose loop errors are collected, for the bridge tests. */
final class BridgeTestSupport implements AutoCloseable {
  final List<LoopError> errors = new CopyOnWriteArrayList<>();
  final EventLoop loop;
  final LoopBridge bridge;

  BridgeTestSupport(String name) {
    loop = EventLoop.builder().name(name).clock(new VirtualClock())
        .exceptionHandler((l, e) -> errors.add(e)).build();
    bridge = LoopBridge.start(loop);
  }

  /** The number of tasks still pending on the loop, read on the loop thread. */
  int pendingTasks() {
    return bridge.invoke(() -> loop.allTasks().size());
  }

  /** Closes the bridge (and its loop), then fails if the loop reported anything meanwhile. */
  @Override
  public void close() {
    bridge.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }
}

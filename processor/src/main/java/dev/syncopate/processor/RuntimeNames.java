package dev.syncopate.processor;

import com.palantir.javapoet.ClassName;

/**
 * Every runtime name the processor recognises or emits, in one place. The processor never loads
 * these classes (it must run without the runtime on its own path); {@code RuntimeNamesTest}
 * resolves each against the real runtime so a rename there breaks the build here.
 */
final class RuntimeNames {
  static final String PACKAGE = "dev.syncopate.runtime";

  static final String ASYNC = PACKAGE + ".Async";
  static final String ASYNC_TIMEOUT = ASYNC + ".Timeout";
  static final String ASYNC_BLOCKING_NAME = "blockingName";
  static final String ASYNC_TIMEOUT_ATTRIBUTE = "timeout";
  static final String TIMEOUT_VALUE = "value";

  static final ClassName LOOP_BRIDGE = ClassName.get(PACKAGE, "LoopBridge");
  static final ClassName ASYNC_SEQUENCE = ClassName.get(PACKAGE, "AsyncSequence");
  static final ClassName CLOSEABLE_ITERATOR = ClassName.get(PACKAGE, "CloseableIterator");
  static final ClassName ASYNC_CLOSEABLE = ClassName.get(PACKAGE, "AsyncCloseable");
  static final ClassName BLOCKING_ON_LOOP_THREAD =
      ClassName.get(PACKAGE, "BlockingOnLoopThreadException");
  static final ClassName BRIDGE_INTERRUPTED = ClassName.get(PACKAGE, "BridgeInterruptedException");
  static final ClassName TIMEOUT_ERROR = ClassName.get(PACKAGE, "TimeoutError");
  static final ClassName LOOP_CLOSED = ClassName.get(PACKAGE, "LoopClosedException");
  /**
   * Converts lists, sets, optionals and maps (values) of @Async objects to and from twins, element
   * by element.
   */
  static final ClassName TWIN_COLLECTIONS = ClassName.get(PACKAGE, "TwinCollections");

  /** {@code LoopBridge.shared()}: the lazily started daemon bridge behind {@code of(delegate)}. */
  static final String BRIDGE_SHARED = "shared";
  /** {@code LoopBridge.call(AsyncCallable[, Duration])}: awaits a future on the loop. */
  static final String BRIDGE_CALL = "call";
  /** {@code LoopBridge.invoke(Callable)}: runs a plain function on the loop thread. */
  static final String BRIDGE_INVOKE = "invoke";
  /** {@code LoopBridge.iterate(Callable)}: opens a sequence on the loop, iterates it blocking. */
  static final String BRIDGE_ITERATE = "iterate";
  /** {@code CloseableIterator.map(Function)}: turns a sequence's async elements into twins. */
  static final String ITERATOR_MAP = "map";
  /** {@code AsyncCloseable.closeAsync()}: becomes the twin's blocking {@code close()}. */
  static final String CLOSE_ASYNC = "closeAsync";

  private RuntimeNames() {}
}

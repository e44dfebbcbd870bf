package dev.syncopate.runtime;

import java.nio.channels.SelectionKey;

/**
 * Reacts to readiness of a channel registered with {@link EventLoop#register}. Runs on the loop
 * thread; what it throws goes to the loop's exception handler.
 */
@FunctionalInterface
interface IoHandler {
  void ready(SelectionKey key) throws Exception;
}

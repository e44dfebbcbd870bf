package dev.syncopate.runtime.internal;

import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;

/**
 * Binds a primitive to the event loop that first uses it, as asyncio's primitives do since Python
 * 3.10 (they take no loop argument), and keeps one completed {@code Future<Void>} for that loop so
 * that uncontended operations return without allocating.
 *
 * <p>Sharing one completed future is safe: a done future never changes, callbacks added to it are
 * queued at once and not stored, and {@code cancel} on it returns false.
 *
 * <p><b>Threading:</b> loop-confined; {@link #loop(String)} enforces it.
 */
public final class LoopBinding {
  private final String what;
  private EventLoop loop;
  private Future<Void> done;

  /**
   * Creates an unbound binding.
   *
   * @param what names the primitive in error messages
   */
  public LoopBinding(String what) {
    this.what = what;
  }

  /**
   * Returns the bound loop after checking the calling thread, binding to the running loop on first
   * use.
   *
   * @param operation the operation, for the error message
   * @return the loop
   * @throws IllegalStateException if the primitive is unbound and no loop runs on this thread, or
   *     if it is bound to a loop of another thread
   */
  public EventLoop loop(String operation) {
    EventLoop bound = loop;
    if (bound != null && bound.inLoopThread()) {
      return bound;
    }
    return bindSlow(operation);
  }

  private EventLoop bindSlow(String operation) {
    if (loop != null) {
      throw new IllegalStateException(
          operation + "() on " + what + " was called from thread '"
              + Thread.currentThread().getName() + "', but it is bound to event loop '"
              + loop.name() + "' and confined to that loop's thread. Use it from that loop (from"
              + " another thread: loop.callSoonThreadSafe(...)), or create one per loop.");
    }
    EventLoop running = EventLoop.running();
    loop = running;
    done = running.completedFuture(null);
    return running;
  }

  /** Returns whether a loop is bound and the calling thread is its thread (else: unbound). */
  public boolean isBoundHere(String operation) {
    if (loop == null) {
      return false;
    }
    loop(operation);
    return true;
  }

  /** Returns the shared completed future of the bound loop; call {@link #loop} first. */
  public Future<Void> done() {
    return done;
  }
}

package dev.syncopate.runtime;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * An immutable snapshot of {@link ContextVar} values: asyncio's {@code contextvars.Context}.
 *
 * <p>Every thread has a current context. A task copies the current context when it is created;
 * every callback, done callback and composed stage runs in the context that was current when it
 * was scheduled or registered. Setting a variable inside a callback changes only that callback's
 * view and what it schedules from then on; it never leaks into the scheduler's context.
 *
 * <p>Unlike Python's mutable {@code Context}, a snapshot never changes: {@link #run(Supplier)}
 * enters it, and values set inside the run are discarded when the run returns. That makes a
 * snapshot safe to hand to another thread, which is how context crosses thread boundaries.
 *
 * <p>Lookups are linear in the number of variables set; contexts are meant to hold a handful of
 * values (request ids, deadlines, trace spans), not large maps.
 *
 * <p><b>Threading:</b> thread-safe (immutable). Each thread has its own current context.
 *
 * @see <a href="https://docs.python.org/3/library/contextvars.html">contextvars</a>
 */
@ThreadSafe
public final class Context {
  static final Context EMPTY = new Context(new Object[0]);

  /** Alternating variables and values; variables compared by identity. */
  private final Object[] entries;

  private Context(Object[] entries) {
    this.entries = entries;
  }

  /** Returns the context with no variable set. */
  public static Context empty() {
    return EMPTY;
  }

  /** Returns the calling thread's current context; inside a callback or task, the one it runs in. */
  public static Context current() {
    return ThreadState.get().context;
  }

  /**
   * Runs {@code action} with this context as the calling thread's current context, then restores
   * the previous one, also when {@code action} throws.
   *
   * @param action what to run
   * @param <T> the result type
   * @return what {@code action} returned
   * @throws NullPointerException if {@code action} is null
   */
  public <T> T run(Supplier<T> action) {
    Objects.requireNonNull(action, "action");
    ThreadState state = ThreadState.get();
    Context previous = state.context;
    Object previousScope = state.runScope;
    state.context = this;
    state.runScope = new Object(); // tokens set inside are reset inside (asyncio: another Context)
    try {
      return action.get();
    } finally {
      state.context = previous;
      state.runScope = previousScope;
    }
  }

  /**
   * Runs {@code action} with this context as the calling thread's current context, then restores
   * the previous one, also when {@code action} throws.
   *
   * @param action what to run
   * @throws NullPointerException if {@code action} is null
   */
  public void run(Runnable action) {
    Objects.requireNonNull(action, "action");
    run(
        () -> {
          action.run();
          return null;
        });
  }

  /** Returns the number of variables that have a value in this context. */
  public int size() {
    return entries.length / 2;
  }

  /** Returns whether {@code variable} has a value in this context. */
  public boolean contains(ContextVar<?> variable) {
    return indexOf(variable) >= 0;
  }

  Object lookup(ContextVar<?> variable, Object missing) {
    int index = indexOf(variable);
    return index < 0 ? missing : entries[index + 1];
  }

  Context with(ContextVar<?> variable, Object value) {
    int index = indexOf(variable);
    Object[] copy;
    if (index >= 0) {
      copy = entries.clone();
      copy[index + 1] = value;
    } else {
      copy = java.util.Arrays.copyOf(entries, entries.length + 2);
      copy[entries.length] = variable;
      copy[entries.length + 1] = value;
    }
    return new Context(copy);
  }

  Context without(ContextVar<?> variable) {
    int index = indexOf(variable);
    if (index < 0) {
      return this;
    }
    Object[] copy = new Object[entries.length - 2];
    System.arraycopy(entries, 0, copy, 0, index);
    System.arraycopy(entries, index + 2, copy, index, entries.length - index - 2);
    return copy.length == 0 ? EMPTY : new Context(copy);
  }

  private int indexOf(ContextVar<?> variable) {
    for (int i = 0; i < entries.length; i += 2) {
      if (entries[i] == variable) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Context{");
    for (int i = 0; i < entries.length; i += 2) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(((ContextVar<?>) entries[i]).name()).append('=').append(entries[i + 1]);
    }
    return text.append('}').toString();
  }
}

package dev.syncopate.runtime;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A variable whose value belongs to the current {@link Context}: asyncio's {@code ContextVar}.
 *
 * <p>Create one per concept, as a {@code static final} field; variables are compared by identity,
 * never by name. {@code null} is a legal value.
 *
 * <p><b>Threading:</b> thread-safe. {@link #get()} and {@link #set(Object)} act on the calling
 * thread's current context only.
 *
 * @param <T> the value type
 * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.ContextVar">ContextVar</a>
 */
@ThreadSafe
public final class ContextVar<T> {
  private static final Object MISSING = new Object();

  private final String name;
  private final Object defaultValue;

  private ContextVar(String name, Object defaultValue) {
    this.name = Objects.requireNonNull(name, "name");
    this.defaultValue = defaultValue;
  }

  /**
   * Creates a variable without a default: {@link #get()} fails until a value is set.
   *
   * @param name a name for messages and {@code toString()}
   * @param <T> the value type
   * @return the new variable
   * @throws NullPointerException if {@code name} is null
   */
  public static <T> ContextVar<T> named(String name) {
    return new ContextVar<>(name, MISSING);
  }

  /**
   * Creates a variable whose value is {@code defaultValue} in every context that has not set it.
   *
   * @param name a name for messages and {@code toString()}
   * @param defaultValue the value where none is set; may be null
   * @param <T> the value type
   * @return the new variable
   * @throws NullPointerException if {@code name} is null
   */
  public static <T> ContextVar<T> withDefault(String name, T defaultValue) {
    return new ContextVar<>(name, defaultValue);
  }

  /** Returns the variable's name. */
  public String name() {
    return name;
  }

  /**
   * Returns the value in the current context, or the default.
   *
   * @return the value
   * @throws NoSuchElementException if no value is set and the variable has no default
   */
  @SuppressWarnings("unchecked")
  public T get() {
    Object value = Context.current().lookup(this, defaultValue);
    if (value == MISSING) {
      throw new NoSuchElementException(
          "context variable '" + name + "' has no value in the current context and no default;"
              + " set it first, or create it with ContextVar.withDefault");
    }
    return (T) value;
  }

  /**
   * Returns the value in the current context, or {@code fallback} when none is set (the variable's
   * own default is ignored).
   *
   * @param fallback what to return when no value is set
   * @return the value or {@code fallback}
   */
  @SuppressWarnings("unchecked")
  public T getOrElse(T fallback) {
    Object value = Context.current().lookup(this, MISSING);
    return value == MISSING ? fallback : (T) value;
  }

  /**
   * Sets the value in the calling thread's current context.
   *
   * @param value the new value; may be null
   * @return a token that {@link #reset(Token)} uses to restore the previous value
   */
  public Token<T> set(T value) {
    ThreadState state = ThreadState.get();
    Object previous = state.context.lookup(this, MISSING);
    state.context = state.context.with(this, value);
    return new Token<>(this, previous, state.tokenScope());
  }

  /**
   * Restores the value this variable had before the {@link #set(Object)} that returned {@code
   * token}, in the same context that {@code set} changed: asyncio's rule that a token is reset in
   * the {@code Context} it was made in. Here that is the same running task (any of its steps or
   * continuations), else the same loop callback, else the same {@link Context#run}, else the same
   * thread outside any of those. A refused reset changes nothing and leaves the token usable.
   *
   * @param token the token from {@code set}
   * @throws IllegalArgumentException if the token was made by another variable, or in another
   *     context (another task, callback, {@code Context.run} or thread)
   * @throws IllegalStateException if the token was used already
   */
  public void reset(Token<T> token) {
    Objects.requireNonNull(token, "token");
    if (token.variable != this) {
      throw new IllegalArgumentException(
          "token was created by context variable '" + token.variable.name
              + "', not by '" + name + "'; reset it through the variable that set it");
    }
    if (token.used) {
      throw new IllegalStateException(
          "token of context variable '" + name + "' has been used once already;"
              + " each set() gives a token for one reset()");
    }
    ThreadState state = ThreadState.get();
    Object scope = state.tokenScope();
    if (scope != token.scope) {
      throw new IllegalArgumentException(
          "token of context variable '" + name + "' was created in "
              + ThreadState.describeScope(token.scope) + ", but reset is called in "
              + ThreadState.describeScope(scope) + ", another context; reset it where it was set,"
              + " typically in a finally block right after the code that called set()");
    }
    token.used = true;
    state.context =
        token.previous == MISSING
            ? state.context.without(this)
            : state.context.with(this, token.previous);
  }

  @Override
  public String toString() {
    return "ContextVar[" + name + "]";
  }

  /**
   * The receipt of one {@link ContextVar#set(Object)}, good for one {@link ContextVar#reset(Token)}.
   *
   * <p><b>Threading:</b> use it on the thread, and in the context, where it was made; {@link
   * ContextVar#reset} refuses it anywhere else.
   *
   * @param <T> the variable's value type
   */
  public static final class Token<T> {
    private final ContextVar<T> variable;
    private final Object previous;
    /** Where it was made: {@link ThreadState#tokenScope()}. */
    private final Object scope;
    private boolean used;

    private Token(ContextVar<T> variable, Object previous, Object scope) {
      this.variable = variable;
      this.previous = previous;
      this.scope = scope;
    }

    /** Returns the variable that made this token. */
    public ContextVar<T> variable() {
      return variable;
    }
  }
}

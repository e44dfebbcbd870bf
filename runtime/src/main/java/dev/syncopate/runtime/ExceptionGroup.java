package dev.syncopate.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several failures reported together: Python's {@code ExceptionGroup}, raised by {@link
 * TaskGroup} when children (or the group's body) fail.
 *
 * <p>{@link #exceptions()} lists the failures in the order they happened; a member may itself be
 * a group. {@link #subgroup(Class)} and {@link #split(Class)} select members by type, keeping the
 * nesting, as {@code except*} does. The members are also attached as suppressed exceptions so
 * that a printed stack trace shows every one of them.
 *
 * <p><b>Threading:</b> immutable once constructed (apart from {@link Throwable}'s own mutable
 * parts); thread-safe.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#ExceptionGroup">ExceptionGroup</a>
 */
@ThreadSafe
public class ExceptionGroup extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The two parts of a {@link #split(Class)}; either may be null when it would be empty. */
  public record Split(ExceptionGroup matching, ExceptionGroup rest) {}

  private final String summary;

  @SuppressWarnings("serial") // Throwables are Serializable; the list is an immutable copy.
  private final List<Throwable> exceptions;

  /**
   * Creates a group.
   *
   * @param message what the failures have in common
   * @param exceptions the failures, at least one
   * @throws NullPointerException if {@code message}, the list or a member is null
   * @throws IllegalArgumentException if {@code exceptions} is empty
   */
  public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
    super(Objects.requireNonNull(message, "message") + " (" + count(exceptions) + ")");
    this.summary = message;
    this.exceptions = List.copyOf(exceptions);
    for (Throwable member : this.exceptions) {
      addSuppressed(member);
    }
  }

  private static String count(List<? extends Throwable> exceptions) {
    Objects.requireNonNull(exceptions, "exceptions");
    if (exceptions.isEmpty()) {
      throw new IllegalArgumentException("an ExceptionGroup needs at least one exception");
    }
    return exceptions.size() == 1 ? "1 sub-exception" : exceptions.size() + " sub-exceptions";
  }

  /** Returns the message given to the constructor, without the count of sub-exceptions. */
  public String summary() {
    return summary;
  }

  /** Returns the failures, in order; an unmodifiable list. */
  public List<Throwable> exceptions() {
    return exceptions;
  }

  /**
   * Returns a group with only the members (at any depth) that are instances of {@code type},
   * keeping the nesting, or null if none is; this group itself if it is such an instance.
   *
   * @param type the type to keep
   * @return the matching subgroup, or null
   * @throws NullPointerException if {@code type} is null
   */
  public ExceptionGroup subgroup(Class<? extends Throwable> type) {
    return split(type).matching();
  }

  /**
   * Splits the group by {@code type}: the members (at any depth) that are instances of it, and
   * the others, each as a group with the same nesting; {@code except*}'s split.
   *
   * @param type the type to match
   * @return the two parts; a part is null when empty
   * @throws NullPointerException if {@code type} is null
   */
  public Split split(Class<? extends Throwable> type) {
    Objects.requireNonNull(type, "type");
    if (type.isInstance(this)) {
      return new Split(this, null);
    }
    List<Throwable> matching = new ArrayList<>();
    List<Throwable> rest = new ArrayList<>();
    for (Throwable member : exceptions) {
      if (member instanceof ExceptionGroup group) {
        Split parts = group.split(type);
        if (parts.matching() != null) {
          matching.add(parts.matching());
        }
        if (parts.rest() != null) {
          rest.add(parts.rest());
        }
      } else {
        (type.isInstance(member) ? matching : rest).add(member);
      }
    }
    return new Split(part(matching), part(rest));
  }

  /**
   * Returns whether any member, at any depth, is an instance of {@code type}.
   *
   * @param type the type to look for
   * @return whether one is present
   * @throws NullPointerException if {@code type} is null
   */
  public boolean contains(Class<? extends Throwable> type) {
    return subgroup(type) != null;
  }

  private ExceptionGroup part(List<Throwable> members) {
    if (members.isEmpty()) {
      return null;
    }
    if (members.size() == exceptions.size() && members.equals(exceptions)) {
      return this;
    }
    ExceptionGroup derived = new ExceptionGroup(summary, members);
    derived.setStackTrace(getStackTrace());
    return derived;
  }
}

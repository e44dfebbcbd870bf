package dev.syncopate.runtime.internal;

/** Rethrows any throwable unchanged from code that cannot declare it (a step's function). */
public final class Sneaky {
  private Sneaky() {}

  /**
   * Throws {@code failure} as it is; declared to return an exception so callers can write {@code
   * throw Sneaky.rethrow(e)}.
   *
   * @param failure what to throw
   * @return never returns
   */
  public static RuntimeException rethrow(Throwable failure) {
    return Sneaky.<RuntimeException>throwAs(failure);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E throwAs(Throwable failure) throws E {
    throw (E) failure;
  }
}

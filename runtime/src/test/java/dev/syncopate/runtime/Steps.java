package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Step counters for ordering tests, after kotlinx.coroutines' {@code TestBase}: each {@code
 * expect(n)} asserts that it is the n-th step, {@code finish(n)} that the last step was n.
 *
 * <p>Public so that tests in sub-packages share it.
 */
public final class Steps {
  private int last;

  /** Asserts that this is step {@code step}: exactly one more than the previous step. */
  public void expect(int step) {
    assertEquals(last + 1, step, "step " + step + " ran after step " + last);
    last = step;
  }

  /** Asserts that the last step was {@code step} and no other follows. */
  public void finish(int step) {
    expect(step);
  }

  /** Fails if reached: marks code that must not run. */
  public void unreached() {
    throw new AssertionError("unreachable code ran after step " + last);
  }

  /** Returns the last step reached. */
  public int last() {
    return last;
  }
}

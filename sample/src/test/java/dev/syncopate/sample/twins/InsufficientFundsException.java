package dev.syncopate.sample.twins;

/** A checked failure of {@link AsyncAccount}. */
public final class InsufficientFundsException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates it.
   *
   * @param message what is missing
   */
  public InsufficientFundsException(String message) {
    super(message);
  }
}

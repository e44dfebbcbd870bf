package dev.syncopate.runtime;

import java.lang.System.Logger.Level;

/**
 * Receives what would otherwise be lost: failures of callbacks, failures nobody retrieved, and
 * debug-mode warnings. asyncio's {@code loop.set_exception_handler}.
 *
 * <p>A handler that throws does not stop the loop; its failure is logged together with the
 * original report.
 *
 * <p><b>Threading:</b> called on the loop thread.
 */
@FunctionalInterface
public interface ExceptionHandler {
  /**
   * Handles one report.
   *
   * @param loop the loop reporting
   * @param error what happened
   */
  void handle(EventLoop loop, LoopError error);

  /**
   * Returns the default handler: logs through {@link System.Logger} named {@code
   * dev.syncopate.runtime.EventLoop}, at {@code ERROR} for failures and {@code WARNING} for warnings.
   */
  static ExceptionHandler logging() {
    return (loop, error) -> {
      System.Logger logger = System.getLogger(EventLoop.class.getName());
      String text = "[" + loop.name() + "] " + error.message()
          + (error.source() == null ? "" : " (" + error.source() + ")");
      if (error.exception() == null) {
        logger.log(Level.WARNING, text);
      } else {
        logger.log(Level.ERROR, text, error.exception());
      }
    };
  }
}

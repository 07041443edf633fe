package io.engagekit.scoring.models;

/**
 * A model could not be fitted: the optimiser did not converge, the data cannot identify the
 * parameters, or the optimum is not a proper maximum. The message names the model and the problem;
 * a fit never returns parameters it could not stand behind.
 *
 * @since 0.1
 */
public final class ModelFitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message the model and what went wrong
   */
  public ModelFitException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message the model and what went wrong
   * @param cause what the optimiser threw
   */
  public ModelFitException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.engagekit.scoring.models;

import java.util.List;

/**
 * A model could not be fitted: the optimiser did not converge, the data cannot identify the
 * parameters, or the optimum is not a proper maximum. The message names the model and the problem;
 * a fit never returns parameters it could not stand behind.
 *
 * @since 0.1
 */
public final class ModelFitException extends RuntimeException {
  private static final long serialVersionUID = 2L;

  /** Each parameter the likelihood drove toward a boundary, as "name → 0" or "name → ∞". */
  private final String[] boundary;

  /**
   * Creates an exception.
   *
   * @param message the model and what went wrong
   */
  public ModelFitException(String message) {
    super(message);
    this.boundary = new String[0];
  }

  /**
   * Creates an exception for a likelihood that rises toward a boundary of the parameter space.
   *
   * @param message the model and what went wrong
   * @param boundary each parameter at a boundary, as {@code "b → ∞"} or {@code "a → 0"}
   * @since 0.2
   */
  public ModelFitException(String message, List<String> boundary) {
    super(message);
    this.boundary = boundary.toArray(new String[0]);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message the model and what went wrong
   * @param cause what the optimiser threw
   */
  public ModelFitException(String message, Throwable cause) {
    super(message, cause);
    this.boundary = new String[0];
  }

  /**
   * Returns the parameters the likelihood drove toward a boundary of the parameter space (0 or
   * ∞): the data fit a limit of the model better than any interior point (BG/NBD's {@code b → ∞}
   * is the NBD with no dropout, for example). Empty when the failure is of another kind.
   *
   * @return each such parameter as {@code "name → 0"} or {@code "name → ∞"}, in parameter order
   * @since 0.2
   */
  public List<String> boundary() {
    return List.of(boundary);
  }
}

package io.engagekit.scoring.attribution;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of an attribution model: the conversions and value credited to each channel, which
 * add up to the totals of the paths (within rounding), and for Markov models each channel's
 * removal effect.
 *
 * <p>Channels are in ascending order of name. Immutable and thread-safe.
 *
 * @param model the model's name: {@code first}, {@code last}, {@code linear}, {@code position} or
 *     {@code markov}
 * @param order the Markov chain's order, 1 to 4; 0 for the heuristic models
 * @param totalConversions the conversions of all paths
 * @param totalValue the conversion value of all paths
 * @param channels each channel's credit
 * @param removalEffects for Markov models, each channel's removal effect on conversions: the share of
 *     conversions lost when the channel is removed, in [0, 1]; empty for the heuristic models
 * @param valueRemovalEffects for Markov models, each channel's removal effect on conversion value;
 *     empty for the heuristic models
 * @since 0.1
 */
public record Attribution(String model, int order, double totalConversions, double totalValue,
    Map<String, Credit> channels, Map<String, Double> removalEffects, Map<String, Double> valueRemovalEffects) {

  /**
   * What one channel is credited with.
   *
   * @param conversions the conversions credited, finite and {@code >= 0}
   * @param value the conversion value credited, finite and {@code >= 0}
   */
  public record Credit(double conversions, double value) {
    /**
     * Validates the components.
     *
     * @param conversions see the class description
     * @param value see the class description
     * @throws IllegalArgumentException if either is negative or not finite
     */
    public Credit {
      finite("conversions", conversions);
      finite("value", value);
    }
  }

  /**
   * Validates and copies the components.
   *
   * @param model see the class description
   * @param order see the class description
   * @param totalConversions see the class description
   * @param totalValue see the class description
   * @param channels see the class description
   * @param removalEffects see the class description
   * @param valueRemovalEffects see the class description
   * @throws IllegalArgumentException if a number is negative or not finite
   * @throws NullPointerException if an argument, key or value is null
   */
  public Attribution {
    requireNonNull(model, "model");
    if (order < 0 || order > Attributions.MAX_ORDER) {
      throw new IllegalArgumentException("order must be in [0, " + Attributions.MAX_ORDER + "] but was " + order);
    }
    finite("totalConversions", totalConversions);
    finite("totalValue", totalValue);
    channels = copy(channels);
    removalEffects = copy(removalEffects);
    valueRemovalEffects = copy(valueRemovalEffects);
    for (Map.Entry<String, Double> e : removalEffects.entrySet()) {
      finite("removal effect of " + e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Double> e : valueRemovalEffects.entrySet()) {
      finite("value removal effect of " + e.getKey(), e.getValue());
    }
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    Map<String, V> out = new LinkedHashMap<>();
    requireNonNull(map, "map").forEach((k, v) -> out.put(requireNonNull(k, "key"), requireNonNull(v, "value")));
    return Collections.unmodifiableMap(out);
  }

  private static void finite(String what, double v) {
    if (!(v >= 0 && v <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException(what + " must be finite and >= 0 but was " + v);
    }
  }
}

package io.engagekit.scoring.attribution;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of an attribution model: the conversions and value credited to each channel, which
 * add up to the totals of the paths (within rounding), and what the model adds: removal effects for
 * Markov models, error bounds for sampled Shapley values.
 *
 * <p>Channels are in ascending order of name. Immutable and thread-safe.
 *
 * @param model the model's name: {@code first}, {@code last}, {@code linear}, {@code position},
 *     {@code time-decay}, {@code markov}, {@code shapley} or {@code shapley-ordered}
 * @param order the Markov chain's order, 1 to 4; 0 for the other models
 * @param totalConversions the conversions of all paths, finite and {@code >= 0}
 * @param totalValue the conversion value of all paths, finite and {@code >= 0}
 * @param channels each channel's credit
 * @param removalEffects for Markov models, each channel's removal effect on conversions: the share of
 *     conversions lost when the channel is removed, in [0, 1]; empty for the other models
 * @param valueRemovalEffects for Markov models, each channel's removal effect on conversion value;
 *     empty for the other models
 * @param sequenceRemovalEffects for Markov models of order 2 or more, the removal effect on
 *     conversions of the most frequent channel sequences (two channels or more, met in a row), keyed
 *     by the sequence's text ({@code "A > B"}), most frequent first; empty otherwise
 * @param errorBounds for Shapley values estimated by sampling, each channel's error bound: with
 *     probability at least 95%, every channel's credit lies within its bound of the exact value at
 *     once; empty for exact models
 * @since 0.1
 */
public record Attribution(String model, int order, double totalConversions, double totalValue,
    Map<String, Credit> channels, Map<String, Double> removalEffects, Map<String, Double> valueRemovalEffects,
    Map<String, Double> sequenceRemovalEffects, Map<String, Credit> errorBounds) {

  /**
   * What one channel is credited with. Credits are {@code >= 0} for every model but Shapley's:
   * a Shapley value is negative for a channel whose journeys convert less often (or for less value)
   * than those without it.
   *
   * @param conversions the conversions credited, finite
   * @param value the conversion value credited, finite
   */
  public record Credit(double conversions, double value) {
    /**
     * Validates the components.
     *
     * @param conversions see the class description
     * @param value see the class description
     * @throws IllegalArgumentException if either is not finite
     */
    public Credit {
      if (!Double.isFinite(conversions) || !Double.isFinite(value)) {
        throw new IllegalArgumentException("a credit must be finite but was (" + conversions + ", " + value + ")");
      }
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
   * @param sequenceRemovalEffects see the class description
   * @param errorBounds see the class description
   * @throws IllegalArgumentException if a total, effect or bound is negative or not finite
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
    sequenceRemovalEffects = copy(sequenceRemovalEffects);
    errorBounds = copy(errorBounds);
    for (Map.Entry<String, Double> e : removalEffects.entrySet()) {
      finite("removal effect of " + e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Double> e : valueRemovalEffects.entrySet()) {
      finite("value removal effect of " + e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Double> e : sequenceRemovalEffects.entrySet()) {
      finite("removal effect of " + e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Credit> e : errorBounds.entrySet()) {
      finite("error bound of " + e.getKey(), e.getValue().conversions());
      finite("value error bound of " + e.getKey(), e.getValue().value());
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

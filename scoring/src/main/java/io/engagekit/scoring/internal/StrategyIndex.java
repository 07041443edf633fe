package io.engagekit.scoring.internal;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.ScoringStrategy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An engine's strategies by name. */
public final class StrategyIndex {
  private StrategyIndex() {}

  /**
   * Indexes strategies by name, checking that there is at least one and that the names are distinct.
   *
   * @param strategies the strategies
   * @return each name's index
   * @throws IllegalArgumentException if there is none or two share a name
   */
  public static Map<String, Integer> indexByName(List<ScoringStrategy<?>> strategies) {
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < strategies.size(); i++) {
      String name = requireNonNull(strategies.get(i).name(), "strategy name");
      if (byName.putIfAbsent(name, i) != null) {
        throw new IllegalArgumentException("strategies must have distinct names but '" + name + "' appears twice");
      }
    }
    if (byName.isEmpty()) {
      throw new IllegalArgumentException("an engine needs at least one strategy");
    }
    return Map.copyOf(byName);
  }

  /**
   * Returns a strategy's index.
   *
   * @param index each name's index, from {@link #indexByName}
   * @param strategy a strategy name
   * @return its index
   * @throws IllegalArgumentException if no strategy has that name
   */
  public static int indexOf(Map<String, Integer> index, String strategy) {
    Integer i = index.get(requireNonNull(strategy, "strategy"));
    if (i == null) {
      throw new IllegalArgumentException(
          "this engine keeps no strategy named '" + strategy + "'; it keeps " + index.keySet());
    }
    return i;
  }
}

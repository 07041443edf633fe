package io.engagekit.scoring.composite;

import io.engagekit.core.BuildingBlock;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.loyalty.Expectations;
import java.util.EnumMap;
import java.util.Map;

/**
 * The composite strategy {@code composite.blocks}: loyalty and satisfaction signals combined over
 * the engagement building blocks, with weights per block. The implementation is package-private;
 * {@link io.engagekit.scoring.ScoringStrategies} offers it by name. Every returned strategy is
 * immutable and thread-safe.
 */
public final class CompositeStrategies {
  private static final CompositeBlocks BLOCKS = new CompositeBlocks(equalWeights(),
      Expectations.defaults());

  private CompositeStrategies() {}

  /** Equal weights for the blocks composite.blocks scores. */
  private static Map<BuildingBlock, Double> equalWeights() {
    Map<BuildingBlock, Double> m = new EnumMap<>(BuildingBlock.class);
    CompositeBlocks.BLOCKS.forEach(b -> m.put(b, 1.0));
    return m;
  }

  /**
   * {@code composite.blocks} with equal weights and the default expectations.
   *
   * @return the strategy
   */
  public static ScoringStrategy<?> blocks() {
    return BLOCKS;
  }

  /**
   * {@code composite.blocks} with the given weights per building block and expectations.
   *
   * @param expectations the expected contact interval and channels per relationship type
   * @param weights the weight of each building block
   * @return the strategy
   */
  public static ScoringStrategy<?> blocks(Map<BuildingBlock, Double> weights, Expectations expectations) {
    return new CompositeBlocks(weights, expectations);
  }
}

package io.engagekit.scoring.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.BuildingBlock;
import io.engagekit.core.Customer;
import io.engagekit.core.Touchpoint;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.evaluation.Metrics;
import io.engagekit.scoring.loyalty.Expectations;
import io.engagekit.scoring.simulation.GroundTruth;
import io.engagekit.scoring.simulation.Population;
import io.engagekit.scoring.simulation.SimulationSettings;
import io.engagekit.scoring.simulation.Simulator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signal each building block carries, measured: on a simulated population with ground truth
 * (4,000 customers, seed 11), each block's sub-score alone, scored as of the end of calibration, is
 * ranked against who is retained in the holdout (retention AUC over the customers the block informs).
 * The figures are printed and quoted in the README; the assertions hold what the simulator plants.
 */
final class BlockSignalTest {
  @Test
  void eachBlocksRetentionAuc_onASimulation() {
    Population p = Simulator.simulate(SimulationSettings.of(4000, 11));
    Map<String, BlocksState> states = new HashMap<>();
    for (Touchpoint t : p.touchpoints()) {
      if (!t.at().isAfter(p.calibrationEnd())) {
        states.computeIfAbsent(t.customer(), id -> new BlocksState()).accept(t);
      }
    }
    Map<String, GroundTruth> truth = new HashMap<>();
    p.truth().forEach(g -> truth.put(g.customer(), g));
    Map<BuildingBlock, double[]> auc = new EnumMap<>(BuildingBlock.class);
    StringBuilder table = new StringBuilder("block | informed | retention AUC\n");
    Map<BuildingBlock, Double> six = new EnumMap<>(BuildingBlock.class);
    for (BuildingBlock b : List.of(BuildingBlock.CHANNEL, BuildingBlock.CONTENT, BuildingBlock.CADENCE,
        BuildingBlock.COMMUNITY, BuildingBlock.CREDIBILITY, BuildingBlock.CONTEXT)) {
      six.put(b, 1.0);
    }
    Map<BuildingBlock, Double> nine = new EnumMap<>(BuildingBlock.class);
    CompositeBlocks.BLOCKS.forEach(b -> nine.put(b, 1.0));
    List<Map<BuildingBlock, Double>> weightings = new ArrayList<>();
    CompositeBlocks.BLOCKS.forEach(b -> weightings.add(Map.of(b, 1.0)));
    weightings.add(six);
    weightings.add(nine);
    double[] composite = new double[2];
    for (Map<BuildingBlock, Double> weights : weightings) {
      CompositeBlocks only = new CompositeBlocks(weights, Expectations.defaults());
      String label = weights == six ? "the six before (equal weights)" : weights == nine ? "all nine (equal weights)"
          : weights.keySet().iterator().next().code();
      List<Double> scores = new ArrayList<>();
      List<Boolean> retained = new ArrayList<>();
      for (Customer c : p.customers()) {
        BlocksState s = states.get(c.id());
        if (s == null) {
          continue;
        }
        Score score = only.score(s, p.calibrationEnd(), c);
        if (score.hasEvidence()) {
          scores.add(score.value());
          retained.add(truth.get(c.id()).retained());
        }
      }
      double a = Double.NaN;
      if (!scores.isEmpty()) {
        double[] x = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < y.length; i++) {
          y[i] = retained.get(i);
        }
        a = Metrics.auc(x, y);
      }
      if (weights == six || weights == nine) {
        composite[weights == six ? 0 : 1] = a;
      } else {
        auc.put(weights.keySet().iterator().next(), new double[] {scores.size(), a});
      }
      table.append(label).append(" | ").append(scores.size()).append(" | ")
          .append(String.format(java.util.Locale.ROOT, "%.3f", a)).append('\n');
    }
    System.out.print(table);
    // The simulator sets no culture attribute: the block is never informed there.
    assertEquals(0.0, auc.get(BuildingBlock.CULTURE)[0]);
    // Every simulated touchpoint is customer-initiated: catalyst is 1 for all, so it cannot rank.
    assertEquals(0.5, auc.get(BuildingBlock.CATALYST)[1], 1e-12, table.toString());
    // Currencies: loyal customers buy, refer and review more while active, so breadth ranks retention.
    assertTrue(auc.get(BuildingBlock.CURRENCIES)[1] > 0.6, table.toString());
    // And adding the new blocks does not make the composite rank worse.
    assertTrue(composite[1] >= composite[0] - 0.01, table.toString());
  }
}

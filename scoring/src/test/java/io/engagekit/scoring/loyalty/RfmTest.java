package io.engagekit.scoring.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class RfmTest {
  private static final Instant DAY0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Rfm STRATEGY = (Rfm) ScoringStrategies.loyaltyRfm();

  private static Touchpoint purchase(int day, double value) {
    return Touchpoint.builder("c", DAY0.plus(Duration.ofDays(day)), Channel.WEB, TouchpointKind.PURCHASE).value(value).build();
  }

  /** Customer i (1..5): latest purchase on day i, i purchases, spend 10 i. The class javadoc's example. */
  @Test
  void workedExample_fiveCustomers() {
    List<Rfm.State> population = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Rfm.State s = STRATEGY.newState();
      for (int k = 0; k < i; k++) {
        s.accept(purchase(i, 10.0));
      }
      population.add(s);
    }
    PopulationStrategy.Baseline<Rfm.State> c = STRATEGY.baseline(population, DAY0.plus(Duration.ofDays(6)));
    assertEquals(new Score(100.0, c.score(population.get(4)).contributions(), Optional.of("555 champions")),
        c.score(population.get(4)));
    assertEquals(Optional.of("111 lost"), c.score(population.get(0)).label());
    assertEquals(20.0, c.score(population.get(0)).value(), 1e-12);
    assertEquals(Optional.of("333 loyal"), c.score(population.get(2)).label());
    assertEquals(60.0, c.score(population.get(2)).value(), 1e-12);
    assertEquals(20.0, c.score(population.get(2)).contribution("recency").orElseThrow(), 1e-12);
    Map<String, Double> figures = c.figures();
    assertEquals(List.of("customers", "purchasers", "champions", "loyal", "potential_loyalists", "at_risk",
        "hibernating", "lost"), List.copyOf(figures.keySet()));
    // 555 and 444 are champions, 333 loyal, 222 hibernating, 111 lost
    assertEquals(List.of(5.0, 5.0, 2.0, 1.0, 0.0, 0.0, 1.0, 1.0), List.copyOf(figures.values()));
  }

  @Test
  void quintile_usesMidRanks_soTiesShareAQuintile() {
    double[] sorted = {1, 1, 1, 1, 1, 1, 2, 3, 4, 5};
    // six tied at the bottom: mid-rank 3.5 of 10 -> ceil(1.75) = 2
    assertEquals(2, Rfm.quintile(sorted, 1));
    assertEquals(4, Rfm.quintile(sorted, 2)); // rank 7 -> ceil(3.5) = 4
    assertEquals(5, Rfm.quintile(sorted, 5));
    assertEquals(5, Rfm.quintile(new double[] {7}, 7)); // a population of one
  }

  @Test
  void segments_coverEveryCodeExactlyOnce() {
    int[] counts = new int[Rfm.Segment.values().length];
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          counts[Rfm.Segment.of(r, f, m).ordinal()]++;
        }
      }
    }
    for (int n : counts) {
      assertTrue(n > 0);
    }
    assertEquals(Rfm.Segment.CHAMPIONS, Rfm.Segment.of(4, 4, 4));
    assertEquals(Rfm.Segment.LOYAL, Rfm.Segment.of(3, 5, 5));
    assertEquals(Rfm.Segment.POTENTIAL_LOYALISTS, Rfm.Segment.of(5, 1, 1));
    assertEquals(Rfm.Segment.AT_RISK, Rfm.Segment.of(1, 5, 4));
    assertEquals(Rfm.Segment.HIBERNATING, Rfm.Segment.of(2, 2, 3));
    assertEquals(Rfm.Segment.LOST, Rfm.Segment.of(1, 1, 2));
  }

  @Test
  void noPurchase_isNoEvidence_andIsNotInThePopulation() {
    Rfm.State visitor = STRATEGY.newState();
    visitor.accept(Touchpoint.of("c", DAY0, Channel.WEB, TouchpointKind.VISIT));
    Rfm.State buyer = STRATEGY.newState();
    buyer.accept(purchase(1, 5));
    PopulationStrategy.Baseline<Rfm.State> c = STRATEGY.baseline(List.of(visitor, buyer), DAY0);
    assertEquals(Score.noEvidence("no purchase"), c.score(visitor));
    assertEquals(Optional.of("555 champions"), c.score(buyer).label());
    assertEquals(2.0, c.figures().get("customers"));
    assertEquals(1.0, c.figures().get("purchasers"));
  }
}

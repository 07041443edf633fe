package io.engagekit.testkit.example;

import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.testkit.ScoringStrategyContract;

final class PurchaseShareTest extends ScoringStrategyContract {
  @Override
  protected ScoringStrategy<?> strategy() {
    return new PurchaseShare();
  }
}

/**
 * EngageKit testkit: the contract suite every scoring strategy passes
 * ({@link io.engagekit.testkit.ScoringStrategyContract}) and the seeded generators of valid domain
 * values it draws its events from ({@link io.engagekit.testkit.Generators}). Add it with test
 * scope and extend the contract in a JUnit 5 test.
 */
module io.engagekit.testkit {
  requires transitive io.engagekit.core;
  requires transitive io.engagekit.scoring;
  requires transitive org.junit.jupiter.api;

  exports io.engagekit.testkit;
}

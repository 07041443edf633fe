/**
 * EngageKit scoring: strategies, probabilistic models, attribution, evaluation and simulation over
 * the core model.
 */
module io.engagekit.scoring {
  requires transitive io.engagekit.core;
  requires static transitive org.jspecify;

  exports io.engagekit.scoring;

  uses io.engagekit.scoring.ScoringStrategy;
}

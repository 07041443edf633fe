/**
 * EngageKit scoring: strategies, probabilistic models, attribution, evaluation and simulation over
 * the core model.
 */
module io.engagekit.scoring {
  requires transitive io.engagekit.core;
  requires static transitive org.jspecify;
  requires com.fasterxml.jackson.core;
  requires org.apache.commons.numbers.gamma;
  requires org.apache.commons.rng.api;
  requires org.apache.commons.rng.sampling;
  requires org.slf4j;

  exports io.engagekit.scoring;
  exports io.engagekit.scoring.alerts;
  exports io.engagekit.scoring.attribution;
  exports io.engagekit.scoring.composite;
  exports io.engagekit.scoring.decay;
  exports io.engagekit.scoring.evaluation;
  exports io.engagekit.scoring.journeys;
  exports io.engagekit.scoring.loyalty;
  exports io.engagekit.scoring.models;
  exports io.engagekit.scoring.plans;
  exports io.engagekit.scoring.satisfaction;
  exports io.engagekit.scoring.simulation;

  uses io.engagekit.scoring.ScoringStrategy;
  uses io.engagekit.scoring.models.ModelType;
}

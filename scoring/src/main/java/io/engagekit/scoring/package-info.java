/**
 * Scoring: the strategy SPI and the engine that runs it.
 *
 * <p>A {@link io.engagekit.scoring.ScoringStrategy} owns a per-customer {@link
 * io.engagekit.scoring.ScoreState} that accepts one event at a time and combines with another, and
 * reads a {@link io.engagekit.scoring.Score} (0–100, with {@link io.engagekit.scoring.Contribution}s
 * that add up to it) as of an instant. A {@link io.engagekit.scoring.PopulationStrategy} scores
 * relative to the population, against a {@link io.engagekit.scoring.PopulationStrategy.Baseline}
 * that its {@link io.engagekit.scoring.PopulationSummary} keeps live as events arrive. {@link
 * io.engagekit.scoring.ScoringStrategies} holds the built-ins by name and finds third-party
 * strategies through {@link java.util.ServiceLoader}; {@link io.engagekit.scoring.EngagementEngine}
 * keeps every customer's states and summaries and scores them, and {@link
 * io.engagekit.scoring.EngineView} is one consistent cut of it.
 *
 * <p>The built-in strategies live in the packages of their ideas: {@code loyalty} (what customers
 * do), {@code satisfaction} (what they say), {@code journeys}, {@code alerts} (fading interest),
 * {@code composite} (the building blocks); {@code decay} holds the decay maths they share, and
 * {@code models}, {@code attribution}, {@code evaluation} and {@code simulation} the research
 * tools. {@code internal} is the engine's machinery and is not exported.
 */
@NullMarked
package io.engagekit.scoring;

import org.jspecify.annotations.NullMarked;

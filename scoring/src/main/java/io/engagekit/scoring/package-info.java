/**
 * Scoring: turning engagement events into scores and population figures.
 *
 * <p>{@link io.engagekit.scoring.SurveyTally} summarises satisfaction surveys for a population
 * (NPS, CSAT, CES with 95% confidence intervals) in a fixed-size, mergeable accumulator. {@link
 * io.engagekit.scoring.Decay} is the one decay primitive (exponential, linear, window, none) and
 * {@link io.engagekit.scoring.DecayedSum} its fixed-size, mergeable running sum.
 *
 * <p>Strategies: a {@link io.engagekit.scoring.ScoringStrategy} owns a per-customer {@link
 * io.engagekit.scoring.ScoreState} that accepts one event at a time and combines with another, and
 * reads a {@link io.engagekit.scoring.Score} (0–100, with {@link io.engagekit.scoring.Contribution}s
 * that add up to it) as of an instant. {@link io.engagekit.scoring.ScoringStrategies} holds the
 * built-ins and finds third-party strategies through {@link java.util.ServiceLoader}.
 */
@NullMarked
package io.engagekit.scoring;

import org.jspecify.annotations.NullMarked;

/**
 * Scoring: turning engagement events into scores and population figures.
 *
 * <p>{@link io.engagekit.scoring.SurveyTally} summarises satisfaction surveys for a population
 * (NPS, CSAT, CES with 95% confidence intervals) in a fixed-size, mergeable accumulator. {@link
 * io.engagekit.scoring.Decay} is the one decay primitive (exponential, linear, window, none) and
 * {@link io.engagekit.scoring.DecayedSum} its fixed-size, mergeable running sum.
 */
@NullMarked
package io.engagekit.scoring;

import org.jspecify.annotations.NullMarked;

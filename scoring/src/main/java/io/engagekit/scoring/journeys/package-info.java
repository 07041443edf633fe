/**
 * Journeys over touchpoints: {@link io.engagekit.scoring.journeys.Journeys#assemble assembly} of a
 * customer's touchpoints into journeys (from the journey ids they carry, or by sessionizing with an
 * inactivity gap and terminal events), the {@link io.engagekit.scoring.journeys.JourneyScorer
 * journey score and touchpoint score} with their explanations, and the {@link
 * io.engagekit.scoring.evaluation.LambdaSweep sweep} of the journey-over-touchpoint weight that
 * researchers use to see how much journeys matter. The strategy {@code journey.weighted} and the
 * attribution over journeys build on it.
 */
@NullMarked
package io.engagekit.scoring.journeys;

import org.jspecify.annotations.NullMarked;

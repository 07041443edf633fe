/**
 * Satisfaction: scores from what customers say (CSAT, NPS, CES survey answers), the counterpart of
 * {@code loyalty}. Obtain the strategies from {@link
 * io.engagekit.scoring.satisfaction.SatisfactionStrategies}; {@link
 * io.engagekit.scoring.satisfaction.SurveyTally} summarises a population's answers with confidence
 * intervals in a fixed-size, mergeable accumulator.
 */
@NullMarked
package io.engagekit.scoring.satisfaction;

import org.jspecify.annotations.NullMarked;

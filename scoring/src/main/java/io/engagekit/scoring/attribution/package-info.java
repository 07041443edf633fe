/**
 * Attribution: how much of the conversions, and of their value, each channel earned, over
 * aggregated conversion paths ({@link io.engagekit.core.ConversionPath}) or over journeys.
 * Heuristic models (first-touch, last-touch, linear, position-based, time-decay), Markov chains of
 * order 1 to 4 with removal effects of channels and channel sequences computed exactly from the
 * absorbing chain, not by simulation, and Shapley values of the conversion-rate game (exact,
 * order-aware, or sampled with a seed and error bounds). The same input always gives the same
 * output. Start at {@link io.engagekit.scoring.attribution.Attributions}.
 */
@NullMarked
package io.engagekit.scoring.attribution;

import org.jspecify.annotations.NullMarked;

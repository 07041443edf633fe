/**
 * Attribution: how much of the conversions, and of their value, each channel earned, over
 * aggregated conversion paths ({@link io.engagekit.core.ConversionPath}). Heuristic models
 * (first-touch, last-touch, linear, position-based) and Markov chains of order 1 to 4 with removal
 * effects computed exactly from the absorbing chain, not by simulation, so the same input always
 * gives the same output. Start at {@link io.engagekit.scoring.attribution.Attributions}.
 */
@NullMarked
package io.engagekit.scoring.attribution;

import org.jspecify.annotations.NullMarked;

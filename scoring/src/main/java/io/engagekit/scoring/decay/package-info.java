/**
 * Decay maths shared by the strategies: {@link io.engagekit.scoring.decay.Decay} (exponential,
 * linear, window, none) and {@link io.engagekit.scoring.decay.DecayedSum}, its fixed-size, mergeable
 * running sum rescaled to a common reference time.
 */
@NullMarked
package io.engagekit.scoring.decay;

import org.jspecify.annotations.NullMarked;

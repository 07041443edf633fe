/**
 * Loyalty: scores from what customers do. Purchases, visits and advocacy, ranked against the
 * population ({@code loyalty.decayed}, {@code loyalty.rfm}) or scored against a model fitted to it
 * ({@code loyalty.bgnbd}, {@code loyalty.paretonbd}, {@code loyalty.clv}). Obtain them from {@link
 * io.engagekit.scoring.loyalty.LoyaltyStrategies}; {@link io.engagekit.scoring.loyalty.Expectations}
 * and {@link io.engagekit.scoring.loyalty.ModelSettings} configure them.
 */
@NullMarked
package io.engagekit.scoring.loyalty;

import org.jspecify.annotations.NullMarked;

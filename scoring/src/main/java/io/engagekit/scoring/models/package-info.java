/**
 * Probabilistic customer-base models fitted by maximum likelihood: BG/NBD, MBG/NBD, Pareto/NBD,
 * BG/BB (discrete), Gamma-Gamma spend, and lifetime value over them. {@link
 * io.engagekit.scoring.models.PurchaseHistory} and {@link io.engagekit.scoring.models.RepeatPatterns}
 * are the data they are fitted to.
 */
@NullMarked
package io.engagekit.scoring.models;

import org.jspecify.annotations.NullMarked;

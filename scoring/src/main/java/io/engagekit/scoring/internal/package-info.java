/**
 * The engine's machinery: refits, per-customer entries, epochs and the snapshot codec. Not exported
 * from the module and not an API: the types are public only so that {@link
 * io.engagekit.scoring.EngagementEngine} can use them across packages.
 */
@NullMarked
package io.engagekit.scoring.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Composite scores over the engagement building blocks. Obtain them from {@link
 * io.engagekit.scoring.composite.CompositeStrategies}.
 */
@NullMarked
package io.engagekit.scoring.composite;

import org.jspecify.annotations.NullMarked;

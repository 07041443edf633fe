/**
 * Code shared between the core packages (and, by a qualified export, the scoring module); not API.
 */
@NullMarked
package io.engagekit.core.internal;

import org.jspecify.annotations.NullMarked;

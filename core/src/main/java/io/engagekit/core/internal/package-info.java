/** Code shared between the core packages; not exported from the module and not API. */
@NullMarked
package io.engagekit.core.internal;

import org.jspecify.annotations.NullMarked;

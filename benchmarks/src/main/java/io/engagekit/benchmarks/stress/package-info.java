/**
 * jcstress tests of the engine's concurrency promises: run with {@code java -cp
 * benchmarks/target/benchmarks.jar org.openjdk.jcstress.Main -t io.engagekit}.
 */
@NullMarked
package io.engagekit.benchmarks.stress;

import org.jspecify.annotations.NullMarked;

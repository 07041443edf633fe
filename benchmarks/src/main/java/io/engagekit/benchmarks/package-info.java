/**
 * JMH benchmarks of every hot path; figures and how they were taken are in {@code
 * benchmarks/RESULTS.md}.
 */
@NullMarked
package io.engagekit.benchmarks;

import org.jspecify.annotations.NullMarked;

/**
 * EngageKit in Apache Flink: the same strategies and per-customer state as the in-process engine,
 * keyed by customer, with population strategies completed by a second operator that replicates the
 * population summaries ({@link io.engagekit.flink.FlinkScoring} is the entry point).
 */
@NullMarked
package io.engagekit.flink;

import org.jspecify.annotations.NullMarked;

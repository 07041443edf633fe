/**
 * A runnable example job: the CDNOW transaction log scored in Flink, with its test as the proof
 * that the job reproduces the in-process scores.
 */
@NullMarked
package io.engagekit.flink.example;

import org.jspecify.annotations.NullMarked;

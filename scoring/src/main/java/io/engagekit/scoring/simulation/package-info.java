/**
 * Simulation: seeded synthetic populations with known ground truth ({@link
 * io.engagekit.scoring.simulation.Simulator}), so that a researcher can check that a strategy
 * recovers what was planted.
 */
@NullMarked
package io.engagekit.scoring.simulation;

import org.jspecify.annotations.NullMarked;

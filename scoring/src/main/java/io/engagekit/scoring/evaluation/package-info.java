/**
 * Evaluation: how well scores predict what customers did next. {@link
 * io.engagekit.scoring.evaluation.Metrics} holds the measures (ROC AUC, rank and linear correlation).
 */
@NullMarked
package io.engagekit.scoring.evaluation;

import org.jspecify.annotations.NullMarked;

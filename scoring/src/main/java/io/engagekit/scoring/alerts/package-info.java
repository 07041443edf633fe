/**
 * Alerts: catching fading interest early. {@link io.engagekit.scoring.alerts.FadingInterest}
 * compares a customer's recent activity with their own baseline and raises an alert when it drops.
 */
@NullMarked
package io.engagekit.scoring.alerts;

import org.jspecify.annotations.NullMarked;

/**
 * Scoring plans: points per event, declared in a JSON file rather than written in Java, as HubSpot,
 * Mautic and Apache Unomi let a marketer define them ("+3 per webinar, −5 per complaint, decays
 * after 90 days"). {@link io.engagekit.scoring.plans.Plans} reads one into a strategy registered like
 * any other ({@code plan:FILE} as a strategy name).
 */
@NullMarked
package io.engagekit.scoring.plans;

import org.jspecify.annotations.NullMarked;

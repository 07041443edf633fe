package io.engagekit.scoring.plans;

import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a plan: which touchpoints it matches (every criterion given must hold), and the points
 * each earns: {@code points} per touchpoint plus {@code perValue} per unit of its value, at most
 * {@code cap} in absolute value over all of them (after decay).
 *
 * @param name the rule's name, its contribution's name in a score's explanation
 * @param kind the touchpoint kind it matches, or null for any
 * @param channel the channel it matches, or null for any
 * @param contentType the content type it matches, or null for any
 * @param points points per matching touchpoint (may be negative)
 * @param perValue points per unit of a matching touchpoint's value (may be negative; 0 for none)
 * @param cap the most points, in absolute value, the rule gives a customer; positive infinity for none
 */
record Rule(String name, @Nullable TouchpointKind kind, @Nullable Channel channel, @Nullable ContentType contentType,
    double points, double perValue, double cap) {
  /** Whether a touchpoint earns this rule's points. */
  boolean matches(Touchpoint t) {
    return (kind == null || t.kind() == kind) && (channel == null || channel.equals(t.channel()))
        && (contentType == null || contentType.equals(t.contentTypeOr(null)));
  }

  /**
   * The rule's points from its decayed count and decayed value, capped, in units of 2^32 points
   * (values are summed in units of 2^32, so that no sum of valid values overflows).
   */
  double scaledOf(double count, double scaledValue) {
    double raw = Math.scalb(points * count, -32) + perValue * scaledValue;
    double scaledCap = Math.scalb(cap, -32);
    return Math.max(-scaledCap, Math.min(scaledCap, raw));
  }
}

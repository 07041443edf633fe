package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Initiator;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.util.Set;

/**
 * Which touchpoints count as a customer's activity, as a bit mask of {@link TouchpointKind}
 * ordinals: small enough to sit in every state, tested without allocating.
 */
final class Activity {
  /** The default: purchases only, the loyal behaviour recency and frequency measure. */
  static final Set<TouchpointKind> PURCHASES = Set.of(TouchpointKind.PURCHASE);

  private Activity() {}

  /**
   * The mask of a non-empty set of kinds.
   *
   * @throws IllegalArgumentException if the set is empty or names {@code survey_answer} (survey
   *     answers are not touchpoints a strategy counts)
   */
  static int mask(Set<TouchpointKind> kinds) {
    if (requireNonNull(kinds, "activity").isEmpty()) {
      throw new IllegalArgumentException("the activity kinds must not be empty");
    }
    int mask = 0;
    for (TouchpointKind k : kinds) {
      if (requireNonNull(k, "an activity kind") == TouchpointKind.SURVEY_ANSWER) {
        throw new IllegalArgumentException("survey_answer is not activity: survey answers are scored by satisfaction.*");
      }
      mask |= 1 << k.ordinal();
    }
    return mask;
  }

  /** Whether a touchpoint counts: its kind is in the mask, and the company did not initiate it. */
  static boolean counts(int mask, Touchpoint t) {
    return (mask & (1 << t.kind().ordinal())) != 0 && t.initiatorOr(null) != Initiator.COMPANY;
  }
}

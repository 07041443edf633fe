package io.engagekit.scoring.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointBuilder;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** loyalty.advocacy: worked examples from the formula in {@link Advocacy}. */
final class AdvocacyTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final double EPS = 1e-9;

  @SuppressWarnings("unchecked")
  private static final ScoringStrategy<Advocacy.State> ADVOCACY =
      (ScoringStrategy<Advocacy.State>) ScoringStrategies.loyaltyAdvocacy();

  private static Touchpoint act(TouchpointKind kind, Instant at, long reach) {
    TouchpointBuilder b = Touchpoint.builder("c", at, Channel.SOCIAL, kind);
    return (reach >= 0 ? b.reach(reach) : b).build();
  }

  private static Score score(Touchpoint... acts) {
    Advocacy.State s = ADVOCACY.newState();
    for (Touchpoint t : acts) {
      s.accept(t);
    }
    return ADVOCACY.score(s, NOW);
  }

  @Test
  void referralSeenBy99_now_is78point98() {
    // P = 3 * (1 + log10(100)) = 9; score = 100 * (1 - 2^(-9/4)).
    Score s = score(act(TouchpointKind.REFERRAL, NOW, 99));
    assertEquals(100 * (1 - Math.pow(2, -9.0 / 4)), s.value(), EPS);
    assertEquals(78.98, Math.round(s.value() * 100) / 100.0);
    assertEquals(s.value(), s.contribution("referral").orElseThrow(), EPS);
  }

  @Test
  void complaint_lowersTheScore_andShowsAsANegativeContribution() {
    // P = 3 (referral, no reach), N = 2 (complaint, no reach): net 1.
    Score s = score(act(TouchpointKind.REFERRAL, NOW, -1), act(TouchpointKind.COMPLAINT, NOW, 0));
    double expected = 100 * (1 - Math.pow(2, -1.0 / 4));
    assertEquals(expected, s.value(), EPS);
    // The referral alone would score 100 (1 - 2^(-3/4)); the complaint takes the rest away.
    double referralAlone = 100 * (1 - Math.pow(2, -3.0 / 4));
    assertEquals(referralAlone, s.contribution("referral").orElseThrow(), EPS);
    assertEquals(expected - referralAlone, s.contribution("complaints").orElseThrow(), EPS);
  }

  /**
   * Issue 22 (found by StateFuzzTest): complaints nearly as heavy as the advocacy, at large weights.
   * Shares of the net weight were huge and opposite and summed to 100.0039; the contributions now
   * stay within [-100, 100] and add up to the score.
   */
  @Test
  void complaintsNearlyCancellingHeavyAdvocacy_stillExplainTheScore() {
    Score s = score(act(TouchpointKind.REFERRAL, NOW, 999_999_999), act(TouchpointKind.REFERRAL, NOW, 999_999_999),
        act(TouchpointKind.COMPLAINT, NOW, 999_999_998), act(TouchpointKind.COMPLAINT, NOW, 999_999_998),
        act(TouchpointKind.COMPLAINT, NOW, 999_999_998));
    assertTrue(s.value() > 0 && s.value() <= 100, s.toString());
    for (io.engagekit.scoring.Contribution c : s.contributions()) {
      assertTrue(Math.abs(c.value()) <= 100, c.toString());
    }
  }

  @Test
  void complaintsOutweighingAdvocacy_giveZero() {
    assertSame(Score.ZERO, score(act(TouchpointKind.REVIEW, NOW, 0), act(TouchpointKind.COMPLAINT, NOW, 9)));
    assertEquals(Score.noEvidence("no act of advocacy and no complaint"), score());
  }

  @Test
  void negativeReview_isAPublicComplaint_andUserGeneratedContentCounts() {
    Touchpoint angry = Touchpoint.builder("c", NOW, Channel.WEB, TouchpointKind.REVIEW).sentiment(-0.5).build();
    Touchpoint video = Touchpoint.builder("c", NOW, Channel.VIDEO, TouchpointKind.CONTENT_VIEW)
        .contentType(ContentType.USER_GENERATED).build();
    // P = 1 (user-generated), N = 2 (negative review): net -1.
    assertSame(Score.ZERO, score(angry, video));
    Score ugc = score(video);
    assertEquals(100 * (1 - Math.pow(2, -1.0 / 4)), ugc.contribution("user_generated").orElseThrow(), EPS);
  }

  @Test
  void halfLife_halvesAnAct() {
    // A referral 180 days before NOW weighs 1.5: score = 100 * (1 - 2^(-1.5/4)).
    Score s = score(act(TouchpointKind.REFERRAL, NOW.minus(Duration.ofDays(180)), -1),
        act(TouchpointKind.VISIT, NOW.minus(Duration.ofDays(180)), -1));
    assertEquals(100 * (1 - Math.pow(2, -1.5 / 4)), s.value(), EPS);
  }

  @Test
  void otherEvents_areIgnored() {
    Advocacy.State s = ADVOCACY.newState();
    s.accept(SurveyResponse.of("c", NOW, SurveyMetric.NPS, 10));
    s.accept(act(TouchpointKind.PURCHASE, NOW, 1000));
    assertEquals(Score.noEvidence("no act of advocacy and no complaint"), ADVOCACY.score(s, NOW));
  }

  @Test
  void halfLife_isConfigurable_andValidated() {
    assertEquals("loyalty.advocacy", ScoringStrategies.loyaltyAdvocacy(Duration.ofDays(30)).name());
    assertThrows(IllegalArgumentException.class, () -> ScoringStrategies.loyaltyAdvocacy(Duration.ZERO));
  }
}

package io.engagekit.core;

import com.google.common.testing.NullPointerTester;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared fixtures for the model tests. */
final class ModelTestSupport {
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

  private ModelTestSupport() {}

  /** A NullPointerTester that knows how to make the model's types. */
  static NullPointerTester nullTester() {
    return new NullPointerTester()
        .setDefault(Instant.class, T0)
        .setDefault(String.class, "c1")
        .setDefault(Channel.class, Channel.WEB)
        .setDefault(ContentType.class, ContentType.NEWS)
        .setDefault(TouchpointKind.class, TouchpointKind.VISIT)
        .setDefault(SurveyMetric.class, SurveyMetric.NPS)
        .setDefault(JourneyOutcome.class, JourneyOutcome.IN_PROGRESS)
        .setDefault(java.time.ZoneId.class, ZoneOffset.UTC);
  }
}

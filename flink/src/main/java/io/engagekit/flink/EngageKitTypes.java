package io.engagekit.flink;

import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.alerts.FadingInterest;
import io.engagekit.scoring.models.RepeatPattern;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Flink type information for EngageKit's values, each with a compact hand-written serializer: pass
 * them where Flink cannot infer a type ({@code env.fromData(events, EngageKitTypes.events())}, a
 * {@code map} to events with {@code .returns(EngageKitTypes.events())}), so that no EngageKit value
 * falls back to Kryo. Jobs that set {@code pipeline.generic-types: false} run unchanged.
 *
 * @since 0.1
 */
public final class EngageKitTypes {
  private static final TypeInformation<EngagementEvent> EVENTS =
      new ValueTypeInfo<>(EngagementEvent.class, Serializers.Events.INSTANCE);
  private static final TypeInformation<ScoreRequest> REQUESTS =
      new ValueTypeInfo<>(ScoreRequest.class, Serializers.Requests.INSTANCE);
  private static final TypeInformation<CustomerScores> SCORES =
      new ValueTypeInfo<>(CustomerScores.class, Serializers.Scores.INSTANCE);
  private static final TypeInformation<FadingInterest.Alert> ALERTS =
      new ValueTypeInfo<>(FadingInterest.Alert.class, Serializers.Alerts.INSTANCE);
  private static final TypeInformation<RepeatPattern> PATTERNS =
      new ValueTypeInfo<>(RepeatPattern.class, Serializers.Patterns.INSTANCE);

  private EngageKitTypes() {}

  /**
   * Returns the type of touchpoints and survey answers.
   *
   * @return the type information
   */
  public static TypeInformation<EngagementEvent> events() {
    return EVENTS;
  }

  /**
   * Returns the type of score requests.
   *
   * @return the type information
   */
  public static TypeInformation<ScoreRequest> requests() {
    return REQUESTS;
  }

  /**
   * Returns the type of the scoring operator's output.
   *
   * @return the type information
   */
  public static TypeInformation<CustomerScores> scores() {
    return SCORES;
  }

  /**
   * Returns the type of fading-interest alerts.
   *
   * @return the type information
   */
  public static TypeInformation<FadingInterest.Alert> alerts() {
    return ALERTS;
  }

  /**
   * Returns the type of repeat patterns (the RFM summaries of {@link RfmSummaries}).
   *
   * @return the type information
   */
  public static TypeInformation<RepeatPattern> patterns() {
    return PATTERNS;
  }
}

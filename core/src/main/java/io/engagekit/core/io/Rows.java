package io.engagekit.core.io;

import io.engagekit.core.Cadence;
import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.ConversionPath;
import io.engagekit.core.Customer;
import io.engagekit.core.Initiator;
import io.engagekit.core.Journey;
import io.engagekit.core.JourneyOutcome;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointBuilder;
import io.engagekit.core.TouchpointKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rows of the five built-in {@link Schema schemas}: how each field text becomes a value and
 * back. Stateless.
 */
final class Rows {
  private Rows() {}

  // ---- touchpoints ----

  static Touchpoint parseTouchpoint(@Nullable String[] v, ZoneId zone) {
    TouchpointBuilder b =
        Touchpoint.builder(
            Values.required("customer", v[0]),
            Values.timestamp("timestamp", Values.required("timestamp", v[1]), zone),
            Channel.of(Values.required("channel", v[2])),
            TouchpointKind.fromCode(Values.required("kind", v[3])));
    if (v[4] != null) {
      b.contentType(ContentType.of(v[4]));
    }
    if (v[5] != null) {
      b.cadence(Cadence.fromCode(v[5]));
    }
    if (v[6] != null) {
      b.initiator(Initiator.fromCode(v[6]));
    }
    if (v[7] != null) {
      b.value(Values.decimal("value", v[7]));
    }
    if (v[8] != null) {
      b.reach(Values.integer("reach", v[8]));
    }
    if (v[9] != null) {
      b.sentiment(Values.decimal("sentiment", v[9]));
    }
    if (v[10] != null) {
      b.responseSeconds(Values.decimal("response_seconds", v[10]));
    }
    if (v[11] != null) {
      b.journey(v[11]);
    }
    if (v[12] != null) {
      b.step(Values.int32("step", v[12]));
    }
    if (v[13] != null) {
      b.quantity(Values.integer("quantity", v[13]));
    }
    return b.build();
  }

  static void formatTouchpoint(Touchpoint t, @Nullable String[] out) {
    out[0] = t.customer();
    out[1] = t.at().toString();
    out[2] = t.channel().code();
    out[3] = t.kind().code();
    out[4] = t.contentType().map(ContentType::code).orElse(null);
    out[5] = t.cadence().map(Cadence::code).orElse(null);
    out[6] = t.initiator().map(Initiator::code).orElse(null);
    out[7] = t.value().isPresent() ? Double.toString(t.value().getAsDouble()) : null;
    out[8] = t.reach().isPresent() ? Long.toString(t.reach().getAsLong()) : null;
    out[9] = t.sentiment().isPresent() ? Double.toString(t.sentiment().getAsDouble()) : null;
    out[10] =
        t.responseSeconds().isPresent() ? Double.toString(t.responseSeconds().getAsDouble()) : null;
    out[11] = t.journey().orElse(null);
    out[12] = t.step().isPresent() ? Integer.toString(t.step().getAsInt()) : null;
    out[13] = t.quantity().isPresent() ? Long.toString(t.quantity().getAsLong()) : null;
  }

  // ---- surveys ----

  static SurveyResponse parseSurvey(@Nullable String[] v, ZoneId zone) {
    return new SurveyResponse(
        Values.required("customer", v[0]),
        Values.timestamp("timestamp", Values.required("timestamp", v[1]), zone),
        SurveyMetric.fromCode(Values.required("metric", v[2])),
        Values.int32("score", Values.required("score", v[3])),
        v[4] == null ? Optional.empty() : Optional.of(Channel.of(v[4])));
  }

  static void formatSurvey(SurveyResponse r, @Nullable String[] out) {
    out[0] = r.customer();
    out[1] = r.at().toString();
    out[2] = r.metric().code();
    out[3] = Integer.toString(r.score());
    out[4] = r.channel().map(Channel::code).orElse(null);
  }

  // ---- journeys ----

  static Journey parseJourney(@Nullable String[] v, ZoneId zone) {
    Instant start = Values.timestamp("start", Values.required("start", v[3]), zone);
    Optional<Instant> end =
        v[4] == null ? Optional.empty() : Optional.of(Values.timestamp("end", v[4], zone));
    return new Journey(
        Values.required("journey", v[0]),
        Values.required("customer", v[1]),
        Values.required("type", v[2]),
        start,
        end,
        JourneyOutcome.fromCode(Values.required("outcome", v[5])));
  }

  static void formatJourney(Journey j, @Nullable String[] out) {
    out[0] = j.id();
    out[1] = j.customer();
    out[2] = j.type();
    out[3] = j.start().toString();
    out[4] = j.end().map(Instant::toString).orElse(null);
    out[5] = j.outcome().code();
  }

  // ---- customers ----

  static Customer parseCustomer(@Nullable String[] v, ZoneId zone) {
    return new Customer(
        Values.required("customer", v[0]),
        v[1] == null ? Optional.empty() : Optional.of(RelationshipType.fromCode(v[1])),
        Optional.ofNullable(v[2]),
        Map.of());
  }

  static void formatCustomer(Customer c, @Nullable String[] out) {
    out[0] = c.id();
    out[1] = c.relationship().map(RelationshipType::code).orElse(null);
    out[2] = c.segment().orElse(null);
  }

  static ConversionPath parsePath(@Nullable String[] v, ZoneId zone) {
    String path = Values.required("path", v[0]);
    double conversions = Values.decimal("total_conversions", Values.required("total_conversions", v[1]));
    double value = v[2] == null ? 0 : Values.decimal("total_conversion_value", v[2]);
    double nulls = Values.decimal("total_null", Values.required("total_null", v[3]));
    return ConversionPath.parse(path, conversions, value, nulls);
  }

  static void formatPath(ConversionPath p, @Nullable String[] out) {
    out[0] = p.text();
    out[1] = Double.toString(p.conversions());
    out[2] = Double.toString(p.value());
    out[3] = Double.toString(p.nulls());
  }
}

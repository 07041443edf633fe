package io.engagekit.core.io;

import io.engagekit.core.Cadence;
import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.ConversionPath;
import io.engagekit.core.Customer;
import io.engagekit.core.Initiator;
import io.engagekit.core.InvalidFieldException;
import io.engagekit.core.Journey;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointBuilder;
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

  static Touchpoint parseTouchpoint(Cells c, ZoneId zone) {
    TouchpointBuilder b =
        c.touchpoint(
            c.id(0, "customer"),
            c.timestamp(1, "timestamp", zone),
            c.code(2, "channel", Codes.CHANNELS),
            c.code(3, "kind", Codes.KINDS));
    if (c.has(4)) {
      b.contentType(c.code(4, Codes.CONTENT_TYPES));
    }
    if (c.has(5)) {
      b.cadence(c.code(5, Codes.CADENCES));
    }
    if (c.has(6)) {
      b.initiator(c.code(6, Codes.INITIATORS));
    }
    if (c.has(7)) {
      b.value(c.decimal(7, "value"));
    }
    if (c.has(8)) {
      b.reach(c.integer(8, "reach"));
    }
    if (c.has(9)) {
      b.sentiment(c.decimal(9, "sentiment"));
    }
    if (c.has(10)) {
      b.responseSeconds(c.decimal(10, "response_seconds"));
    }
    if (c.has(11)) {
      b.journey(c.shared(11));
    }
    if (c.has(12)) {
      b.step(c.int32(12, "step"));
    }
    if (c.has(13)) {
      b.quantity(c.integer(13, "quantity"));
    }
    return b.build();
  }

  static void formatTouchpoint(Touchpoint t, @Nullable String[] out) {
    out[0] = t.customer();
    out[1] = Values.instant(t.at());
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

  static void appendTouchpoint(Touchpoint t, CsvText out) {
    out.text(t.customer());
    out.instant(t.at());
    out.code(t.channel().code());
    out.code(t.kind().code());
    out.code(t.contentType().map(ContentType::code).orElse(null));
    out.code(t.cadence().map(Cadence::code).orElse(null));
    out.code(t.initiator().map(Initiator::code).orElse(null));
    decimal(out, t.value());
    whole(out, t.reach());
    decimal(out, t.sentiment());
    decimal(out, t.responseSeconds());
    out.text(t.journey().orElse(null));
    if (t.step().isPresent()) {
      out.number(t.step().getAsInt());
    } else {
      out.absent();
    }
    whole(out, t.quantity());
  }

  private static void decimal(CsvText out, java.util.OptionalDouble x) {
    if (x.isPresent()) {
      out.decimal(x.getAsDouble());
    } else {
      out.absent();
    }
  }

  private static void whole(CsvText out, java.util.OptionalLong x) {
    if (x.isPresent()) {
      out.number(x.getAsLong());
    } else {
      out.absent();
    }
  }

  // ---- surveys ----

  static SurveyResponse parseSurvey(Cells c, ZoneId zone) {
    String customer = c.id(0, "customer");
    Instant at = c.timestamp(1, "timestamp", zone);
    SurveyMetric metric = c.code(2, "metric", Codes.METRICS);
    if (!c.has(3)) {
      throw new InvalidFieldException("score", "is required but was absent");
    }
    int score = c.int32(3, "score");
    return new SurveyResponse(
        customer, at, metric, score,
        c.has(4) ? Optional.of(c.code(4, Codes.CHANNELS)) : Optional.empty());
  }

  static void formatSurvey(SurveyResponse r, @Nullable String[] out) {
    out[0] = r.customer();
    out[1] = Values.instant(r.at());
    out[2] = r.metric().code();
    out[3] = Integer.toString(r.score());
    out[4] = r.channel().map(Channel::code).orElse(null);
  }

  static void appendSurvey(SurveyResponse r, CsvText out) {
    out.text(r.customer());
    out.instant(r.at());
    out.code(r.metric().code());
    out.number(r.score());
    out.code(r.channel().map(Channel::code).orElse(null));
  }

  // ---- journeys ----

  static Journey parseJourney(Cells c, ZoneId zone) {
    Instant start = c.timestamp(3, "start", zone);
    Optional<Instant> end = c.has(4) ? Optional.of(c.timestamp(4, "end", zone)) : Optional.empty();
    return new Journey(
        c.required(0, "journey"),
        c.id(1, "customer"),
        c.required(2, "type"),
        start,
        end,
        c.code(5, "outcome", Codes.OUTCOMES));
  }

  static void formatJourney(Journey j, @Nullable String[] out) {
    out[0] = j.id();
    out[1] = j.customer();
    out[2] = j.type();
    out[3] = Values.instant(j.start());
    out[4] = j.end().map(Values::instant).orElse(null);
    out[5] = j.outcome().code();
  }

  static void appendJourney(Journey j, CsvText out) {
    out.text(j.id());
    out.text(j.customer());
    out.text(j.type());
    out.instant(j.start());
    out.instant(j.end().orElse(null));
    out.code(j.outcome().code());
  }

  // ---- customers ----

  static Customer parseCustomer(Cells c, ZoneId zone) {
    return new Customer(
        c.id(0, "customer"),
        c.has(1) ? Optional.of(c.code(1, Codes.RELATIONSHIPS)) : Optional.empty(),
        c.has(2) ? Optional.of(c.shared(2)) : Optional.empty(),
        Map.of());
  }

  static void formatCustomer(Customer c, @Nullable String[] out) {
    out[0] = c.id();
    out[1] = c.relationship().map(RelationshipType::code).orElse(null);
    out[2] = c.segment().orElse(null);
  }

  static void appendCustomer(Customer c, CsvText out) {
    out.text(c.id());
    out.code(c.relationship().map(RelationshipType::code).orElse(null));
    out.text(c.segment().orElse(null));
  }

  static ConversionPath parsePath(Cells c, ZoneId zone) {
    String path = c.required(0, "path");
    if (!c.has(1)) {
      throw new InvalidFieldException("total_conversions", "is required but was absent");
    }
    double conversions = c.decimal(1, "total_conversions");
    double value = c.has(2) ? c.decimal(2, "total_conversion_value") : 0;
    if (!c.has(3)) {
      throw new InvalidFieldException("total_null", "is required but was absent");
    }
    double nulls = c.decimal(3, "total_null");
    return ConversionPath.parse(path, conversions, value, nulls);
  }

  static void formatPath(ConversionPath p, @Nullable String[] out) {
    out[0] = p.text();
    out[1] = Double.toString(p.conversions());
    out[2] = Double.toString(p.value());
    out[3] = Double.toString(p.nulls());
  }

  static void appendPath(ConversionPath p, CsvText out) {
    out.text(p.text());
    out.decimal(p.conversions());
    out.decimal(p.value());
    out.decimal(p.nulls());
  }
}

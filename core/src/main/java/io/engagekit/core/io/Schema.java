package io.engagekit.core.io;

import static java.util.Objects.requireNonNull;

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
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A canonical schema: the field names shared by CSV (as header columns, in any order) and JSON
 * Lines (as object keys), and how each row becomes a value.
 *
 * <table>
 *   <caption>The canonical schemas</caption>
 *   <tr><th>schema</th><th>fields (required in bold)</th></tr>
 *   <tr><td>{@link #TOUCHPOINTS}</td><td><b>customer, timestamp, channel, kind</b>, content_type,
 *       cadence, initiator, value, reach, sentiment, response_seconds, journey, step,
 *       quantity</td></tr>
 *   <tr><td>{@link #SURVEYS}</td><td><b>customer, timestamp, metric, score</b>, channel</td></tr>
 *   <tr><td>{@link #JOURNEYS}</td><td><b>journey, customer, type, start</b>, end, <b>outcome</b></td></tr>
 *   <tr><td>{@link #CUSTOMERS}</td><td><b>customer</b>, relationship, segment</td></tr>
 *   <tr><td>{@link #PATHS}</td><td><b>path, total_conversions</b>, total_conversion_value,
 *       <b>total_null</b></td></tr>
 * </table>
 *
 * <p>Optional fields may be empty (CSV) or absent or null (JSON). A CSV header must name every
 * required column, no column twice, and no unknown column; a JSON object must have no unknown or
 * duplicate key. Enumerated values are lower_snake_case codes ({@code face_to_face}, {@code
 * ad_hoc}, {@code community_post}); timestamps are ISO-8601 instants, date-times with offset, or
 * dates (the start of that day in the reader's zone). In JSON, numeric fields must be JSON numbers
 * and the others JSON strings.
 *
 * <p>A customers row says what is known of one customer: the {@link RelationshipType} code
 * ({@code personal_assistance}, {@code self_service}, …) and a segment label. A customer's
 * attributes are not read from files.
 *
 * <p>A paths row is an aggregated path of the kind attribution tools exchange ({@link
 * ConversionPath}): channels separated by {@code " > "}, with counts that may be fractional; an
 * empty {@code total_conversion_value} is 0.
 *
 * <p>The five schemas are constants; they are immutable and thread-safe, and each call to {@link
 * #reader} or {@link #writer} makes a new, single-threaded reader or writer.
 *
 * @param <T> the type of value a row becomes
 * @since 0.1
 */
public final class Schema<T> {
  /** The JSON type a field must have. */
  enum Type {
    STRING,
    DECIMAL,
    INTEGER
  }

  record Field(String name, Type type, boolean required) {}

  /** Turns field texts (null = absent) into a value, or throws an InvalidFieldException. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(@Nullable String[] values, ZoneId zone);
  }

  /** Writes a value's field texts (null = absent) into {@code out}. */
  @FunctionalInterface
  interface Formatter<T> {
    void format(T value, @Nullable String[] out);
  }

  private static final Field[] TOUCHPOINT_FIELDS = {
    new Field("customer", Type.STRING, true),
    new Field("timestamp", Type.STRING, true),
    new Field("channel", Type.STRING, true),
    new Field("kind", Type.STRING, true),
    new Field("content_type", Type.STRING, false),
    new Field("cadence", Type.STRING, false),
    new Field("initiator", Type.STRING, false),
    new Field("value", Type.DECIMAL, false),
    new Field("reach", Type.INTEGER, false),
    new Field("sentiment", Type.DECIMAL, false),
    new Field("response_seconds", Type.DECIMAL, false),
    new Field("journey", Type.STRING, false),
    new Field("step", Type.INTEGER, false),
    new Field("quantity", Type.INTEGER, false),
  };

  /** Touchpoints: one interaction a row. */
  public static final Schema<Touchpoint> TOUCHPOINTS =
      new Schema<>("touchpoints", TOUCHPOINT_FIELDS, Schema::parseTouchpoint, Schema::formatTouchpoint);

  /** Survey responses: one answer a row. */
  public static final Schema<SurveyResponse> SURVEYS =
      new Schema<>(
          "surveys",
          new Field[] {
            new Field("customer", Type.STRING, true),
            new Field("timestamp", Type.STRING, true),
            new Field("metric", Type.STRING, true),
            new Field("score", Type.INTEGER, true),
            new Field("channel", Type.STRING, false),
          },
          Schema::parseSurvey,
          Schema::formatSurvey);

  /** Journeys: one journey a row. */
  public static final Schema<Journey> JOURNEYS =
      new Schema<>(
          "journeys",
          new Field[] {
            new Field("journey", Type.STRING, true),
            new Field("customer", Type.STRING, true),
            new Field("type", Type.STRING, true),
            new Field("start", Type.STRING, true),
            new Field("end", Type.STRING, false),
            new Field("outcome", Type.STRING, true),
          },
          Schema::parseJourney,
          Schema::formatJourney);

  /** Customers: what is known of one customer a row (relationship type, segment). */
  public static final Schema<Customer> CUSTOMERS =
      new Schema<>(
          "customers",
          new Field[] {
            new Field("customer", Type.STRING, true),
            new Field("relationship", Type.STRING, false),
            new Field("segment", Type.STRING, false),
          },
          Schema::parseCustomer,
          Schema::formatCustomer);

  /** Aggregated conversion paths: one path a row, in the attribution tools' format. */
  public static final Schema<ConversionPath> PATHS =
      new Schema<>(
          "paths",
          new Field[] {
            new Field("path", Type.STRING, true),
            new Field("total_conversions", Type.DECIMAL, true),
            new Field("total_conversion_value", Type.DECIMAL, false),
            new Field("total_null", Type.DECIMAL, true),
          },
          Schema::parsePath,
          Schema::formatPath);

  private final String name;
  private final Field[] fields;
  private final Parser<T> parser;
  private final Formatter<T> formatter;

  private Schema(String name, Field[] fields, Parser<T> parser, Formatter<T> formatter) {
    this.name = name;
    this.fields = fields;
    this.parser = parser;
    this.formatter = formatter;
  }

  /**
   * Returns the schema's name.
   *
   * @return {@code touchpoints}, {@code surveys}, {@code journeys}, {@code customers} or {@code
   *     paths}
   */
  public String name() {
    return name;
  }

  /**
   * Returns the field names, in the order writers use.
   *
   * @return the field names
   */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>(fields.length);
    for (Field f : fields) {
      names.add(f.name());
    }
    return List.copyOf(names);
  }

  /**
   * Returns the names of the fields every row must have.
   *
   * @return the required field names
   */
  public List<String> requiredFieldNames() {
    List<String> names = new ArrayList<>();
    for (Field f : fields) {
      if (f.required()) {
        names.add(f.name());
      }
    }
    return List.copyOf(names);
  }

  /**
   * Returns the schema with the given name.
   *
   * @param name {@code touchpoints}, {@code surveys}, {@code journeys}, {@code customers} or {@code
   *     paths}
   * @return the schema
   * @throws IllegalArgumentException if the name is unknown
   */
  public static Schema<?> named(String name) {
    for (Schema<?> s : List.of(TOUCHPOINTS, SURVEYS, JOURNEYS, CUSTOMERS, PATHS)) {
      if (s.name.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "schema must be touchpoints, surveys, journeys, customers or paths but was '" + name + "'");
  }

  /**
   * Opens a reader over input in the given format. The reader owns {@code in} and closes it.
   *
   * @param in the input, read as characters
   * @param format CSV (header row required) or JSON Lines
   * @param options strict or lenient, zone, line limit
   * @param sink receives each rejected row
   * @return a reader of accepted values
   */
  public RowReader<T> reader(Reader in, Format format, ReadOptions options, RejectSink sink) {
    requireNonNull(in, "in");
    requireNonNull(options, "options");
    RowSource<T> source =
        switch (requireNonNull(format, "format")) {
          case CSV -> new CsvSource<>(this, new LineReader(in, options.maxLineLength()), options.zone());
          case JSON_LINES -> new JsonLinesSource<>(
              this, new LineReader(in, options.maxLineLength()), options);
        };
    return new RowReader<>(source, options, sink);
  }

  /**
   * Opens a writer in the given format; CSV starts with the header row. The writer owns {@code
   * out} and closes it.
   *
   * @param out where to write
   * @param format CSV or JSON Lines
   * @return a writer
   */
  public RowWriter<T> writer(Writer out, Format format) {
    requireNonNull(out, "out");
    return switch (requireNonNull(format, "format")) {
      case CSV -> new CsvRowWriter<>(this, out);
      case JSON_LINES -> new JsonLinesRowWriter<>(this, out);
    };
  }

  Field[] fields() {
    return fields;
  }

  /** Returns the index of the field with the given name, or -1. */
  int indexOf(String fieldName) {
    for (int f = 0; f < fields.length; f++) {
      if (fields[f].name().equals(fieldName)) {
        return f;
      }
    }
    return -1;
  }

  T parse(@Nullable String[] values, ZoneId zone) {
    return parser.parse(values, zone);
  }

  void format(T value, @Nullable String[] out) {
    formatter.format(value, out);
  }

  @Override
  public String toString() {
    return name;
  }

  // ---- touchpoints ----

  private static Touchpoint parseTouchpoint(@Nullable String[] v, ZoneId zone) {
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

  private static void formatTouchpoint(Touchpoint t, @Nullable String[] out) {
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

  private static SurveyResponse parseSurvey(@Nullable String[] v, ZoneId zone) {
    return new SurveyResponse(
        Values.required("customer", v[0]),
        Values.timestamp("timestamp", Values.required("timestamp", v[1]), zone),
        SurveyMetric.fromCode(Values.required("metric", v[2])),
        Values.int32("score", Values.required("score", v[3])),
        v[4] == null ? Optional.empty() : Optional.of(Channel.of(v[4])));
  }

  private static void formatSurvey(SurveyResponse r, @Nullable String[] out) {
    out[0] = r.customer();
    out[1] = r.at().toString();
    out[2] = r.metric().code();
    out[3] = Integer.toString(r.score());
    out[4] = r.channel().map(Channel::code).orElse(null);
  }

  // ---- journeys ----

  private static Journey parseJourney(@Nullable String[] v, ZoneId zone) {
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

  private static void formatJourney(Journey j, @Nullable String[] out) {
    out[0] = j.id();
    out[1] = j.customer();
    out[2] = j.type();
    out[3] = j.start().toString();
    out[4] = j.end().map(Instant::toString).orElse(null);
    out[5] = j.outcome().code();
  }

  // ---- customers ----

  private static Customer parseCustomer(@Nullable String[] v, ZoneId zone) {
    return new Customer(
        Values.required("customer", v[0]),
        v[1] == null ? Optional.empty() : Optional.of(RelationshipType.fromCode(v[1])),
        Optional.ofNullable(v[2]),
        Map.of());
  }

  private static void formatCustomer(Customer c, @Nullable String[] out) {
    out[0] = c.id();
    out[1] = c.relationship().map(RelationshipType::code).orElse(null);
    out[2] = c.segment().orElse(null);
  }

  private static ConversionPath parsePath(@Nullable String[] v, ZoneId zone) {
    String path = Values.required("path", v[0]);
    double conversions = Values.decimal("total_conversions", Values.required("total_conversions", v[1]));
    double value = v[2] == null ? 0 : Values.decimal("total_conversion_value", v[2]);
    double nulls = Values.decimal("total_null", Values.required("total_null", v[3]));
    return ConversionPath.parse(path, conversions, value, nulls);
  }

  private static void formatPath(ConversionPath p, @Nullable String[] out) {
    out[0] = p.text();
    out[1] = Double.toString(p.conversions());
    out[2] = Double.toString(p.value());
    out[3] = Double.toString(p.nulls());
  }
}

package io.engagekit.core.io;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.ConversionPath;
import io.engagekit.core.Customer;
import io.engagekit.core.Journey;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import java.io.Reader;
import java.io.Writer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
 * ConversionPath}): channels separated by {@code >} (spaces around it ignored; an empty channel is
 * a reject), with counts that may be fractional; an
 * empty {@code total_conversion_value} is 0.
 *
 * <p>The five schemas are constants; they are immutable and thread-safe, and each call to {@link
 * #reader} or {@link #writer} makes a new, single-threaded reader or writer.
 *
 * @param <T> the type of value a row becomes
 * @since 0.1
 */
public final class Schema<T> {
  /** The JSON type a field must have (in CSV every field is text). */
  public enum Type {
    /** A JSON string. */
    STRING,
    /** A JSON number, possibly fractional. */
    DECIMAL,
    /** A JSON whole number. */
    INTEGER
  }

  /**
   * One field of a schema.
   *
   * @param name the CSV column and JSON key, lower_snake_case
   * @param type the JSON type its values must have
   * @param required whether every row must give it
   */
  public record Field(String name, Type type, boolean required) {
    /**
     * Validates the field.
     *
     * @param name see the record description
     * @param type see the record description
     * @param required see the record description
     */
    public Field {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
    }
  }

  /**
   * Turns a row's field texts into a value.
   *
   * @param <T> the value
   */
  @FunctionalInterface
  public interface Parser<T> {
    /**
     * Parses one row.
     *
     * @param values each field's text in the schema's order, null when absent
     * @param zone the zone of dates without an offset
     * @return the value
     * @throws io.engagekit.core.InvalidFieldException naming the field, if a text is invalid: the
     *     row is rejected with that field and reason
     */
    T parse(@Nullable String[] values, ZoneId zone);
  }

  /**
   * Writes a value's field texts.
   *
   * @param <T> the value
   */
  @FunctionalInterface
  public interface Formatter<T> {
    /**
     * Formats one value.
     *
     * @param value the value
     * @param out receives each field's text in the schema's order, null for absent
     */
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
      new Schema<>("touchpoints", TOUCHPOINT_FIELDS, Rows::parseTouchpoint, Rows::formatTouchpoint,
          Rows::appendTouchpoint);

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
          Rows::parseSurvey,
          Rows::formatSurvey,
          Rows::appendSurvey);

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
          Rows::parseJourney,
          Rows::formatJourney,
          Rows::appendJourney);

  /** Customers: what is known of one customer a row (relationship type, segment). */
  public static final Schema<Customer> CUSTOMERS =
      new Schema<>(
          "customers",
          new Field[] {
            new Field("customer", Type.STRING, true),
            new Field("relationship", Type.STRING, false),
            new Field("segment", Type.STRING, false),
          },
          Rows::parseCustomer,
          Rows::formatCustomer,
          Rows::appendCustomer);

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
          Rows::parsePath,
          Rows::formatPath,
          Rows::appendPath);

  private final String name;
  private final Field[] fields;
  private final Cells.Parser<T> parser;
  private final Formatter<T> formatter;
  /** Writes a row's CSV fields in place: the built-in schemas have one; a user's schema is formatted. */
  private final @Nullable Appender<T> appender;

  /** Appends a value's CSV fields, in the schema's order. */
  @FunctionalInterface
  interface Appender<T> {
    void append(T value, CsvText out);
  }

  /**
   * Returns a schema of the caller's own, read and written like the built-in ones: rows rejected by
   * line, field and reason; duplicate, missing or unknown columns refused.
   *
   * @param name the schema's name
   * @param fields its fields, in order, with distinct names
   * @param parser turns a row into a value, throwing {@link io.engagekit.core.InvalidFieldException}
   * @param formatter writes a value's fields
   * @param <T> the value a row becomes
   * @return the schema
   * @throws IllegalArgumentException if there is no field or two share a name
   * @since 0.2
   */
  public static <T> Schema<T> of(String name, List<Field> fields, Parser<T> parser, Formatter<T> formatter) {
    Field[] copy = fields.toArray(new Field[0]);
    if (copy.length == 0 || fields.stream().map(Field::name).distinct().count() != copy.length) {
      throw new IllegalArgumentException("a schema needs fields with distinct names but was given " + fields);
    }
    requireNonNull(parser, "parser");
    return new Schema<>(requireNonNull(name, "name"), copy, (cells, zone) -> parser.parse(cells.texts(), zone),
        requireNonNull(formatter, "formatter"), null);
  }

  /**
   * Parses a whole-number field for a schema's {@link Parser}.
   *
   * @param field the field's name, for the error
   * @param text its text, null when absent
   * @return the number
   * @throws io.engagekit.core.InvalidFieldException if the text is absent or not a whole number
   * @since 0.2
   */
  public static long wholeNumber(String field, @Nullable String text) {
    return Values.integer(field, Values.required(field, text));
  }

  private Schema(String name, Field[] fields, Cells.Parser<T> parser, Formatter<T> formatter,
      @Nullable Appender<T> appender) {
    this.appender = appender;
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
          case CSV -> new CsvSource<>(this, new LineReader(in, options.maxLineLength()), options);
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

  T parse(Cells cells, ZoneId zone) {
    return parser.parse(cells, zone);
  }

  @Nullable Appender<T> appender() {
    return appender;
  }

  void format(T value, @Nullable String[] out) {
    formatter.format(value, out);
  }

  @Override
  public String toString() {
    return name;
  }
}

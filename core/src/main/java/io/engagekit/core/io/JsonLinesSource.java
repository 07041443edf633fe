package io.engagekit.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.engagekit.core.InvalidFieldException;
import java.io.IOException;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Rows of a JSON Lines file: one JSON object a line. Jackson is set up strictly: duplicate keys,
 * trailing tokens, non-finite numbers ({@code NaN}, {@code Infinity}), leading zeros, comments and
 * single quotes are all errors, and {@link StreamReadConstraints} bound every token by the line
 * limit.
 */
final class JsonLinesSource<T> extends LineRowSource<T> {
  private final Schema<T> schema;
  private final ZoneId zone;
  private final JsonFactory factory;
  private final Cells cells;
  private final @Nullable FlatJsonLine flat;

  JsonLinesSource(Schema<T> schema, LineReader lines, ReadOptions options) {
    this(schema, lines, options, true);
  }

  /** With {@code inPlace} false every line goes through Jackson: the reference in tests. */
  JsonLinesSource(Schema<T> schema, LineReader lines, ReadOptions options, boolean inPlace) {
    super(lines);
    this.schema = schema;
    this.cells = new Cells(schema.fields().length).reading(options.withDecimalSeparator('.')); // JSON numbers use '.'
    this.flat = inPlace ? new FlatJsonLine(schema) : null;
    this.zone = options.zone();
    this.factory =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(4)
                    .maxNumberLength(128)
                    .maxNameLength(1024)
                    .maxStringLength(options.maxLineLength())
                    .maxDocumentLength(options.maxLineLength() + 16L)
                    .build())
            .build();
  }

  @Override
  boolean line(long number, char[] chars, int start, int end) throws IOException {
    try {
      accept(parse(chars, start, end));
    } catch (InvalidFieldException e) {
      reject(number, e.field(), e.reason());
    } catch (Malformed e) {
      reject(number, e.field, e.getMessage());
    } catch (JsonProcessingException e) {
      reject(number, null, "row is not valid JSON: " + jacksonReason(e));
    }
    return true;
  }

  /** Jackson's message without its advice to enable features that this reader keeps off. */
  private static String jacksonReason(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    int advice = message.indexOf(": enable `");
    return advice > 0 ? message.substring(0, advice) : message;
  }

  private T parse(char[] chars, int start, int end) throws IOException {
    if (flat != null && flat.read(chars, start, end, cells)) {
      return schema.parse(cells, zone);
    }
    Schema.Field[] fields = schema.fields();
    cells.clear();
    cells.useScratch();
    try (JsonParser p = factory.createParser(chars, start, end - start)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new Malformed(null, "row must be a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        int f = schema.indexOf(name);
        if (f < 0) {
          throw new Malformed(
              null,
              "row has unknown field " + Values.quote(name) + "; the " + schema.name()
                  + " fields are " + schema.fieldNames());
        }
        JsonToken v = p.nextToken();
        if (value(fields[f], v, p)) {
          cells.copy(f, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new Malformed(null, "row is not a flat JSON object");
      }
      if (p.nextToken() != null) {
        throw new Malformed(null, "row has content after the JSON object");
      }
    }
    return schema.parse(cells, zone);
  }

  /** Checks a value's JSON type: returns false for an allowed null, true for text to keep. */
  private static boolean value(Schema.Field field, JsonToken token, JsonParser p)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      if (field.required()) {
        throw new Malformed(field.name(), "is required but was null");
      }
      return false;
    }
    switch (field.type()) {
      case STRING:
        if (token != JsonToken.VALUE_STRING) {
          throw new Malformed(field.name(), "must be a JSON string but was " + describe(token));
        }
        return true;
      case DECIMAL:
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
          throw new Malformed(field.name(), "must be a JSON number but was " + describe(token));
        }
        return true;
      case INTEGER:
        if (token != JsonToken.VALUE_NUMBER_INT) {
          throw new Malformed(field.name(), "must be a JSON integer but was " + describe(token));
        }
        return true;
      default:
        throw new AssertionError(field.type());
    }
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      default:
        return token.toString();
    }
  }


  /** A row whose JSON is well formed but does not fit the schema. */
  private static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;
    final @Nullable String field;

    Malformed(@Nullable String field, String message) {
      super(message, null);
      this.field = field;
    }
  }

}

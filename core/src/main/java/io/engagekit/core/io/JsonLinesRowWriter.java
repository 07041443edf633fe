package io.engagekit.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/** Writes JSON Lines: one object a line, absent fields left out, numbers as JSON numbers. */
final class JsonLinesRowWriter<T> implements RowWriter<T> {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final Schema<T> schema;
  private final JsonGenerator json;
  private final @Nullable String[] values;

  JsonLinesRowWriter(Schema<T> schema, Writer out) {
    this.schema = schema;
    this.values = new String[schema.fields().length];
    try {
      this.json = FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    json.setRootValueSeparator(null);
  }

  @Override
  public void write(T value) throws IOException {
    schema.format(value, values);
    Schema.Field[] fields = schema.fields();
    json.writeStartObject();
    for (int i = 0; i < fields.length; i++) {
      String v = values[i];
      if (v == null) {
        continue;
      }
      json.writeFieldName(fields[i].name());
      if (fields[i].type() == Schema.Type.STRING) {
        json.writeString(v);
      } else {
        json.writeNumber(v); // text made by Double/Long.toString: a valid JSON number
      }
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  @Override
  public void flush() throws IOException {
    json.flush();
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}

package io.engagekit.core.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a canonical CSV file: a header row, then one record a line, LF endings. The built-in
 * schemas write each row's fields straight into a buffer ({@link CsvText}); a schema of the
 * caller's own is formatted to strings and written with FastCSV. Both give the same bytes.
 */
final class CsvRowWriter<T> implements RowWriter<T> {
  private final Schema<T> schema;
  private final Schema.@Nullable Appender<T> appender;
  private final @Nullable CsvText text;
  private final @Nullable CsvWriter csv;
  private final Writer out;
  private final @Nullable String[] values;
  private final String[] cells;

  CsvRowWriter(Schema<T> schema, Writer out) {
    this(schema, out, true);
  }

  /** With {@code inPlace} false every row goes through FastCSV: the reference in tests. */
  CsvRowWriter(Schema<T> schema, Writer out, boolean inPlace) {
    this.schema = schema;
    this.out = out;
    this.appender = inPlace ? schema.appender() : null;
    this.values = new String[schema.fields().length];
    this.cells = new String[values.length];
    if (appender != null) {
      csv = null;
      text = new CsvText(out);
      for (String name : schema.fieldNames()) {
        text.text(name);
      }
      try {
        text.endRow();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    } else {
      text = null;
      csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).autoFlush(false).build(out);
      csv.writeRecord(schema.fieldNames());
    }
  }

  @Override
  public void write(T value) throws IOException {
    if (appender != null) {
      appender.append(value, text);
      text.endRow();
      return;
    }
    schema.format(value, values);
    for (int i = 0; i < values.length; i++) {
      String v = values[i];
      cells[i] = v == null ? "" : v;
    }
    csv.writeRecord(cells);
  }

  @Override
  public void flush() throws IOException {
    if (text != null) {
      text.drain();
      out.flush();
    } else {
      csv.flush();
    }
  }

  @Override
  public void close() throws IOException {
    if (text != null) {
      try {
        text.drain();
      } finally {
        out.close();
      }
    } else {
      csv.close();
    }
  }
}

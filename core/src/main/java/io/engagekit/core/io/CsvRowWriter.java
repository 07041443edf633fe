package io.engagekit.core.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/** Writes a canonical CSV file with FastCSV: a header row, then one record a line, LF endings. */
final class CsvRowWriter<T> implements RowWriter<T> {
  private final Schema<T> schema;
  private final CsvWriter csv;
  private final @Nullable String[] values;
  private final String[] cells;

  CsvRowWriter(Schema<T> schema, Writer out) {
    this.schema = schema;
    this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).autoFlush(false).build(out);
    this.values = new String[schema.fields().length];
    this.cells = new String[values.length];
    csv.writeRecord(schema.fieldNames());
  }

  @Override
  public void write(T value) throws IOException {
    schema.format(value, values);
    for (int i = 0; i < values.length; i++) {
      String v = values[i];
      cells[i] = v == null ? "" : v;
    }
    csv.writeRecord(cells);
  }

  @Override
  public void flush() throws IOException {
    csv.flush();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}

package io.engagekit.core.io;

import io.engagekit.core.InvalidFieldException;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Rows of a canonical CSV file: a header row naming the columns, then one record a line. */
final class CsvSource<T> extends RowSource<T> {
  private final Schema<T> schema;
  private final LineReader lines;
  private final ZoneId zone;
  private final List<String> cells = new ArrayList<>();
  private int[] columnToField = new int[0];
  private boolean headerRead;

  CsvSource(Schema<T> schema, LineReader lines, ZoneId zone) {
    this.schema = schema;
    this.lines = lines;
    this.zone = zone;
  }

  @Override
  boolean advance() throws IOException {
    if (!headerRead) {
      readHeader();
    }
    while (lines.next()) {
      if (lines.blank()) {
        continue;
      }
      long line = lines.lineNumber();
      if (lines.tooLong()) {
        reject(line, null, "line is longer than " + lines.maxLength() + " characters");
        return true;
      }
      String error = CsvLines.split(lines.line(), ',', cells);
      if (error != null) {
        reject(line, null, "row is not valid CSV: " + error);
        return true;
      }
      if (cells.size() != columnToField.length) {
        reject(
            line,
            null,
            "row has " + cells.size() + " fields but the header has " + columnToField.length);
        return true;
      }
      @Nullable String[] values = new String[schema.fields().length];
      for (int c = 0; c < columnToField.length; c++) {
        String cell = cells.get(c);
        values[columnToField[c]] = cell.isEmpty() ? null : cell;
      }
      try {
        accept(schema.parse(values, zone));
      } catch (InvalidFieldException e) {
        reject(line, e.field(), e.reason());
      }
      return true;
    }
    return false;
  }

  private void readHeader() throws IOException {
    headerRead = true;
    while (lines.next()) {
      if (lines.blank()) {
        continue;
      }
      long line = lines.lineNumber();
      if (lines.tooLong()) {
        throw header(line, "is longer than " + lines.maxLength() + " characters");
      }
      String error = CsvLines.split(lines.line(), ',', cells);
      if (error != null) {
        throw header(line, "is not valid CSV: " + error);
      }
      Schema.Field[] fields = schema.fields();
      columnToField = new int[cells.size()];
      boolean[] seen = new boolean[fields.length];
      for (int c = 0; c < cells.size(); c++) {
        String name = cells.get(c);
        int f = schema.indexOf(name);
        if (f < 0) {
          throw header(
              line,
              "has unknown column " + Values.quote(name) + "; the " + schema.name()
                  + " columns are " + schema.fieldNames());
        }
        if (seen[f]) {
          throw header(line, "names column '" + name + "' twice");
        }
        seen[f] = true;
        columnToField[c] = f;
      }
      List<String> missing = new ArrayList<>();
      for (int f = 0; f < fields.length; f++) {
        if (fields[f].required() && !seen[f]) {
          missing.add(fields[f].name());
        }
      }
      if (!missing.isEmpty()) {
        throw header(line, "lacks required column(s) " + missing);
      }
      return;
    }
    throw new IllegalArgumentException(
        "input is empty: a CSV header row naming the " + schema.name() + " columns is required");
  }


  private IllegalArgumentException header(long line, String reason) {
    return new IllegalArgumentException("line " + line + ": the CSV header " + reason);
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  @Override
  public String toString() {
    return "CsvSource" + Arrays.toString(columnToField);
  }
}

package io.engagekit.core.io;

import io.engagekit.core.InvalidFieldException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Rows of a canonical CSV file: a header row naming the columns, then one record a line. */
final class CsvSource<T> extends LineRowSource<T> {
  private final Schema<T> schema;
  private final ZoneId zone;
  private final CsvLines.Fields split = new CsvLines.Fields();
  private final Cells cells;
  private int @Nullable [] columnToField;

  CsvSource(Schema<T> schema, LineReader lines, ReadOptions options) {
    this(schema, lines, options.zone());
    cells.reading(options);
  }

  CsvSource(Schema<T> schema, LineReader lines, ZoneId zone) {
    super(lines);
    this.schema = schema;
    this.zone = zone;
    this.cells = new Cells(schema.fields().length);
  }

  @Override
  boolean line(long number, char[] chars, int start, int end) {
    int[] columns = columnToField;
    if (columns == null) {
      readHeader(number, new String(chars, start, end - start));
      return false;
    }
    String error = CsvLines.split(chars, start, end, ',', split);
    if (error != null) {
      reject(number, null, "row is not valid CSV: " + error);
    } else if (split.count() != columns.length) {
      reject(number, null, "row has " + split.count() + " fields but the header has " + columns.length);
    } else {
      cells.clear();
      cells.data = chars;
      for (int c = 0; c < columns.length; c++) {
        int from = split.start(c);
        int to = split.end(c);
        if (to > from) {
          cells.set(columns[c], from, to);
        }
      }
      try {
        accept(schema.parse(cells, zone));
      } catch (InvalidFieldException e) {
        reject(number, e.field(), e.reason());
      }
    }
    return true;
  }

  @Override
  void malformed(long number, String reason) {
    if (columnToField == null) {
      throw header(number, reason);
    }
    super.malformed(number, reason);
  }

  @Override
  void tooLong(long number) {
    if (columnToField == null) {
      throw header(number, "is longer than " + maxLineLength() + " characters");
    }
    super.tooLong(number);
  }

  @Override
  void atEnd() {
    if (columnToField == null) {
      throw new IllegalArgumentException(
          "input is empty: a CSV header row naming the " + schema.name() + " columns is required");
    }
  }

  private void readHeader(long number, String text) {
    List<String> cells = new ArrayList<>();
    String error = CsvLines.split(text, ',', cells);
    if (error != null) {
      throw header(number, "is not valid CSV: " + error);
    }
    Schema.Field[] fields = schema.fields();
    int[] columns = new int[cells.size()];
    boolean[] seen = new boolean[fields.length];
    for (int c = 0; c < cells.size(); c++) {
      String name = cells.get(c);
      int f = schema.indexOf(name);
      if (f < 0) {
        throw header(number, "has unknown column " + Values.quote(name)
            + io.engagekit.core.internal.Suggestions.didYouMean(name, schema.fieldNames()) + "; the " + schema.name()
            + " columns are " + schema.fieldNames());
      }
      if (seen[f]) {
        throw header(number, "names column '" + name + "' twice");
      }
      seen[f] = true;
      columns[c] = f;
    }
    List<String> missing = new ArrayList<>();
    for (int f = 0; f < fields.length; f++) {
      if (fields[f].required() && !seen[f]) {
        missing.add(fields[f].name());
      }
    }
    if (!missing.isEmpty()) {
      throw header(number, "lacks required column(s) " + missing);
    }
    columnToField = columns;
  }

  private static IllegalArgumentException header(long number, String reason) {
    return new IllegalArgumentException("line " + number + ": the CSV header " + reason);
  }
}

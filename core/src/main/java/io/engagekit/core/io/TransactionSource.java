package io.engagekit.core.io;

import io.engagekit.core.InvalidFieldException;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointBuilder;
import io.engagekit.core.TouchpointKind;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Purchases from a transaction log, one a line. */
final class TransactionSource extends LineRowSource<Touchpoint> {
  private final TransactionLogFormat format;
  private final ZoneId zone;
  private final @Nullable DateTimeFormatter dates;
  private final List<String> cells = new ArrayList<>();
  private int customer;
  private int date;
  private int amount;
  private int quantity = -1;
  private int needed;
  private boolean headerPending;

  TransactionSource(TransactionLogFormat format, LineReader lines, ZoneId zone) {
    super(lines);
    this.format = format;
    this.zone = zone;
    this.dates = format.datePattern().map(TransactionLogFormat::formatter).orElse(null);
    if (format.header()) {
      headerPending = true;
    } else {
      resolve(null, 0);
    }
  }

  @Override
  boolean line(long number, String text) {
    String error = split(text);
    if (headerPending) {
      if (error != null) {
        throw new IllegalArgumentException("line " + number + ": the header is malformed: " + error);
      }
      resolve(cells, number);
      headerPending = false;
      return false;
    }
    if (error != null) {
      reject(number, null, "row is malformed: " + error);
    } else if (cells.size() < needed) {
      reject(number, null, "row has " + cells.size() + " fields but the columns need at least " + needed);
    } else {
      try {
        accept(parse());
      } catch (InvalidFieldException e) {
        reject(number, rename(e.field()), e.reason());
      }
    }
    return true;
  }

  @Override
  void atEnd() {
    if (headerPending) {
      throw new IllegalArgumentException(
          "input is empty: a header row was expected (a log without one needs header = false)");
    }
  }

  @Override
  void tooLong(long number) {
    if (headerPending) {
      throw new IllegalArgumentException(
          "line " + number + ": the header is longer than " + maxLineLength() + " characters");
    }
    super.tooLong(number);
  }

  private Touchpoint parse() {
    String id = cells.get(customer);
    if (id.isEmpty()) {
      throw new InvalidFieldException("customer", "is required but was empty");
    }
    Instant at = instant(cells.get(date));
    TouchpointBuilder b =
        Touchpoint.builder(id, at, format.channel(), TouchpointKind.PURCHASE)
            .value(Values.decimal("amount", cells.get(amount)));
    if (quantity >= 0) {
      b.quantity(Values.integer("quantity", cells.get(quantity)));
    }
    return b.build();
  }

  private Instant instant(String text) {
    if (dates == null) {
      return Values.timestamp("date", text, zone);
    }
    LocalDate day;
    LocalTime time;
    ZoneId textZone;
    try {
      // One parse, then ask what the pattern gave: parseBest would try ZonedDateTime first and
      // throw for every date-only row (7.3 KB and ~15 µs a row in ReaderBenchmark, results/2026-11-22).
      TemporalAccessor parsed = dates.parse(text);
      day = parsed.query(TemporalQueries.localDate());
      time = parsed.query(TemporalQueries.localTime());
      textZone = parsed.query(TemporalQueries.zone());
    } catch (DateTimeException e) {
      throw new InvalidFieldException(
          "date",
          "must be a date matching '" + format.datePattern().orElseThrow() + "' but was " + Values.quote(text));
    }
    if (day == null) {
      throw new InvalidFieldException(
          "date",
          "pattern '" + format.datePattern().orElseThrow() + "' gives no full date (year, month, day) in "
              + Values.quote(text));
    }
    ZoneId in = textZone != null ? textZone : zone;
    return (time == null ? day.atStartOfDay(in) : day.atTime(time).atZone(in)).toInstant();
  }

  private static String rename(String field) {
    switch (field) {
      case "value":
        return "amount";
      case "timestamp":
        return "date";
      default:
        return field;
    }
  }

  private @Nullable String split(String line) {
    if (format.delimiter() != Delimiter.WHITESPACE) {
      return CsvLines.split(line, format.delimiter().separator(), cells);
    }
    cells.clear();
    int n = line.length();
    int i = 0;
    while (true) {
      while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      if (i == n) {
        return null;
      }
      int start = i;
      while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
        i++;
      }
      cells.add(line.substring(start, i));
    }
  }

  private void resolve(@Nullable List<String> headerCells, long line) {
    customer = index(format.customer(), headerCells, line);
    date = index(format.date(), headerCells, line);
    amount = index(format.amount(), headerCells, line);
    needed = Math.max(customer, Math.max(date, amount)) + 1;
    if (format.quantity().isPresent()) {
      quantity = index(format.quantity().get(), headerCells, line);
      needed = Math.max(needed, quantity + 1);
    }
  }

  private static int index(Column column, @Nullable List<String> headerCells, long line) {
    if (!column.isNamed()) {
      return column.number() - 1;
    }
    int i = headerCells == null ? -1 : headerCells.indexOf(column.name());
    if (i < 0) {
      throw new IllegalArgumentException(
          "line " + line + ": the header has no column '" + column.name() + "'; it has " + headerCells);
    }
    return i;
  }

}

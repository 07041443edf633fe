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
  private final @Nullable FixedDatePattern fixedDates;
  private final CsvLines.Fields fields = new CsvLines.Fields();
  private final Cells cells = new Cells(1);
  private int customer;
  private int date;
  private int amount;
  private int quantity = -1;
  private int needed;
  private boolean headerPending;

  TransactionSource(TransactionLogFormat format, LineReader lines, ReadOptions options) {
    this(format, lines, options.zone());
    cells.reading(options);
  }

  TransactionSource(TransactionLogFormat format, LineReader lines, ZoneId zone) {
    super(lines);
    this.format = format;
    this.zone = zone;
    this.dates = format.datePattern().map(TransactionLogFormat::formatter).orElse(null);
    this.fixedDates = format.datePattern().map(FixedDatePattern::of).orElse(null);
    if (format.header()) {
      headerPending = true;
    } else {
      resolve(null, 0);
    }
  }

  @Override
  boolean line(long number, char[] chars, int start, int end) {
    String error = split(chars, start, end);
    if (headerPending) {
      if (error != null) {
        throw new IllegalArgumentException("line " + number + ": the header is malformed: " + error);
      }
      List<String> names = new ArrayList<>(fields.count());
      for (int f = 0; f < fields.count(); f++) {
        names.add(new String(chars, fields.start(f), fields.end(f) - fields.start(f)));
      }
      if (!named()) {
        refuseDataAsHeader(number, chars);
      }
      resolve(names, number);
      headerPending = false;
      return false;
    }
    if (error != null) {
      reject(number, null, "row is malformed: " + error);
    } else if (fields.count() < needed) {
      reject(number, null, "row has " + fields.count() + " fields but the columns need at least " + needed);
    } else {
      try {
        accept(parse(chars));
      } catch (InvalidFieldException e) {
        reject(number, rename(e.field()), e.reason());
      }
    }
    return true;
  }

  /** Whether a column is named, so that the header must name it. */
  private boolean named() {
    return format.customer().isNamed() || format.date().isNamed() || format.amount().isNamed()
        || format.quantity().map(Column::isNamed).orElse(false);
  }

  /**
   * With columns by number, the header's cells are not checked against names: a first row that
   * reads as a purchase (a customer, a date and an amount where the columns say) is data, and taking
   * it as a header would lose it silently. Refuses it.
   */
  private void refuseDataAsHeader(long number, char[] chars) {
    resolve(null, number);
    if (fields.count() < needed) {
      return;
    }
    Touchpoint purchase;
    try {
      purchase = parse(chars);
    } catch (InvalidFieldException e) {
      return; // not a purchase: a header
    }
    throw new IllegalArgumentException("line " + number + ": the header row reads as a purchase (a date "
        + purchase.at() + " and an amount " + purchase.valueOr(0) + " where the columns say): the log seems to "
        + "have no header row, and taking this row as one would lose it; read it with header = false (the "
        + "command line's --no-header), or give it a header row");
  }

  @Override
  void atEnd() {
    if (headerPending) {
      throw new IllegalArgumentException(
          "input is empty: a header row was expected (a log without one needs header = false)");
    }
  }

  @Override
  void malformed(long number, String reason) {
    if (headerPending) {
      throw new IllegalArgumentException("line " + number + ": the header " + reason);
    }
    super.malformed(number, reason);
  }

  @Override
  void tooLong(long number) {
    if (headerPending) {
      throw new IllegalArgumentException(
          "line " + number + ": the header is longer than " + maxLineLength() + " characters");
    }
    super.tooLong(number);
  }

  private Touchpoint parse(char[] chars) {
    if (fields.end(customer) == fields.start(customer)) {
      throw new InvalidFieldException("customer", "is required but was empty");
    }
    cells.data = chars;
    cells.set(0, fields.start(customer), fields.end(customer));
    String id = cells.id(0, "customer");
    Instant at = instant(chars, fields.start(date), fields.end(date));
    TouchpointBuilder b =
        Touchpoint.builder(id, at, format.channel(), TouchpointKind.PURCHASE)
            .value(cells.decimalSeparator == ',' ? Values.decimalComma("amount", chars, fields.start(amount),
                fields.end(amount)) : Values.decimal("amount", chars, fields.start(amount), fields.end(amount)));
    if (quantity >= 0) {
      b.quantity(Values.integer("quantity", chars, fields.start(quantity), fields.end(quantity)));
    }
    return b.build();
  }

  private Instant instant(char[] chars, int from, int to) {
    if (dates == null) {
      return Values.timestamp("date", chars, from, to, zone);
    }
    if (fixedDates != null) {
      Instant fast = fixedDates.parse(chars, from, to, zone);
      if (fast != null) {
        return fast;
      }
    }
    String text = new String(chars, from, to - from);
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

  private @Nullable String split(char[] chars, int from, int to) {
    if (format.delimiter() != Delimiter.WHITESPACE) {
      return CsvLines.split(chars, from, to, format.delimiter().separator(), fields);
    }
    CsvLines.whitespace(chars, from, to, fields);
    return null;
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
          "line " + line + ": the header has no column '" + column.name() + "'"
              + (headerCells == null ? "" : io.engagekit.core.internal.Suggestions.didYouMean(column.name(), headerCells))
              + "; it has " + headerCells);
    }
    return i;
  }

}
